/**
 * Voice pacing: achieved vs configured dial rate at 1, 10 and 50 calls/s, 60 s each.
 *
 *   node -r @swc-node/register bench/voice-pacing.bench.ts
 *
 * One campaign per rate (own customer, 200 DIDs, prospects inside their calling window,
 * max_attempts 1, channel pool raised to 2000 so that pool back-pressure does not interfere),
 * one in-process worker, the carrier simulator answering fast (timeScale 0.001). After a warm-up
 * of 5 s from the first originate, two figures over the next 60 s:
 *   - window rate: originates the simulator received in [t0, t0 + 60 s) / 60;
 *   - batch-aligned rate: batches are told apart by call_attempts.originated_at (one value per
 *     batch); from the first batch at or after t0 (B0) to the first at or after t0 + 60 s (Bn),
 *     the dials of B1..Bn divided by the time from B0 to Bn. A token-bucket batch dials what was
 *     earned since the batch before it, so this is immune to where the window cuts a tick and to
 *     how much the tick gaps vary (the window rate moves by up to one batch, which is up to 2 x
 *     cps dials when the pacer catches up).
 * Also printed: gaps between batches, how many batches dialed more than one tick's share (the
 * token bucket catching up after a late tick), and dialNextBatch / recordCallOutcomes durations
 * from the workflow history (where the time of a tick goes).
 * Error % = (achieved - configured) / configured. Goal: within 1 %.
 *
 * Env: BENCH_PACING_CPS (default "1,10,50"), BENCH_WINDOW_S (60), BENCH_ROUNDS (1; medians are
 * printed when > 1), DATABASE_URL / REDIS_URL optional. Bounded: about (window + 12 s) per rate
 * per round plus ~20 s of start-up; hard stop at 20 minutes.
 */
import { sql } from 'kysely';
import type { CampaignStateView } from '@engine/contracts';
import { stateQuery } from '@engine/contracts';
import { originateTimes, sleep, startBenchStack, waitFor } from './support/campaign-bench-stack';
import { fetchRunChain, summarizeCost } from './support/history';
import { startCpuWindow } from './support/proc-stats';
import { median, percentile } from './support/services';

const RATES = (process.env['BENCH_PACING_CPS'] ?? '1,10,50').split(',').map(Number);
const WINDOW_S = Number(process.env['BENCH_WINDOW_S'] ?? 60);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 1);
const WARMUP_S = 5;
const HARD_LIMIT_MS = 20 * 60_000;

interface PacingResult {
  cps: number;
  windowRate: number;
  alignedRate: number;
  batchGapP50: number;
  batchGapP99: number;
  batchGapMax: number;
  poolFull: number;
  /** Batches in the window, and how many dialed more than one tick's share (catching up). */
  batches: number;
  catchUpBatches: number;
  /** p50/p99 ms of the activities a tick waits for. */
  dialMs: [number, number];
  recordMs: [number, number];
  /** CPU of other processes on the machine during the window (100 = one core), load average. */
  disturbance: string;
  other: string;
}

