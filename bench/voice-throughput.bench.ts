/**
 * Highest sustained dial rate of ONE campaign worker, with the carrier simulator answering at
 * once (timeScale 0.0001, ringMs 0) and a channel pool too large to matter.
 *
 *   node -r @swc-node/register bench/voice-throughput.bench.ts
 *
 * Levels of concurrent campaigns (default 2 x 50/s, 4 x 50/s, 2 x 100/s, 4 x 100/s; stops after
 * the first level that reaches less than 90 % of its target): each level starts its campaigns
 * together, warms up 10 s from the first originate, then measures 60 s:
 *   - dials/s: originates the simulator received in the window, all campaigns of the level;
 *   - CPU of each process over the window (100 % = one core): the worker (a child process running
 *     apps/worker/src/main.ts, so that it is measured alone), this process (carrier simulator +
 *     API webhooks + the benchmark), the Temporal dev server, PostgreSQL (all backends), Redis;
 *   - the worker's main-thread event-loop delay (a preloaded probe, bench/support/worker-probe.ts);
 *   - from the workflow histories: dialNextBatch and recordCallOutcomes durations, workflow task
 *     latency (scheduled -> completed), and the outcome backlog (calls in flight) at window end.
 * Then the level's campaigns are cancelled before the next level starts.
 *
 * Env: BENCH_LEVELS (default "2x50,4x50,2x100,4x100"), BENCH_WINDOW_S (60). Roughly 1.5-2 min per
 * level; hard stop at 15 minutes.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { CampaignStateView } from '@engine/contracts';
import { stateQuery } from '@engine/contracts';
import type { BenchCampaign } from './support/campaign-bench-stack';
import { originateTimes, sleep, startBenchStack, waitFor } from './support/campaign-bench-stack';
import { fetchRunChain, summarizeCost, workflowTaskFailures } from './support/history';
import { formatCpu, startCpuWindow } from './support/proc-stats';
import { median, percentile } from './support/services';

const LEVELS = (process.env['BENCH_LEVELS'] ?? '2x50,4x50,2x100,4x100').split(',').map((l) => {
  const [campaigns, cps] = l.split('x').map(Number);
  return { campaigns: campaigns!, cps: cps! };
});
const WINDOW_S = Number(process.env['BENCH_WINDOW_S'] ?? 60);
const WARMUP_S = 10;
const HARD_LIMIT_MS = 15 * 60_000;

interface ProbeLine {
  at: number;
  rssMiB: number;
  heapUsedMiB: number;
  cpuPercent: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

function probeLines(file: string, from: number, to: number): ProbeLine[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ProbeLine)
      .filter((l) => l.at >= from && l.at <= to);
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const hardStop = setTimeout(() => {
    console.error(`hard limit of ${HARD_LIMIT_MS / 60_000} min reached`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  hardStop.unref();

  const probeFile = join(tmpdir(), `ce-bench-probe-${process.pid}.jsonl`);
  const workerLogFile = join(tmpdir(), `ce-bench-throughput-worker-${process.pid}.log`);
  const stack = await startBenchStack({
    timeScale: 0.0001,
    ringMs: 0,
    channelPool: 100_000,
    worker: 'child',
    probeFile,
    probeIntervalMs: 2_000,
    workerLogFile,
  });
  console.log(`worker log: ${workerLogFile}`);
  const summary: string[] = [];
  let best = 0;
  try {
    for (const level of LEVELS) {
      const target = level.campaigns * level.cps;
      const campaigns: BenchCampaign[] = [];
      for (let i = 0; i < level.campaigns; i++) {
        campaigns.push(
          await stack.newCampaign({
            prospects: Math.ceil(level.cps * (WARMUP_S + WINDOW_S + 40)),
            callsPerSecond: level.cps,
            name: `throughput ${level.campaigns}x${level.cps} #${i + 1}`,
          }),
        );
      }
      const ids = new Set(campaigns.map((c) => c.campaignId));
      const handles: WorkflowHandleWithFirstExecutionRunId[] = [];
      for (const c of campaigns) handles.push(await stack.startCampaign(c));
      const dialsOf = () => originateTimes(stack.sim).length;
      const before = dialsOf();
      if (!(await waitFor(async () => dialsOf() > before, 30_000, 50)))
        throw new Error('nothing dialed within 30 s');
      await sleep(WARMUP_S * 1000);

      // A query fails while a workflow task is in a failed state: counted, reported below.
      let queryFailures = 0;
      const view = (h: WorkflowHandleWithFirstExecutionRunId) =>
        h.query(stateQuery).then(
          (v) => v as CampaignStateView,
          () => {
            queryFailures += 1;
            return undefined;
          },
        );
      const inFlight = async () => {
        let sum = 0;
        for (const h of handles) sum += (await view(h))?.inFlight ?? 0;
        return sum;
      };
      const inFlightStart = await inFlight();
      const webhooksBefore = stack.sim.ledger.webhookSummary();
      const cpu = startCpuWindow({
        worker: { pid: stack.pids.worker },
        'bench (sim+API)': { pid: stack.pids.self },
        temporal: { pid: stack.pids.temporal },
        postgres: { pid: stack.pids.postgres, tree: true },
        redis: { pid: stack.pids.redis },
      });
      const t0 = Date.now();
      await sleep(WINDOW_S * 1000);
      const t1 = Date.now();
      const cpuWindow = cpu.stop();
      const inFlightEnd = await inFlight();
      const webhooksAfter = stack.sim.ledger.webhookSummary();

      const times = stack.sim.ledger.calls
        .toArray((c) => !c.duplicate && c.providerCallId !== null && ids.has(c.campaignId ?? ''))
        .map((c) => Date.parse(c.receivedAt));
      const inWindow = times.filter((t) => t >= t0 && t < t1).length;
      const rate = inWindow / ((t1 - t0) / 1000);
      const probes = probeLines(probeFile, t0, t1);
      const counters = { poolFull: 0, noDid: 0, originateFailed: 0, outsideWindow: 0 };
      for (const h of handles) {
        const c = (await view(h))?.counters;
        if (!c) continue;
        counters.poolFull += c.poolFull;
        counters.noDid += c.noDid;
        counters.originateFailed += c.originateFailed;
        counters.outsideWindow += c.outsideWindow;
      }

      for (const h of handles) await h.signal('cancel', { reason: 'benchmark level done' });
      await Promise.race([Promise.all(handles.map((h) => h.result().catch(() => undefined))), sleep(60_000)]);

      const dial: number[] = [];
      const record: number[] = [];
      const wft: number[] = [];
      let signals = 0;
      const perCall: number[] = [];
      const batchSizes: number[] = [];
      const failures: string[] = [];
      for (const [i, c] of campaigns.entries()) {
        const runs = await fetchRunChain(stack.client, c.workflowId, handles[i]!.firstExecutionRunId);
        for (const f of workflowTaskFailures(runs))
          failures.push(`campaign #${i + 1}: ${f.count} x ${f.what}`);
        const cost = summarizeCost(runs);
        for (const b of cost.dialBatches) {
          batchSizes.push(b.dialed);
          if (b.dialed > 0) perCall.push(b.ms / b.dialed);
        }
        dial.push(...(cost.activityDurationsMs['dialNextBatch'] ?? []));
        record.push(...(cost.activityDurationsMs['recordCallOutcomes'] ?? []));
        wft.push(...cost.workflowTaskMs);
        signals += cost.breakdown.signalsReceived;
      }
      for (const a of [dial, record, wft, perCall, batchSizes]) a.sort((x, y) => x - y);
      const webhookErrors =
        webhooksAfter.byResult.error -
        webhooksBefore.byResult.error +
        (webhooksAfter.byResult.rejected - webhooksBefore.byResult.rejected);

      console.log(
        `\n${level.campaigns} x ${level.cps}/s (target ${target}/s): ${rate.toFixed(1)} dials/s sustained over ${WINDOW_S} s ` +
          `(${((rate / target) * 100).toFixed(1)} % of target)`,
      );
      console.log(`  CPU: ${formatCpu(cpuWindow)}`);
      console.log(
        `  worker main thread: event-loop delay p99 median ${median(probes.map((p) => p.eventLoopDelayP99Ms)).toFixed(0)} ms, ` +
          `max ${Math.max(0, ...probes.map((p) => p.eventLoopDelayMaxMs)).toFixed(0)} ms; rss ${median(probes.map((p) => p.rssMiB)).toFixed(0)} MiB`,
      );
      console.log(
        `  dialNextBatch p50 ${percentile(dial, 50)} ms / p99 ${percentile(dial, 99)} ms (${dial.length}); ` +
          `recordCallOutcomes p50 ${percentile(record, 50)} ms / p99 ${percentile(record, 99)} ms (${record.length}); ` +
          `workflow task p50 ${percentile(wft, 50)} ms / p99 ${percentile(wft, 99)} ms (${wft.length}, ${signals} outcome signals)`,
      );
      console.log(
        `  dialNextBatch per dialed call: p50 ${percentile(perCall, 50).toFixed(1)} ms (batch size p50 ${percentile(batchSizes, 50)}, max ${batchSizes[batchSizes.length - 1] ?? 0})`,
      );
      console.log(
        `  calls in flight (awaiting their outcome) at window start ${inFlightStart}, end ${inFlightEnd}; webhook errors/rejections ${webhookErrors}; ` +
          `counters ${JSON.stringify(counters)}`,
      );
      if (failures.length > 0 || queryFailures > 0) {
        console.log(`  workflow task failures (${queryFailures} state queries refused):`);
        for (const f of failures) console.log(`    ${f.slice(0, 1500)}`);
      }
      summary.push(
        `  ${`${level.campaigns} x ${level.cps}`.padEnd(9)} | ${String(target).padStart(6)} | ${rate.toFixed(1).padStart(8)} | ` +
          `${String(cpuWindow.byComponent['worker']?.toFixed(0) ?? '?').padStart(6)}% | ${String(cpuWindow.byComponent['bench (sim+API)']?.toFixed(0) ?? '?').padStart(6)}% | ` +
          `${String(cpuWindow.byComponent['temporal']?.toFixed(0) ?? '?').padStart(6)}% | ${String(cpuWindow.byComponent['postgres']?.toFixed(0) ?? '?').padStart(6)}% | ` +
          `${cpuWindow.machineBusyPercent.toFixed(0).padStart(4)}% | ${percentile(dial, 50)}/${percentile(dial, 99)}`,
      );
      best = Math.max(best, rate);
      if (rate < 0.9 * target) {
        console.log(`  below 90 % of the target: saturated; higher levels skipped`);
        break;
      }
    }
    console.log(
      `\nVoice dial throughput, one worker (goal >= 100 dials/s; best sustained ${best.toFixed(1)} dials/s)`,
    );
    console.log(
      '  campaigns |  target | dials/s  | worker | sim+API | temporal | postgres | machine | dialNextBatch p50/p99 ms',
    );
    for (const l of summary) console.log(l);
    console.log('  (CPU: 100 % = one core; machine = all cores)');
  } finally {
    await stack.close();
    rmSync(probeFile, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
