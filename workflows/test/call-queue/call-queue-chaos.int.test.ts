import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStateView } from '@engine/contracts';
import { stateQuery } from '@engine/contracts';
import type { QueuedCallInput } from '@engine/db';
import { addSuppressions, TerminalProspectStatuses } from '@engine/db';
import type { CallPriority } from '@engine/domain';
import type { CampaignStack, WorkerProcess } from '@engine/test-stack';
import {
  queueCalls,
  queuedCall,
  spawnWorkerProcess,
  startCampaignStack,
  workerLogFile,
} from '@engine/test-stack';
import { createDevServerEnv, seedCustomer, seedDids, zoneWithLocalHour } from '@engine/testing';
import { activitiesLostWithWorker, simLedger } from './support/chaos-record';

const CALLS = 1_000;
const SUPPRESSED = 20;
const SCHEDULED = 10;
const KILLS = 4;
const PRIORITIES: readonly CallPriority[] = ['urgent', 'high', 'normal', 'low'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const phone = (i: number) => `+1212${String(7_000_000 + i).padStart(7, '0')}`;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/**
 * Invariants 1, 2 and 4 (DESIGN.md section 10) for the call queue: one bulk batch of 1,000 calls
 * is being dialed from the `api` pool (8 channels, every one busy with a call that lasts) while the
 * only worker is SIGKILLed again and again. Nothing of the dead worker cleans up: its queue
 * workflow and the dial ticks it had running are picked up by the next process from Temporal's
 * history, the calls in flight report to the API meanwhile.
 */
describe('call queue SIGKILL chaos', () => {
  let env: TestWorkflowEnvironment;
  let stack: CampaignStack;
  const workers: WorkerProcess[] = [];
  const callable = zoneWithLocalHour(new Date(), 9, 19);

  beforeAll(async () => {
    // A server of its own: the worker process creates the server-wide `did-lifecycle` schedule,
    // which must not leak into the shared dev server other test files use.
    env = await createDevServerEnv();
    // A minute of talk lasts 0.6 s: the 8 channels are held by calls in progress at every kill.
    stack = await startCampaignStack({ temporalEnv: env, timeScale: 0.01 });
  });
  afterAll(async () => {
    for (const w of workers) await w.kill().catch(() => undefined);
    await stack?.close();
    await env?.teardown();
  });

  const db = () => stack.database.db;

  async function startWorker(): Promise<WorkerProcess> {
    // Enough daily calls per DID that the caps never hold the queue back.
    const worker = await spawnWorkerProcess(stack, { env: { DID_DAILY_CAP: '100000' } });
    workers.push(worker);
    await worker.waitUntilRunning(90_000);
    return worker;
  }

  /** The batch: mixed priorities, a few scheduled seconds ahead, a few with one retry. */
  function batchOf(batchId: string, now: number): QueuedCallInput[] {
    return Array.from({ length: CALLS }, (_, i) =>
      queuedCall(phone(i), {
        batchId,
        customCallId: `chaos-${i}`,
        priority: PRIORITIES[i % PRIORITIES.length]!,
        timezone: callable,
        // Spread over the batch (not all among the first suppressed ones).
        scheduledAt: i % 100 === 50 ? new Date(now + 5_000) : null,
        // A retry waits 60 s or more: a few only, early in the order, so the test stays short.
        maxRetries: i % 20 === 0 ? 1 : 0,
      }),
    );
  }

  it('dials each call at most once per attempt and ends every call in a terminal state', async () => {
    const started = Date.now();
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 20, { areaCode: '212' });
    // Mostly answered, talk 10-60 s (0.1-0.6 s here): the pool, not the pace, limits the dialing.
    stack.sim.configure({
      byAreaCode: {
        '212': {
          weights: {
            human_connected: 0.85,
            voicemail: 0.07,
            human_hangup: 0.03,
            no_answer: 0.03,
            busy: 0.01,
            failed: 0.01,
          },
          talkSeconds: { min: 10, max: 60 },
        },
      },
    });
    await db()
      .updateTable('customers')
      .set({ queue_calls_per_second: 25 })
      .where('id', '=', customer.id)
      .execute();

    const calls = batchOf('chaos-batch', Date.now());
    expect(calls.filter((c) => c.scheduledAt !== null)).toHaveLength(SCHEDULED);
    const suppressed = calls.filter((_, i) => i % 50 === 7).map((c) => c.phone);
    expect(suppressed).toHaveLength(SUPPRESSED);
    await addSuppressions(
      db(),
      customer.id,
      suppressed.map((p) => ({ phone: p })),
    );

    let worker = await startWorker();
    const { queueId, workflowId, results } = await queueCalls(stack, customer.id, calls);
    expect(results.filter((r) => r.created)).toHaveLength(CALLS);
    const handle = stack.temporal.client.workflow.getHandle(workflowId);

    const attemptsSoFar = async () =>
      Number(
        (
          await db()
            .selectFrom('call_attempts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('campaign_id', '=', queueId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    const killedAt: number[] = [];
    const timeline: string[] = [];
    const mark = (what: string) => timeline.push(`${what} ${Math.round((Date.now() - started) / 1000)}s`);
    mark('queued');
    let before = 0;
    for (let i = 0; i < KILLS; i++) {
      // Kill while the queue is busy, spread over the batch: once the new worker has recorded some
      // 80-160 more attempts. A minute without progress means a lost task stalls the queue.
      const resumed = Date.now();
      const target = before + 80 + Math.floor(Math.random() * 80);
      while ((await attemptsSoFar()) < target) {
        if (Date.now() - resumed > 60_000)
          throw new Error(`no ${target - before} dials within 60 s of restart ${i}`);
        await sleep(20);
      }
      // Every other kill at once: most likely in the middle of the tick that recorded them.
      if (i % 2 === 1) await sleep(Math.floor(Math.random() * 700));
      await worker.kill('SIGKILL');
      mark('kill');
      before = await attemptsSoFar();
      killedAt.push(before);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      worker = await startWorker();
      mark('restarted');
    }
    // Every kill landed while there was still work to do.
    expect(killedAt[KILLS - 1]).toBeLessThan(CALLS - SUPPRESSED);

    const callRows = () =>
      db()
        .selectFrom('queued_calls')
        .innerJoin('prospects', 'prospects.id', 'queued_calls.prospect_id')
        .select([
          'queued_calls.id as callId',
          'queued_calls.priority',
          'queued_calls.scheduled_at',
          'queued_calls.max_retries',
          'prospects.id',
          'prospects.campaign_id',
          'prospects.phone',
          'prospects.status',
          'prospects.status_reason',
          'prospects.attempt_count',
          'prospects.max_attempts',
        ])
        .where('queued_calls.queue_id', '=', queueId)
        .execute();
    const terminal: readonly string[] = TerminalProspectStatuses;
    const waitedFrom = Date.now();
    let rows = await callRows();
    while (rows.some((r) => !terminal.includes(r.status))) {
      if (Date.now() - waitedFrom > 150_000) {
        const open = rows.filter((r) => !terminal.includes(r.status));
        throw new Error(`${open.length} calls not terminal, e.g. ${JSON.stringify(open.slice(0, 5))}`);
      }
      await sleep(500);
      rows = await callRows();
    }

    mark('terminal');

    // Invariant 2: every call of the batch, once, in exactly one terminal state; suppressed ones
    // cancelled for `dnc`, never dialed.
    expect(rows).toHaveLength(CALLS);
    expect(new Set(rows.map((r) => r.callId)).size).toBe(CALLS);
    expect(new Set(rows.map((r) => Number(r.id))).size).toBe(CALLS);
    expect(rows.every((r) => r.campaign_id === queueId)).toBe(true);
    const cancelled = rows.filter((r) => r.status === 'cancelled');
    expect(cancelled.map((r) => r.phone).sort()).toEqual([...suppressed].sort());
    expect(cancelled.every((r) => r.status_reason === 'dnc')).toBe(true);
    expect(rows.every((r) => r.max_attempts === r.max_retries + 1)).toBe(true);

    const attempts = await db()
      .selectFrom('call_attempts')
      .select(['id', 'prospect_id', 'attempt_number', 'to_number', 'status', 'outcome', 'originated_at'])
      .where('campaign_id', '=', queueId)
      .orderBy('attempt_number')
      .execute();
    const attemptsOf = new Map<number, typeof attempts>();
    for (const a of attempts)
      attemptsOf.set(Number(a.prospect_id), [...(attemptsOf.get(Number(a.prospect_id)) ?? []), a]);
    // Each dialed call: attempts 1..n, none over its max_retries, the last one's outcome its status.
    const inconsistent = rows
      .filter((r) => r.status !== 'cancelled')
      .filter((r) => {
        const own = attemptsOf.get(Number(r.id)) ?? [];
        return (
          own.length === 0 ||
          own.length > r.max_retries + 1 ||
          own.length !== r.attempt_count ||
          own.some((a, k) => a.attempt_number !== k + 1) ||
          own[own.length - 1]!.outcome !== r.status
        );
      });
    expect(inconsistent).toEqual([]);

    // Invariant 1: the carrier never saw an attempt twice, nor more calls to a number than attempts.
    const { calls: simCalls, summary } = await simLedger(stack);
    expect(summary.duplicates).toBe(0);
    expect(summary.rejected).toBe(0);
    expect(simCalls.filter((c) => c.duplicate)).toEqual([]);
    expect(new Set(simCalls.map((c) => c.attemptId)).size).toBe(simCalls.length);
    const callsTo = new Map<string, number>();
    for (const c of simCalls) callsTo.set(c.to, (callsTo.get(c.to) ?? 0) + 1);
    expect(rows.filter((r) => (callsTo.get(r.phone) ?? 0) > r.attempt_count)).toEqual([]);
    expect(simCalls.filter((c) => suppressed.includes(c.to))).toEqual([]);

    // Each recorded attempt reached the carrier exactly once and was settled.
    expect(new Set(simCalls.map((c) => c.attemptId))).toEqual(new Set(attempts.map((a) => a.id)));
    expect(attempts.filter((a) => a.status !== 'completed' || a.outcome === null)).toEqual([]);
    expect(summary.uniqueAttempts).toBe(attempts.length);

    // What the customer is told survives the kills too: each attempt announced once as initiated and
    // once with its outcome (a try that died before publishing is published by its retry).
    const events = await db()
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('campaign_id', '=', queueId)
      .where('type', 'like', 'campaign.%')
      .execute();
    const announced = (kind: (type: string) => boolean) =>
      events
        .filter((e) => kind(e.type))
        .map((e) => (e.payload as { attemptId: string }).attemptId)
        .sort();
    const attemptIds = attempts.map((a) => a.id).sort();
    expect(announced((t) => t === 'campaign.call.initiated')).toEqual(attemptIds);
    const outcomeTypes = new Set(attempts.map((a) => `campaign.call.${a.outcome}`));
    expect(announced((t) => outcomeTypes.has(t) && t !== 'campaign.call.initiated')).toEqual(attemptIds);
    expect(events.filter((e) => e.type === 'campaign.prospect.dnc')).toHaveLength(SUPPRESSED);

    // A scheduled call waited for its time, kills or not.
    const early = rows.filter((r) => {
      const first = attemptsOf.get(Number(r.id))?.[0];
      return r.scheduled_at !== null && first && first.originated_at!.getTime() < r.scheduled_at.getTime();
    });
    expect(early).toEqual([]);

    // Invariant 4: no channel lease outlives its call, whatever was killed while holding one.
    expect((await stack.deps.semaphore.usage('api')).inUse).toBe(0);
    expect((await stack.deps.semaphore.usage('campaign')).inUse).toBe(0);

    // Priority survives the kills: urgent calls were, as a whole, dialed before the low ones.
    const firstDialOf = (priority: CallPriority) =>
      rows
        .filter((r) => r.priority === priority && r.scheduled_at === null)
        .map((r) => attemptsOf.get(Number(r.id))?.[0]?.originated_at?.getTime())
        .filter((t): t is number => t !== undefined);
    const [urgent, low] = [median(firstDialOf('urgent')), median(firstDialOf('low'))];
    expect(urgent).toBeLessThan(low);

    // The queue never completes: it is still running, waiting for the next call.
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const state = (await handle.query(stateQuery)) as CampaignStateView;
    expect(state.status).toBe('dialing');

    const lostActivities = await activitiesLostWithWorker(stack, workflowId);
    const outcomes = new Map<string, number>();
    for (const r of rows) outcomes.set(r.status, (outcomes.get(r.status) ?? 0) + 1);
    console.info(
      `call queue chaos: ${KILLS} SIGKILLs at ${killedAt.join(', ')} attempts; ${lostActivities} activities ` +
        `lost with a worker and retried; ${attempts.length} attempts, ${simCalls.length} originates; outcomes ` +
        `${JSON.stringify(Object.fromEntries(outcomes))}; ${timeline.join(', ')}; ` +
        `worker log ${workerLogFile(stack)}`,
    );
  }, 480_000);
});
