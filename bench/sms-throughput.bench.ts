/**
 * How many SMS a second the engine drives when the per-DID gap does not hold it back.
 *
 *   node -r @swc-node/register bench/sms-throughput.bench.ts
 *
 * SMS drip campaigns (`channel: 'sms'`, `message: 'Hi {{first_name}}'`, `mode.sms_gap_minutes: 0`,
 * a `first_name` fallback, half the prospects with a first name), every prospect with an explicit
 * zone where the local hour is 9-17 now, each campaign with its own customer and 100 DIDs. The
 * drip sends one prospect per tick and the next tick comes `gap / usable DIDs` = 0 ms later, so
 * the rate is what the engine (workflow task, `sendNextSms` activity, PostgreSQL, the carrier
 * call, the Temporal server) allows. The carrier simulator answers at
 * once (timeScale 0.0001) and posts its receipts to the API in this process; the campaign worker
 * is a child process (apps/worker/src/main.ts, production settings) unless BENCH_SMS_WORKER=in-process.
 *
 * Two scenarios, one after the other: one campaign of 2,000 prospects alone, then 4 campaigns of
 * 1,000 prospects each at once (kept smaller so that the run stays short). Rates come
 * from sms_messages.sent_at: the steady part is the middle 80 % of the messages (the first and
 * last 10 % dropped); the figure quoted is the median of its 5-s windows, with the mean over the
 * steady part next to it. For 4 campaigns the steady part is where all four were sending.
 * Temporal cost per message is read from the workflow histories (bench/support/history.ts,
 * following continue-as-new).
 *
 * Env: BENCH_SMS_PROSPECTS (default 2000), BENCH_SMS_CONCURRENT (default 4; 1: one campaign
 * only), BENCH_SMS_CONCURRENT_PROSPECTS (default 1000), BENCH_SMS_WORKER (child | in-process),
 * BENCH_SMS_TIMEOUT_S (per scenario, default 300), BENCH_SMS_TRANSFER_POLL_RPS (sets the dev
 * server's history.transferProcessorMaxPollRPS; default Temporal's 20). About 4-5 minutes.
 */
import { performance } from 'node:perf_hooks';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { sql } from 'kysely';
import { CAMPAIGN_WORKFLOW_TYPE, campaignSearchAttributes, campaignWorkflowId } from '@engine/contracts';
import { createCustomerWithApiKey, insertCampaign } from '@engine/db';
import type { BenchStack } from './support/campaign-bench-stack';
import { sleep, startBenchStack, zoneWithLocalHour } from './support/campaign-bench-stack';
import type { CostSummary, RunHistory } from './support/history';
import { fetchRunChain, summarizeCost, workflowTaskFailures } from './support/history';
import { formatCpu, startCpuWindow } from './support/proc-stats';
import { armHardStop, median, percentile } from './support/services';

const PROSPECTS = Number(process.env['BENCH_SMS_PROSPECTS'] ?? 2_000);
const CONCURRENT = Number(process.env['BENCH_SMS_CONCURRENT'] ?? 4);
const CONCURRENT_PROSPECTS = Number(process.env['BENCH_SMS_CONCURRENT_PROSPECTS'] ?? 1_000);
const WORKER = process.env['BENCH_SMS_WORKER'] === 'in-process' ? 'in-process' : 'child';
const TIMEOUT_MS = Number(process.env['BENCH_SMS_TIMEOUT_S'] ?? 300) * 1000;
/**
 * The dev server's `history.transferProcessorMaxPollRPS` (Temporal's default is 20 reads a second
 * of a shard's transfer queue, and the dev server has one shard); unset: the default.
 */
const TRANSFER_POLL_RPS = process.env['BENCH_SMS_TRANSFER_POLL_RPS'];
const DIDS = 100;
const WINDOW_MS = 5_000;
const HARD_LIMIT_MS = 20 * 60_000;

interface SmsCampaign {
  index: number;
  campaignId: string;
  customerId: string;
  workflowId: string;
  handle?: WorkflowHandleWithFirstExecutionRunId;
}

