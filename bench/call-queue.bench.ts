/**
 * The call queue (seed 001's ad-hoc calls) under load:
 *
 *   node -r @swc-node/register bench/call-queue.bench.ts
 *
 * 1. Bulk queueing: 100,000 calls through `POST /api/calls/bulk-queue` (10 requests of 10,000
 *    realistic rows) on the API as a child process (apps/api/src/main.ts, with
 *    bench/support/worker-probe.ts preloaded for its heap; no worker runs, so nothing is dialed):
 *    requests and calls per second, per-request latency, the API's peak RSS and heap, PostgreSQL
 *    rows written; then the read routes timed with the 100,000 calls queued. The calls are
 *    cancelled afterwards (SQL) and their queue's workflow terminated.
 * 2. Scheduled-to-originate latency: a worker (child process, production main) starts; one
 *    customer queues ~300 calls due over the next ~60 s (5 a second, under the queue's pace of
 *    10/s), another 50 calls due at the same instant (a burst); the simulator answers in
 *    milliseconds. Latency = call_attempts.originated_at − scheduled_at.
 * 3. Actions per call: once those calls ended, the queue workflow's runs and every call's
 *    `call-<id>` workflow are read and counted as bench/voice-cost.bench.ts counts a campaign.
 *
 * Env: BENCH_CQ_REQUESTS (10), BENCH_CQ_ROWS (10000), BENCH_CQ_SPREAD_CALLS (300),
 * BENCH_CQ_SPREAD_S (60), BENCH_CQ_BURST (50), BENCH_CQ_PARTS ("bulk,dial"). About 5 minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiChild } from './support/api-child';
import { startApiChild } from './support/api-child';
import type { BenchStack } from './support/campaign-bench-stack';
import { startBenchStack } from './support/campaign-bench-stack';
import { benchBulkQueueing } from './support/call-queue-bulk';
import { callableAreaCode, spread } from './support/call-queue-bench';
import type { QueueCost, ScheduledRun } from './support/call-queue-dialing';
import { queueCost, scheduledRun } from './support/call-queue-dialing';
import { formatCpu, startCpuWindow } from './support/proc-stats';
import { diffCounts, serviceRequestsByOperation } from './support/server-metrics';
import { armHardStop } from './support/services';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const REQUESTS = env('BENCH_CQ_REQUESTS', 10);
const ROWS = env('BENCH_CQ_ROWS', 10_000);
const SPREAD_CALLS = env('BENCH_CQ_SPREAD_CALLS', 300);
const SPREAD_S = env('BENCH_CQ_SPREAD_S', 60);
const BURST = env('BENCH_CQ_BURST', 50);
const PARTS = (process.env['BENCH_CQ_PARTS'] ?? 'bulk,dial').split(',');
const HARD_LIMIT_MS = 20 * 60_000;
/** Time between queueing and the first call being due (the request itself takes a moment). */
const LEAD_MS = 5_000;

