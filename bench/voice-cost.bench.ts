/**
 * Temporal cost of a voice campaign: history events and billable actions per dialed prospect.
 *
 *   node -r @swc-node/register bench/voice-cost.bench.ts
 *
 * Scenarios (one after the other, so that server-side counters can be attributed): 1,000
 * prospects at 10 calls/s and 120 prospects at 1 call/s; each campaign runs to completion
 * (200 DIDs, prospects inside their calling window, max_attempts 1 so each prospect is dialed
 * once, calls answered in milliseconds: timeScale 0.001, default outcome mix). Then every run of
 * the workflow is read (following continue-as-new) and counted:
 *
 *   actions = workflow started (once; each continue-as-new counts one more) + activities
 *             scheduled + activity retries (attempt - 1 of each ACTIVITY_TASK_STARTED) + timers
 *             started + signals received + search-attribute upserts + markers + child starts
 *             + updates.
 *
 * Not in a history and so not in that figure: queries (this benchmark sends none) and activity
 * heartbeats; the heartbeats the server received are read from its metrics
 * (service_requests{operation="RecordActivityTaskHeartbeat"}) and shown separately.
 *
 * Env: BENCH_COST_SCENARIOS (default "1000@10,120@1": prospects@cps). About 4-5 minutes.
 */
import { sql } from 'kysely';
import type { CampaignWorkflowResult } from '@engine/contracts';
import { sleep, startBenchStack } from './support/campaign-bench-stack';
import { fetchRunChain, summarizeCost } from './support/history';
import { diffCounts, serviceRequestsByOperation } from './support/server-metrics';
import { percentile } from './support/services';

const SCENARIOS = (process.env['BENCH_COST_SCENARIOS'] ?? '1000@10,120@1').split(',').map((s) => {
  const [prospects, cps] = s.split('@').map(Number);
  return { prospects: prospects!, cps: cps! };
});
const HARD_LIMIT_MS = 20 * 60_000;

const per = (n: number, d: number) => (d > 0 ? (n / d).toFixed(2) : 'n/a');

async function main(): Promise<void> {
  const hardStop = setTimeout(() => {
    console.error(`hard limit of ${HARD_LIMIT_MS / 60_000} min reached`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  hardStop.unref();

  const stack = await startBenchStack({ timeScale: 0.001, channelPool: 2000 });
  const lines: string[] = [];
  try {
    for (const { prospects, cps } of SCENARIOS) {
      const campaign = await stack.newCampaign({ prospects, callsPerSecond: cps });
      const before = await serviceRequestsByOperation(stack.temporalMetricsUrl);
      const started = performance.now();
      const handle = await stack.startCampaign(campaign);
      const budgetMs = (prospects / cps) * 1000 * 2 + 120_000;
      const result = (await Promise.race([
        handle.result(),
        sleep(budgetMs).then(() => {
          throw new Error(`campaign ${prospects}@${cps} did not complete within ${budgetMs / 1000} s`);
        }),
      ])) as CampaignWorkflowResult;
      const seconds = (performance.now() - started) / 1000;
      await sleep(1_000);
      const requests = diffCounts(before, await serviceRequestsByOperation(stack.temporalMetricsUrl));

      const runs = await fetchRunChain(stack.client, campaign.workflowId, handle.firstExecutionRunId);
      const cost = summarizeCost(runs);
      const dialed = Number(
        (
          await sql<{ n: string }>`
            select count(distinct prospect_id) as n from call_attempts
            where campaign_id = ${campaign.campaignId} and originated_at is not null`.execute(stack.db)
        ).rows[0]?.n ?? 0,
      );
      const heartbeats = requests['RecordActivityTaskHeartbeat'] ?? 0;
      const b = cost.breakdown;
      const dial = cost.activityDurationsMs['dialNextBatch']?.sort((x, y) => x - y) ?? [];
      const out = [
        `${prospects} prospects at ${cps}/s: ${result.status} in ${seconds.toFixed(0)} s; dialed ${dialed} ` +
          `(workflow counters: dialed ${result.counters.dialed}, outcomes ${JSON.stringify(result.counters.outcomes)})`,
        `  runs ${cost.runs} (continue-as-new ${b.continueAsNew}); history events ${cost.events} = ${per(cost.events, dialed)} per dialed prospect`,
        `  actions ${cost.actions} = ${per(cost.actions, dialed)} per dialed prospect` +
          ` (+ ${heartbeats} activity heartbeats from server metrics = ${per(cost.actions + heartbeats, dialed)} with them)`,
        `    per prospect: activities ${per(b.activitiesScheduled, dialed)} (retries ${b.activityRetries}), timers ${per(b.timersStarted, dialed)}, ` +
          `signals ${per(b.signalsReceived, dialed)}, upserts ${b.searchAttributeUpserts}, started ${b.workflowStarted}, markers ${b.markers}`,
        `    activities by type: ${JSON.stringify(cost.activitiesByType)}`,
        `    workflow tasks ${cost.eventsByType['WORKFLOW_TASK_COMPLETED'] ?? 0} (${per(cost.eventsByType['WORKFLOW_TASK_COMPLETED'] ?? 0, dialed)} per prospect), ` +
          `dialNextBatch p50 ${percentile(dial, 50)} ms / p99 ${percentile(dial, 99)} ms`,
        `    events by type: ${JSON.stringify(cost.eventsByType)}`,
        `    server requests during the run: ${JSON.stringify(pick(requests, ['StartWorkflowExecution', 'SignalWorkflowExecution', 'RecordActivityTaskHeartbeat', 'QueryWorkflow', 'RespondWorkflowTaskCompleted', 'RespondActivityTaskCompleted']))}`,
      ];
      for (const l of out) console.log(l);
      lines.push(
        `  ${`${prospects}@${cps}/s`.padEnd(12)} | ${String(dialed).padStart(6)} | ${String(cost.runs).padStart(4)} | ` +
          `${per(cost.events, dialed).padStart(13)} | ${per(cost.actions, dialed).padStart(14)} | ${per(cost.actions + heartbeats, dialed).padStart(16)}`,
      );
    }
    console.log('\nVoice campaign cost per dialed prospect (goal: <= 5 actions)');
    console.log('  campaign     | dialed | runs | events/prosp. | actions/prosp. | +heartbeats/prosp.');
    for (const l of lines) console.log(l);
    console.log('  (queries are billable but not in history; none were sent here)');
  } finally {
    await stack.close();
  }
}

function pick(record: Record<string, number>, keys: string[]): Record<string, number> {
  return Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, record[k]!]));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