interface RateFigures {
  messages: number;
  steadyMessages: number;
  steadySeconds: number;
  steadyMean: number;
  windowMedian: number;
  windows: number[];
  overall: number;
}

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

let campaignSeq = 0;

async function main(): Promise<void> {
  armHardStop(HARD_LIMIT_MS);

  const stack = await startBenchStack({
    timeScale: 0.0001,
    worker: WORKER,
    ...(TRANSFER_POLL_RPS
      ? { dynamicConfig: { 'history.transferProcessorMaxPollRPS': Number(TRANSFER_POLL_RPS) } }
      : {}),
  });
  const zone = zoneWithLocalHour(new Date(), 9, 17);
  console.log(
    `SMS drip, gap 0, ${DIDS} DIDs per campaign, prospects in ${zone}, worker ${WORKER}` +
      (TRANSFER_POLL_RPS ? `, history.transferProcessorMaxPollRPS ${TRANSFER_POLL_RPS}` : ''),
  );
  const summary: string[] = [];
  try {
    for (const count of CONCURRENT > 1 ? [1, CONCURRENT] : [1]) {
      const campaigns: SmsCampaign[] = [];
      const prospects = count === 1 ? PROSPECTS : CONCURRENT_PROSPECTS;
      for (let i = 0; i < count; i++) campaigns.push(await newSmsCampaign(stack, zone, prospects));
      const label = count === 1 ? `1 campaign x ${prospects}` : `${count} campaigns x ${prospects}`;
      const cpu = startCpuWindow({
        'bench (api+sim)': { pid: process.pid },
        worker: { pid: stack.pids.worker },
        temporal: { pid: stack.pids.temporal },
        postgres: { pid: stack.pids.postgres, tree: true },
        redis: { pid: stack.pids.redis },
      });
      const xactBefore = await transactions(stack);
      const t0 = performance.now();
      for (const c of campaigns) c.handle = await startSmsCampaign(stack, c);
      const total = prospects * count;
      const ids = campaigns.map((c) => c.campaignId);
      let sent = 0;
      let lastLog = 0;
      for (;;) {
        sent = await sentCount(stack, ids);
        if (sent >= total) break;
        if (performance.now() - t0 > TIMEOUT_MS) {
          console.log(`  ${label}: timed out after ${TIMEOUT_MS / 1000} s with ${sent}/${total} sent`);
          break;
        }
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          console.log(
            `  ${label}: ${sent}/${total} sent after ${((performance.now() - t0) / 1000).toFixed(0)} s`,
          );
        }
        await sleep(500);
      }
      const elapsed = (performance.now() - t0) / 1000;
      const cpuWindow = cpu.stop();

      // Let the campaigns complete (receipts are instant) so the histories are whole; cancel the rest.
      const results = await Promise.all(
        campaigns.map((c) =>
          Promise.race([
            c.handle!.result().then(() => 'completed'),
            sleep(30_000).then(() => 'still running'),
          ]),
        ),
      );
      for (const [i, c] of campaigns.entries()) {
        if (results[i] !== 'completed') await c.handle!.signal('cancel', {}).catch(() => undefined);
      }

      const xacts = (await transactions(stack)) - xactBefore;
      const times = await sentTimes(stack, ids);
      const perCampaign = campaigns.map((c) => rates(times.get(c.campaignId) ?? []));
      const aggregate =
        count === 1 ? perCampaign[0]! : aggregateRates(campaigns.map((c) => times.get(c.campaignId) ?? []));
      console.log(
        `\n${label}: ${sent}/${total} sent in ${elapsed.toFixed(1)} s (from the first start); final: ${results.join(', ')}`,
      );
      console.log(
        `  messages/s: ${aggregate.windowMedian.toFixed(1)} (median of ${aggregate.windows.length} 5-s windows: ` +
          `${aggregate.windows.map((w) => w.toFixed(1)).join(' ')}), mean over the steady ${aggregate.steadySeconds.toFixed(1)} s ` +
          `${aggregate.steadyMean.toFixed(1)}, first to last message ${aggregate.overall.toFixed(1)}`,
      );
      if (count > 1) {
        console.log(
          `  per campaign (median 5-s window): ${perCampaign.map((r) => r.windowMedian.toFixed(1)).join(', ')} msg/s`,
        );
      }
      console.log(`  CPU while sending: ${formatCpu(cpuWindow)}`);
      console.log(
        `  PostgreSQL: ${(xacts / Math.max(1, sent)).toFixed(1)} committed transactions per message ` +
          `(engine and the two receipts; one per autocommit statement, pg_stat_database)`,
      );

      const costs: CostSummary[] = [];
      const cycle: Cycle = {
        queueWait: [],
        execution: [],
        turnaround: [],
        wftQueueWait: [],
        wftProcessing: [],
      };
      for (const c of campaigns) {
        const runs = await fetchRunChain(stack.client, c.workflowId, c.handle!.firstExecutionRunId);
        costs.push(summarizeCost(runs));
        addCycle(cycle, runs);
        const failures = workflowTaskFailures(runs);
        if (failures.length > 0)
          console.log(`  workflow task failures (${c.workflowId}): ${JSON.stringify(failures)}`);
      }
      const msgs = campaigns.reduce((n, c) => n + (times.get(c.campaignId)?.length ?? 0), 0);
      const events = costs.reduce((n, c) => n + c.events, 0);
      const actions = costs.reduce((n, c) => n + c.actions, 0);
      const activities = costs.reduce((n, c) => n + c.breakdown.activitiesScheduled, 0);
      const timers = costs.reduce((n, c) => n + c.breakdown.timersStarted, 0);
      const runs = costs.reduce((n, c) => n + c.runs, 0);
      const wfts = costs.reduce((n, c) => n + (c.eventsByType['WORKFLOW_TASK_COMPLETED'] ?? 0), 0);
      const sendMs = costs.flatMap((c) => c.activityDurationsMs['sendNextSms'] ?? []).sort((a, b) => a - b);
      const wftMs = costs.flatMap((c) => c.workflowTaskMs).sort((a, b) => a - b);
      const per = (n: number) => (msgs > 0 ? (n / msgs).toFixed(2) : 'n/a');
      console.log(
        `  Temporal per message: ${per(events)} history events, ${per(actions)} actions ` +
          `(activities ${per(activities)}, timers ${per(timers)}, workflow tasks ${per(wfts)}; ${runs} runs incl. continue-as-new)`,
      );
      console.log(
        `  sendNextSms schedule-to-close p50 ${percentile(sendMs, 50)} ms, p99 ${percentile(sendMs, 99)} ms; ` +
          `workflow task p50 ${percentile(wftMs, 50)} ms, p99 ${percentile(wftMs, 99)} ms; ` +
          `activities by type ${JSON.stringify(mergeCounts(costs.map((c) => c.activitiesByType)))}`,
      );
      const p50 = (values: number[]) =>
        percentile(
          [...values].sort((a, b) => a - b),
          50,
        );
      console.log(
        `  one message, p50 from history: sendNextSms waits ${p50(cycle.queueWait)} ms in the queue + runs ` +
          `${p50(cycle.execution)} ms; then ${p50(cycle.turnaround)} ms from its completion to the next ` +
          `sendNextSms scheduled (workflow task: ${p50(cycle.wftQueueWait)} ms to be picked up + ` +
          `${p50(cycle.wftProcessing)} ms to complete)`,
      );
      summary.push(
        `  ${label.padEnd(22)} | ${aggregate.windowMedian.toFixed(1).padStart(14)} | ${aggregate.steadyMean
          .toFixed(1)
          .padStart(
            11,
          )} | ${(count > 1 ? perCampaign.map((r) => r.windowMedian.toFixed(1)).join('/') : '-').padStart(22)} | ` +
          `${per(events).padStart(10)} | ${per(actions).padStart(11)} | ${String(percentile(sendMs, 50)).padStart(14)}`,
      );
    }
    console.log(`\nSMS throughput, gap 0, ${DIDS} DIDs per campaign (worker ${WORKER})`);
    console.log(
      '  scenario               | msg/s (median) | steady mean | per campaign (median)  | events/msg | actions/msg | sendNextSms p50',
    );
    for (const l of summary) console.log(l);
  } finally {
    await stack.close();
  }
}