async function main(): Promise<void> {
  armHardStop(HARD_LIMIT_MS);
  const areaCode = callableAreaCode(new Date());
  if (!areaCode && PARTS.includes('dial'))
    throw new Error('no US zone is between 9:00 and 19:00 now: queued calls would wait for their window');
  const dir = mkdtempSync(join(tmpdir(), 'ce-bench-cq-'));
  const probeFile = join(dir, 'api-probe.jsonl');
  // The worker is started after part 1 (a child: the production main, with the calls' workflows).
  const stack = await startBenchStack({ worker: 'child', workers: 0, timeScale: 0.001 });
  let api: ApiChild | undefined;
  const summary: string[] = [];
  try {
    api = await startApiChild(
      join(dir, 'api.log'),
      {
        // Queue workflows are started by the API: on the bench's task queue.
        TEMPORAL_TASK_QUEUE: stack.taskQueue,
        // Hundreds of reads in a row would otherwise meet the per-key limit.
        API_RATE_LIMIT_PER_SECOND: '0',
        BENCH_PROBE_FILE: probeFile,
        BENCH_PROBE_INTERVAL_MS: '200',
      },
      undefined,
      ['-r', join(__dirname, 'support/worker-probe.ts')],
    );
    if (PARTS.includes('bulk')) {
      const cpu = startCpuWindow(cpuComponents(stack, api));
      summary.push(
        await benchBulkQueueing(stack, api, { requests: REQUESTS, rowsPerRequest: ROWS, probeFile }),
      );
      console.log(`  machine during part 1: ${formatCpu(cpu.stop())}`);
    }
    if (PARTS.includes('dial')) summary.push(...(await dialParts(stack, api, areaCode!)));
    console.log('\nSummary');
    for (const line of summary) console.log(`  ${line}`);
  } finally {
    await api?.stop();
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function dialParts(stack: BenchStack, api: ApiChild, areaCode: string): Promise<string[]> {
  await stack.startWorker();
  const cpu = startCpuWindow(cpuComponents(stack, api));
  const requests0 = await serviceRequestsByOperation(stack.temporalMetricsUrl);

  const start = Date.now() + LEAD_MS;
  const gap = (SPREAD_S * 1000) / SPREAD_CALLS;
  const spreadRun = await scheduledRun(
    stack,
    api,
    'spread',
    SPREAD_CALLS,
    areaCode,
    (i) => start + Math.round(i * gap),
  );
  const spreadCost = await queueCost(stack, spreadRun);
  const heartbeats = diffCounts(requests0, await serviceRequestsByOperation(stack.temporalMetricsUrl))[
    'RecordActivityTaskHeartbeat'
  ];
  const burstAt = Date.now() + LEAD_MS;
  const burstRun = await scheduledRun(stack, api, 'burst', BURST, areaCode, () => burstAt);
  const burstCost = await queueCost(stack, burstRun);
  const window = cpu.stop();

  console.log(
    `\n== Part 2: scheduled to originate (area code ${areaCode}, worker child, pace 10/s, api pool 8)`,
  );
  printLags(
    `${SPREAD_CALLS} calls due over ${SPREAD_S} s (${(SPREAD_CALLS / SPREAD_S).toFixed(1)}/s)`,
    spreadRun,
  );
  printLags(`burst: ${BURST} calls due at one instant`, burstRun);
  const burstSpan = (burstRun.lastDialMs - burstRun.firstDialMs) / 1000;
  console.log(
    `    last dialed ${((burstRun.lastDialMs - burstRun.scheduledFirstMs) / 1000).toFixed(2)} s after the due time; ` +
      `first to last dial ${burstSpan.toFixed(2)} s = ${((BURST - 1) / burstSpan).toFixed(1)} dials/s`,
  );
  console.log(`    dials in each second after the due time: ${burstRun.dialsBySecond.join(' ')}`);
  console.log(`    originate to the call's end (webhook) ms: ${spread(burstRun.callMs, 0)}`);
  console.log(`  machine during parts 2-3: ${formatCpu(window)}`);

  console.log('\n== Part 3: Temporal cost per call');
  printCost(`spread (${SPREAD_CALLS} calls)`, spreadCost, heartbeats ?? 0);
  printCost(`burst (${BURST} calls)`, burstCost, 0);
  const p = (r: ScheduledRun) => spread(r.lagsMs, 0);
  const per = (c: QueueCost) =>
    `queue ${(c.queue.actions / c.calls).toFixed(2)} + call ${(c.perCall.actions / c.calls).toFixed(2)} = ` +
    `${((c.queue.actions + c.perCall.actions) / c.calls).toFixed(2)} actions/call`;
  return [
    `scheduled→originate spread: ${p(spreadRun)} ms; burst of ${BURST}: last dialed after ${((burstRun.lastDialMs - burstRun.scheduledFirstMs) / 1000).toFixed(2)} s`,
    `cost spread: ${per(spreadCost)}; burst: ${per(burstCost)}`,
  ];
}

function printLags(what: string, run: ScheduledRun): void {
  const early = run.lagsMs.filter((l) => l < 0).length;
  console.log(
    `  ${what}: originated − scheduled ms ${spread(run.lagsMs, 0)}, min ${Math.min(...run.lagsMs)}; dialed early: ${early}`,
  );
}

function printCost(what: string, c: QueueCost, heartbeats: number): void {
  const per = (n: number) => (n / c.calls).toFixed(2);
  const q = c.queue;
  console.log(`  ${what}:`);
  console.log(
    `    queue workflow: ${q.runs} run(s), events ${q.events} = ${per(q.events)}/call, actions ${q.actions} = ${per(q.actions)}/call ` +
      `(activities ${per(q.breakdown.activitiesScheduled)}, timers ${per(q.breakdown.timersStarted)}, signals ${per(q.breakdown.signalsReceived)}, ` +
      `WFTs ${per(q.eventsByType['WORKFLOW_TASK_COMPLETED'] ?? 0)}); activities ${JSON.stringify(q.activitiesByType)}`,
  );
  const b = c.perCall.breakdown;
  console.log(
    `    call-<id> workflows: events ${per(c.perCall.events)}/call, actions ${per(c.perCall.actions)}/call (started ${per(b.workflowStarted)}, ` +
      `activities ${per(b.activitiesScheduled)}, retries ${per(b.activityRetries)}, timers ${per(b.timersStarted)}, signals ${per(b.signalsReceived)}, ` +
      `upserts ${per(b.searchAttributeUpserts)}); WFTs ${per(c.perCall.eventsByType['WORKFLOW_TASK_COMPLETED'] ?? 0)}/call; still running: ${c.stillRunning}`,
  );
  console.log(`      events by type: ${JSON.stringify(c.perCall.eventsByType)}`);
  console.log(
    `    total: events ${per(q.events + c.perCall.events)}/call, actions ${per(q.actions + c.perCall.actions)}/call` +
      (heartbeats
        ? ` (+ ${heartbeats} activity heartbeats = ${per(q.actions + c.perCall.actions + heartbeats)}/call)`
        : ''),
  );
}

function cpuComponents(stack: BenchStack, api: ApiChild) {
  return {
    api: { pid: api.child.pid },
    'bench+sim': { pid: stack.pids.self },
    worker: { pid: stack.pids.worker },
    temporal: { pid: stack.pids.temporal },
    postgres: { pid: stack.pids.postgres, tree: true },
  };
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