const pct = (achieved: number, target: number) => ((achieved - target) / target) * 100;
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}%`;

async function main(): Promise<void> {
  const hardStop = setTimeout(() => {
    console.error(`hard limit of ${HARD_LIMIT_MS / 60_000} min reached`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  hardStop.unref();

  const stack = await startBenchStack({ timeScale: 0.001, channelPool: 2000 });
  const results: PacingResult[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const cps of RATES) {
        const campaign = await stack.newCampaign({
          prospects: Math.ceil(cps * (WARMUP_S + WINDOW_S + 20)) + 5,
          callsPerSecond: cps,
        });
        const handle = await stack.startCampaign(campaign);
        const first = await waitFor(
          async () => originateTimes(stack.sim, campaign.campaignId)[0],
          30_000,
          50,
        );
        if (first === undefined) throw new Error(`no originate within 30 s at ${cps} cps`);
        const t0 = first + WARMUP_S * 1000;
        const t1 = t0 + WINDOW_S * 1000;
        await sleep(Math.max(0, t0 - Date.now()));
        const cpu = startCpuWindow({
          bench: { pid: stack.pids.self },
          temporal: { pid: stack.pids.temporal },
          postgres: { pid: stack.pids.postgres, tree: true },
          redis: { pid: stack.pids.redis },
        });
        await sleep(t1 - Date.now());
        const cpuWindow = cpu.stop();
        await sleep(2_500);

        const times = originateTimes(stack.sim, campaign.campaignId);
        const inWindow = times.filter((t) => t >= t0 && t < t1).length;
        const batches = (
          await sql<{ at: Date; n: string }>`
            select originated_at as at, count(*) as n from call_attempts
            where campaign_id = ${campaign.campaignId} and originated_at is not null
            group by originated_at order by originated_at`.execute(stack.db)
        ).rows.map((r) => ({ at: r.at.getTime(), n: Number(r.n) }));
        const firstIdx = batches.findIndex((b) => b.at >= t0);
        const endIdx = batches.findIndex((b) => b.at >= t1);
        let alignedRate = Number.NaN;
        if (firstIdx >= 0 && endIdx > firstIdx) {
          // A token-bucket batch dials what was earned since the batch before it: pair each batch
          // with the gap that precedes it.
          const dials = batches.slice(firstIdx + 1, endIdx + 1).reduce((a, b) => a + b.n, 0);
          alignedRate = dials / ((batches[endIdx]!.at - batches[firstIdx]!.at) / 1000);
        }
        const aligned = firstIdx >= 0 ? batches.slice(firstIdx, endIdx >= 0 ? endIdx + 1 : undefined) : [];
        const gaps = aligned
          .slice(1)
          .map((b, i) => b.at - aligned[i]!.at)
          .sort((a, b) => a - b);
        const state = (await handle.query(stateQuery)) as CampaignStateView;
        const cost = summarizeCost(
          await fetchRunChain(stack.client, campaign.workflowId, handle.firstExecutionRunId),
        );
        const dial = (cost.activityDurationsMs['dialNextBatch'] ?? []).sort((a, b) => a - b);
        const record = (cost.activityDurationsMs['recordCallOutcomes'] ?? []).sort((a, b) => a - b);
        const c = state.counters;
        const result: PacingResult = {
          cps,
          windowRate: inWindow / WINDOW_S,
          alignedRate,
          batchGapP50: percentile(gaps, 50),
          batchGapP99: percentile(gaps, 99),
          batchGapMax: gaps[gaps.length - 1] ?? Number.NaN,
          poolFull: c.poolFull,
          batches: Math.max(0, aligned.length - 1),
          catchUpBatches: aligned.slice(1).filter((b) => b.n > Math.max(1, Math.round(cps))).length,
          dialMs: [percentile(dial, 50), percentile(dial, 99)],
          recordMs: [percentile(record, 50), percentile(record, 99)],
          disturbance:
            `other processes ${cpuWindow.othersPercent.toFixed(0)}% of a core, steal ${cpuWindow.stealPercent.toFixed(0)}%, ` +
            `load ${cpuWindow.loadAverage.toFixed(1)}`,
          other: `dnc ${c.dnc}, outsideWindow ${c.outsideWindow}, noDid ${c.noDid}, originateFailed ${c.originateFailed}`,
        };
        results.push(result);
        console.log(
          `round ${round} ${String(cps).padStart(3)} cps: window ${result.windowRate.toFixed(3)}/s (${signed(pct(result.windowRate, cps))}), ` +
            `batch-aligned ${alignedRate.toFixed(3)}/s (${signed(pct(alignedRate, cps))}); ` +
            `batch gap p50 ${result.batchGapP50} ms, p99 ${result.batchGapP99} ms, max ${result.batchGapMax} ms; ` +
            `${result.catchUpBatches}/${result.batches} batches above ${Math.max(1, Math.round(cps))} (catch-up); ` +
            `dialNextBatch p50/p99 ${result.dialMs.join('/')} ms, recordCallOutcomes p50/p99 ${result.recordMs.join('/')} ms; ` +
            `poolFull ${result.poolFull}, ${result.other}; ${result.disturbance}`,
        );
        await handle.signal('cancel', { reason: 'benchmark done' });
        await Promise.race([handle.result().catch(() => undefined), sleep(20_000)]);
      }
    }

    console.log(
      `\nVoice pacing (window ${WINDOW_S} s after a ${WARMUP_S} s warm-up, ${ROUNDS} round(s)${ROUNDS > 1 ? ', medians' : ''})`,
    );
    console.log('  configured | window rate  error    | batch-aligned  error   | batch gap p50/p99/max ms');
    for (const cps of RATES) {
      const rs = results.filter((r) => r.cps === cps);
      const w = median(rs.map((r) => r.windowRate));
      const a = median(rs.map((r) => r.alignedRate));
      console.log(
        `  ${String(cps).padStart(6)}/s  | ${w.toFixed(3).padStart(8)}/s ${signed(pct(w, cps)).padStart(8)} | ` +
          `${a.toFixed(3).padStart(9)}/s ${signed(pct(a, cps)).padStart(8)} | ` +
          `${median(rs.map((r) => r.batchGapP50))}/${median(rs.map((r) => r.batchGapP99))}/${median(rs.map((r) => r.batchGapMax))}`,
      );
    }
    console.log('  goal: |error| <= 1 %');
  } finally {
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