async function newSmsCampaign(stack: BenchStack, zone: string, prospects: number): Promise<SmsCampaign> {
  const index = campaignSeq++;
  const { customer } = await createCustomerWithApiKey(stack.db, `sms bench ${index}`);
  await sql`
    insert into dids (customer_id, number, area_code)
    select ${customer.id}, '+1415' || lpad((3000000 + ${index}::int * 1000 + g)::text, 7, '0'), '415'
    from generate_series(0, ${DIDS - 1}) g`.execute(stack.db);
  const campaign = await insertCampaign(stack.db, {
    customer_id: customer.id,
    name: `sms bench ${index}`,
    channel: 'sms',
    message: 'Hi {{first_name}}',
    mode: { sms_gap_minutes: 0, template_fallbacks: { first_name: 'there' } },
    schedule: { timezone: zone },
  });
  // Distinct numbers per campaign (the simulator's ledger is shared); half have a first name.
  await sql`
    insert into prospects (campaign_id, phone, area_code, timezone, variables)
    select ${campaign.id}, '+1628' || lpad((${index}::int * 100000 + g)::text, 7, '0'), '628', ${zone},
           case when g % 2 = 0 then jsonb_build_object('first_name', 'Ann' || g) else '{}'::jsonb end
    from generate_series(0, ${prospects - 1}) g`.execute(stack.db);
  await sql`analyze prospects`.execute(stack.db);
  return {
    index,
    campaignId: campaign.id,
    customerId: customer.id,
    workflowId: campaignWorkflowId(campaign.id),
  };
}

