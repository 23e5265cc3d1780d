import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStateView, CampaignWorkflowResult } from '@engine/contracts';
import { stateQuery } from '@engine/contracts';
import { addSuppressions, TerminalProspectStatuses } from '@engine/db';
import type { CampaignStack, WorkerProcess } from '@engine/test-stack';
import {
  createDevServerEnv,
  seedCampaign,
  seedCustomer,
  seedDids,
  seedProspects,
  zoneWithLocalHour,
} from '@engine/testing';
import { spawnWorkerProcess, startCampaignStack, workerLogFile } from '@engine/test-stack';

const PROSPECTS = 2_000;
const SUPPRESSED = 20;
const KILLS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface SimCall {
  attemptId: string;
  to: string;
  duplicate: boolean;
}
interface SimSummary {
  total: number;
  uniqueAttempts: number;
  duplicates: number;
  rejected: number;
  inFlight: number;
}

/**
 * Invariants 1, 2 and 4 (DESIGN.md section 10) while the only worker is SIGKILLed again and again
 * in the middle of a fast campaign: no activity gets to clean up, no `finally` runs, the workflow
 * and every activity it had running are picked up by the next process from Temporal's history.
 */
describe('SIGKILL chaos: the worker process is killed repeatedly in the middle of a campaign', () => {
  let env: TestWorkflowEnvironment;
  let stack: CampaignStack;
  const workers: WorkerProcess[] = [];
  const callableZone = zoneWithLocalHour(new Date(), 9, 19);

  beforeAll(async () => {
    // A server of its own: the worker process creates the server-wide `did-lifecycle` schedule,
    // which must not leak into the shared dev server other test files use.
    env = await createDevServerEnv();
    stack = await startCampaignStack({ temporalEnv: env, timeScale: 0.001 });
  });
  afterAll(async () => {
    for (const w of workers) await w.kill().catch(() => undefined);
    await stack?.close();
    await env?.teardown();
  });

  const db = () => stack.database.db;

  async function startWorker(): Promise<WorkerProcess> {
    // Enough daily calls per DID that the caps never pause this campaign.
    const worker = await spawnWorkerProcess(stack, { env: { DID_DAILY_CAP: '100000' } });
    workers.push(worker);
    await worker.waitUntilRunning(90_000);
    return worker;
  }

  it('originates every attempt once, loses no prospect and leaks no channel', async () => {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 40);
    const campaign = await seedCampaign(db(), customer.id, {
      mode: { calls_per_second: 50, max_attempts: 2, retry_delay_seconds: 1 },
    });
    const prospects = await seedProspects(db(), campaign.id, PROSPECTS, { timezone: callableZone });
    const suppressed = prospects.slice(0, SUPPRESSED).map((p) => p.phone);
    await addSuppressions(
      db(),
      customer.id,
      suppressed.map((phone) => ({ phone })),
    );

    let worker = await startWorker();
    const workflowId = await stack.startCampaign(campaign.id);
    const handle = stack.temporal.client.workflow.getHandle(workflowId);
    const attemptsSoFar = async () =>
      Number(
        (
          await db()
            .selectFrom('call_attempts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('campaign_id', '=', campaign.id)
            .executeTakeFirstOrThrow()
        ).n,
      );

    const killedAt: number[] = [];
    let before = 0;
    for (let i = 0; i < KILLS; i++) {
      // Kill while the campaign is busy: once the new worker has dialed again (after a kill the
      // server first waits out the dead worker's workflow task and activity heartbeats), then
      // 1 to 3 s into the work. A minute without a dial means a lost task stalls the campaign.
      const resumed = Date.now();
      while ((await attemptsSoFar()) <= before) {
        if (Date.now() - resumed > 60_000) throw new Error(`no dial within 60 s of restart ${i}`);
        await sleep(100);
      }
      await sleep(1_000 + Math.floor(Math.random() * 2_000));
      await worker.kill('SIGKILL');
      before = await attemptsSoFar();
      killedAt.push(before);
      // The campaign must still be running, or the kill proved nothing.
      expect((await handle.describe()).status.name).toBe('RUNNING');
      worker = await startWorker();
    }
    // Every kill landed while there was still work to do.
    expect(killedAt[KILLS - 1]).toBeLessThan(PROSPECTS - SUPPRESSED);

    const result = (await handle.result()) as CampaignWorkflowResult;
    expect(result.status).toBe('completed');
    const state = (await handle.query(stateQuery)) as CampaignStateView;
    expect(state.status).toBe('completed');

    // Invariant 2: every prospect ends in exactly one terminal status; suppressed ones cancelled.
    const rows = await db()
      .selectFrom('prospects')
      .select(['id', 'phone', 'status', 'attempt_count'])
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(rows).toHaveLength(PROSPECTS);
    const terminal: readonly string[] = TerminalProspectStatuses;
    expect(rows.filter((r) => !terminal.includes(r.status))).toEqual([]);
    expect(
      rows
        .filter((r) => r.status === 'cancelled')
        .map((r) => r.phone)
        .sort(),
    ).toEqual([...suppressed].sort());

    // Invariant 1: the carrier never saw an attempt twice, nor more calls to a number than attempts.
    const summary = (await (await fetch(`${stack.sim.url}/sim/calls/summary`)).json()) as SimSummary;
    expect(summary.duplicates).toBe(0);
    expect(summary.rejected).toBe(0);
    const calls = ((await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as { calls: SimCall[] }).calls;
    expect(calls.filter((c) => c.duplicate)).toEqual([]);
    expect(new Set(calls.map((c) => c.attemptId)).size).toBe(calls.length);
    const callsTo = new Map<string, number>();
    for (const c of calls) callsTo.set(c.to, (callsTo.get(c.to) ?? 0) + 1);
    const overCalled = rows.filter((r) => (callsTo.get(r.phone) ?? 0) > r.attempt_count);
    expect(overCalled).toEqual([]);
    expect(calls.some((c) => suppressed.includes(c.to))).toBe(false);

    // Each recorded attempt reached the carrier exactly once and was settled.
    const attempts = await db()
      .selectFrom('call_attempts')
      .select(['id', 'status', 'outcome'])
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(new Set(calls.map((c) => c.attemptId))).toEqual(new Set(attempts.map((a) => a.id)));
    expect(attempts.filter((a) => a.status !== 'completed' || a.outcome === null)).toEqual([]);
    expect(summary.uniqueAttempts).toBe(attempts.length);

    // Invariant 4: no channel lease outlives its call, whatever was killed while holding one.
    expect((await stack.deps.semaphore.usage('campaign')).inUse).toBe(0);

    // For the record: how many activities died with a worker and were retried after their heartbeat timed out.
    let lostActivities = 0;
    for await (const run of stack.temporal.client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
      const history = await stack.temporal.client.workflow.getHandle(workflowId, run.runId).fetchHistory();
      for (const event of history.events ?? []) {
        const started = event.activityTaskStartedEventAttributes;
        if (started && (started.attempt ?? 1) > 1 && /heartbeat/i.test(started.lastFailure?.message ?? '')) {
          lostActivities += 1;
        }
      }
    }
    console.info(
      `chaos: ${KILLS} SIGKILLs at ${killedAt.join(', ')} attempts; ${lostActivities} activities lost with a ` +
        `worker and retried; ${attempts.length} attempts, ${calls.length} originates, ${state.run} runs; ` +
        `worker log ${workerLogFile(stack)}`,
    );
    // Five kills, each followed by a worker start and the server waiting out the dead worker's
    // tasks: about 130 s on a quiet 2-core machine, more while other test files run alongside.
  }, 300_000);
});
