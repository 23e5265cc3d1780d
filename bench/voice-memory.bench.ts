/**
 * Worker memory over a 100,000-prospect voice campaign at a high rate with instant answers.
 *
 *   node -r @swc-node/register bench/voice-memory.bench.ts
 *
 * The worker runs as a child process (apps/worker/src/main.ts, exactly as deployed) started with
 * --expose-gc and a preloaded probe (bench/support/worker-probe.ts) that forces a GC every 5 s
 * and then records process.memoryUsage(); VmRSS is also read from /proc/<pid>/status. The carrier
 * simulator (whose ledger grows with every call) and the API run in this process, so they do not
 * pollute the worker's figures. Workflow code runs in worker threads: their heaps count in RSS,
 * not in heapUsed (the main thread: activities and the SDK's JS side).
 *
 * Printed: the series at every 10 % of progress (dials), and least-squares slopes of RSS and
 * heap-after-GC over the second half of the run (after warm-up), per 10,000 dials and per minute.
 * Goal: flat.
 *
 * Env: BENCH_MEMORY_PROSPECTS (100000), BENCH_MEMORY_CPS (80), BENCH_MEMORY_MAX_S (600: stops
 * there and says how far it got). 80/s because one campaign at >= 100/s overruns Temporal's
 * 100-buffered-signals limit on this machine (see voice-throughput.bench.ts); 100k at 80/s would
 * take ~21 min, so the default run stops at 10 min (about half). Run it in the background:
 *   nohup node -r @swc-node/register bench/voice-memory.bench.ts > memory.log 2>&1 &
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CampaignStateView } from '@engine/contracts';
import { stateQuery } from '@engine/contracts';
import { sleep, startBenchStack } from './support/campaign-bench-stack';
import { rssMiB } from './support/proc-stats';

const PROSPECTS = Number(process.env['BENCH_MEMORY_PROSPECTS'] ?? 100_000);
const CPS = Number(process.env['BENCH_MEMORY_CPS'] ?? 80);
const MAX_S = Number(process.env['BENCH_MEMORY_MAX_S'] ?? 600);
const SAMPLE_MS = 5_000;

interface Sample {
  seconds: number;
  dialed: number;
  vmRssMiB: number;
  rssMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
  run: number;
  inFlight: number;
}

interface ProbeLine {
  at: number;
  rssMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
}

function lastProbe(file: string): ProbeLine | undefined {
  try {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    return lines.length > 0 ? (JSON.parse(lines[lines.length - 1]!) as ProbeLine) : undefined;
  } catch {
    return undefined;
  }
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

async function main(): Promise<void> {
  const hardStop = setTimeout(
    () => {
      console.error('hard limit reached');
      process.exit(2);
    },
    (MAX_S + 240) * 1000,
  );
  hardStop.unref();

  const probeFile = join(tmpdir(), `ce-bench-memory-${process.pid}.jsonl`);
  const stack = await startBenchStack({
    timeScale: 0.0001,
    ringMs: 0,
    channelPool: 100_000,
    worker: 'child',
    probeFile,
    probeIntervalMs: SAMPLE_MS,
  });
  try {
    const campaign = await stack.newCampaign({ prospects: PROSPECTS, callsPerSecond: CPS, name: 'memory' });
    const workerPid = stack.pids.worker!;
    await sleep(SAMPLE_MS + 500);
    const idle = lastProbe(probeFile);
    console.log(
      `worker pid ${workerPid} idle before the campaign: VmRSS ${rssMiB(workerPid).toFixed(1)} MiB, ` +
        `heap after GC ${idle?.heapUsedMiB.toFixed(1) ?? '?'} MiB`,
    );

    const handle = await stack.startCampaign(campaign);
    const started = Date.now();
    const samples: Sample[] = [];
    let finished = false;
    void handle.result().then(
      () => (finished = true),
      () => (finished = true),
    );
    while (!finished && Date.now() - started < MAX_S * 1000) {
      await sleep(SAMPLE_MS);
      const probe = lastProbe(probeFile);
      const state = (await handle.query(stateQuery).catch(() => undefined)) as CampaignStateView | undefined;
      const sample: Sample = {
        seconds: (Date.now() - started) / 1000,
        dialed: stack.sim.ledger.callSummary(0).uniqueAttempts,
        vmRssMiB: rssMiB(workerPid),
        rssMiB: probe?.rssMiB ?? Number.NaN,
        heapUsedMiB: probe?.heapUsedMiB ?? Number.NaN,
        externalMiB: probe?.externalMiB ?? Number.NaN,
        run: state?.run ?? samples[samples.length - 1]?.run ?? 1,
        inFlight: state?.inFlight ?? 0,
      };
      samples.push(sample);
      if (samples.length % 6 === 0) {
        console.log(
          `  ${sample.seconds.toFixed(0).padStart(4)} s: ${sample.dialed} dialed, VmRSS ${sample.vmRssMiB.toFixed(1)} MiB, ` +
            `heap after GC ${sample.heapUsedMiB.toFixed(1)} MiB, run ${sample.run}, in flight ${sample.inFlight}`,
        );
      }
    }
    const elapsed = (Date.now() - started) / 1000;
    const last = samples[samples.length - 1]!;
    const dialed = stack.sim.ledger.callSummary(0).uniqueAttempts;

    console.log(
      `\nWorker memory, ${PROSPECTS.toLocaleString('en-US')}-prospect campaign at ${CPS}/s, instant answers ` +
        `(${finished ? 'completed' : `stopped at the ${MAX_S} s bound`}: ${dialed} dialed = ${((dialed / PROSPECTS) * 100).toFixed(1)} % ` +
        `in ${elapsed.toFixed(0)} s, ${(dialed / elapsed).toFixed(1)} dials/s average, ${last.run} workflow run(s))`,
    );
    console.log('  progress | time s |  dialed | VmRSS MiB | heap after GC MiB | external MiB | run');
    let nextMark = 0;
    for (const s of samples) {
      const progress = (s.dialed / PROSPECTS) * 100;
      if (progress + 1e-9 < nextMark && s !== last) continue;
      console.log(
        `  ${progress.toFixed(0).padStart(6)} % | ${s.seconds.toFixed(0).padStart(6)} | ${String(s.dialed).padStart(7)} | ` +
          `${s.vmRssMiB.toFixed(1).padStart(9)} | ${s.heapUsedMiB.toFixed(1).padStart(17)} | ${s.externalMiB.toFixed(1).padStart(12)} | ${s.run}`,
      );
      nextMark = Math.floor(progress / 10) * 10 + 10;
    }
    const secondHalf = samples.slice(Math.floor(samples.length / 2));
    const perTenK = (key: 'vmRssMiB' | 'heapUsedMiB') =>
      slope(secondHalf.map((s) => [s.dialed / 10_000, s[key]] as [number, number]));
    const perMinute = (key: 'vmRssMiB' | 'heapUsedMiB') =>
      slope(secondHalf.map((s) => [s.seconds / 60, s[key]] as [number, number]));
    console.log(
      `  slope over the second half (${secondHalf.length} samples): VmRSS ${perTenK('vmRssMiB').toFixed(2)} MiB per 10k dials ` +
        `(${perMinute('vmRssMiB').toFixed(2)} MiB/min); heap after GC ${perTenK('heapUsedMiB').toFixed(2)} MiB per 10k dials ` +
        `(${perMinute('heapUsedMiB').toFixed(2)} MiB/min)`,
    );
    const rss = samples.map((s) => s.vmRssMiB);
    console.log(
      `  VmRSS min ${Math.min(...rss).toFixed(1)} / max ${Math.max(...rss).toFixed(1)} MiB; goal: flat`,
    );
    if (!finished) {
      await handle.signal('cancel', { reason: 'benchmark bound reached' });
      await Promise.race([handle.result().catch(() => undefined), sleep(30_000)]);
    }
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