async function startSmsCampaign(
  stack: BenchStack,
  c: SmsCampaign,
): Promise<WorkflowHandleWithFirstExecutionRunId> {
  await stack.db
    .updateTable('campaigns')
    .set({ workflow_id: c.workflowId })
    .where('id', '=', c.campaignId)
    .execute();
  return stack.client.workflow.start(CAMPAIGN_WORKFLOW_TYPE, {
    workflowId: c.workflowId,
    taskQueue: stack.taskQueue,
    args: [{ campaignId: c.campaignId }],
    typedSearchAttributes: campaignSearchAttributes({
      campaignId: c.campaignId,
      customerId: c.customerId,
      channel: 'sms',
      status: 'created',
    }),
  });
}

/** Committed transactions of the bench database so far (statistics are flushed about once a second). */
async function transactions(stack: BenchStack): Promise<number> {
  await sleep(1_200);
  const r = await sql<{ n: string }>`
    select xact_commit as n from pg_stat_database where datname = current_database()`.execute(stack.db);
  return Number(r.rows[0]?.n ?? 0);
}

async function sentCount(stack: BenchStack, campaignIds: string[]): Promise<number> {
  const r = await sql<{ n: string }>`
    select count(*) as n from sms_messages
    where campaign_id = any(${campaignIds}::uuid[]) and sent_at is not null`.execute(stack.db);
  return Number(r.rows[0]?.n ?? 0);
}

/** sent_at of every sent message, as epoch ms, oldest first, by campaign. */
async function sentTimes(stack: BenchStack, campaignIds: string[]): Promise<Map<string, number[]>> {
  const r = await sql<{ campaign_id: string; ms: string }>`
    select campaign_id, (extract(epoch from sent_at) * 1000)::bigint as ms from sms_messages
    where campaign_id = any(${campaignIds}::uuid[]) and sent_at is not null
    order by sent_at`.execute(stack.db);
  const out = new Map<string, number[]>();
  for (const row of r.rows) {
    const list = out.get(row.campaign_id) ?? [];
    list.push(Number(row.ms));
    out.set(row.campaign_id, list);
  }
  return out;
}

/** Rates over [from, to): mean, and per 5-s window (a last partial window under 2.5 s is dropped). */
function windowRates(
  sorted: number[],
  from: number,
  to: number,
): { mean: number; windows: number[]; n: number } {
  const inRange = sorted.filter((t) => t >= from && t < to);
  const windows: number[] = [];
  for (let w = from; w < to; w += WINDOW_MS) {
    const end = Math.min(to, w + WINDOW_MS);
    if (end - w < WINDOW_MS / 2) break;
    windows.push(inRange.filter((t) => t >= w && t < end).length / ((end - w) / 1000));
  }
  const seconds = (to - from) / 1000;
  return { mean: seconds > 0 ? inRange.length / seconds : NaN, windows, n: inRange.length };
}

/** One campaign: the steady part is the middle 80 % of its messages. */
function rates(sorted: number[]): RateFigures {
  const n = sorted.length;
  const first = sorted[0] ?? 0;
  const last = sorted[n - 1] ?? 0;
  const from = sorted[Math.floor(n * 0.1)] ?? first;
  const to = sorted[Math.max(0, Math.ceil(n * 0.9) - 1)] ?? last;
  const w = windowRates(sorted, from, to);
  return {
    messages: n,
    steadyMessages: w.n,
    steadySeconds: (to - from) / 1000,
    steadyMean: w.mean,
    windowMedian: w.windows.length > 0 ? median(w.windows) : w.mean,
    windows: w.windows,
    overall: last > first ? (n - 1) / ((last - first) / 1000) : NaN,
  };
}

/** Several campaigns: the steady part is where every campaign was between its own 10 % and 90 % marks. */
function aggregateRates(perCampaign: number[][]): RateFigures {
  const all = perCampaign.flat().sort((a, b) => a - b);
  const from = Math.max(...perCampaign.map((s) => s[Math.floor(s.length * 0.1)] ?? Infinity));
  const to = Math.min(...perCampaign.map((s) => s[Math.max(0, Math.ceil(s.length * 0.9) - 1)] ?? -Infinity));
  const w = windowRates(all, from, to);
  const first = all[0] ?? 0;
  const last = all[all.length - 1] ?? 0;
  return {
    messages: all.length,
    steadyMessages: w.n,
    steadySeconds: (to - from) / 1000,
    steadyMean: w.mean,
    windowMedian: w.windows.length > 0 ? median(w.windows) : w.mean,
    windows: w.windows,
    overall: last > first ? (all.length - 1) / ((last - first) / 1000) : NaN,
  };
}

interface Cycle {
  /** sendNextSms: scheduled to started, started to closed (ms). */
  queueWait: number[];
  execution: number[];
  /** sendNextSms completed to the next sendNextSms scheduled (the workflow's turn). */
  turnaround: number[];
  /** Workflow tasks: scheduled to started, started to completed. */
  wftQueueWait: number[];
  wftProcessing: number[];
}

/** Where the time of one drip step goes, from the event times of the histories. */
function addCycle(cycle: Cycle, runs: RunHistory[]): void {
  const at = (e: HistoryEvent) =>
    Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
  for (const run of runs) {
    const byId = new Map<number, HistoryEvent>();
    let lastSendCompleted: number | undefined;
    for (const e of run.events) {
      byId.set(Number(e.eventId), e);
      switch (e.eventType) {
        case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
          if (e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendNextSms') {
            if (lastSendCompleted !== undefined) cycle.turnaround.push(at(e) - lastSendCompleted);
            lastSendCompleted = undefined;
          }
          break;
        case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
          const a = e.activityTaskCompletedEventAttributes;
          const scheduled = byId.get(Number(a?.scheduledEventId));
          const started = byId.get(Number(a?.startedEventId));
          if (scheduled?.activityTaskScheduledEventAttributes?.activityType?.name !== 'sendNextSms') break;
          if (started) {
            cycle.queueWait.push(at(started) - at(scheduled));
            cycle.execution.push(at(e) - at(started));
          }
          lastSendCompleted = at(e);
          break;
        }
        case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED: {
          const a = e.workflowTaskCompletedEventAttributes;
          const scheduled = byId.get(Number(a?.scheduledEventId));
          const started = byId.get(Number(a?.startedEventId));
          if (scheduled && started) {
            cycle.wftQueueWait.push(at(started) - at(scheduled));
            cycle.wftProcessing.push(at(e) - at(started));
          }
          break;
        }
        default:
          break;
      }
    }
  }
}

function mergeCounts(records: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v;
  return out;
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
