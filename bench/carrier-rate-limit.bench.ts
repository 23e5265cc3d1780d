/**
 * How exactly the per-account carrier rate limit holds when several campaigns share the account.
 *
 *   node -r @swc-node/register bench/carrier-rate-limit.bench.ts
 *
 * The real stack (Temporal dev server, PostgreSQL, Redis, the API, workers as child processes
 * running apps/worker/src/main.ts). One customer, 200 DIDs, all on ONE carrier account created
 * through the API at the Twilio fake with `cps_limit` 10; four voice campaigns of that customer
 * start at once, each paced at 25 calls/s, with 75 prospects each (about 30 s of dialing at
 * 10/s). Calls are short (answered, 2 simulated seconds), the channel pool is 2,000 and the DID
 * daily cap 1,000,000, so only the account's rate limits. The fake records when it accepted each
 * call create (`createTimes`, its own clock); from them: the achieved rate, the most calls in any
 * sliding 1000-ms window (the limit says at most 10), calls per whole second, and the prospects
 * deferred by the limit (the campaigns' `rateLimited` counters: a slot taken by another campaign
 * between a tick's look at the free slots and its take). Run with one worker, then two.
 *
 * Env: BENCH_RATE_WORKERS (1,2), BENCH_RATE_SECONDS (30), BENCH_RATE_CAMPAIGNS (4),
 * BENCH_RATE_CPS (25), BENCH_RATE_LIMIT (10). About 3 minutes.
 */
import type { CampaignWorkflowResult } from '@engine/contracts';
import type { BenchStack } from './support/campaign-bench-stack';
import { sleep, startBenchStack } from './support/campaign-bench-stack';
import { armHardStop, percentile } from './support/services';
import { seedSharedAccount, windowStats } from './support/shared-carrier-account';

const WORKERS = (process.env['BENCH_RATE_WORKERS'] ?? '1,2').split(',').map(Number);
const SECONDS = Number(process.env['BENCH_RATE_SECONDS'] ?? 30);
const CAMPAIGNS = Number(process.env['BENCH_RATE_CAMPAIGNS'] ?? 4);
const CPS = Number(process.env['BENCH_RATE_CPS'] ?? 25);
const LIMIT = Number(process.env['BENCH_RATE_LIMIT'] ?? 10);
const HARD_LIMIT_MS = 12 * 60_000;

async function runOnce(stack: BenchStack, workers: number, block: number): Promise<string[]> {
  for (let i = 0; i < workers; i++) await stack.startWorker();
  const prospectsPerCampaign = Math.ceil((SECONDS * LIMIT) / CAMPAIGNS);
  const shared = await seedSharedAccount(stack, {
    campaigns: CAMPAIGNS,
    prospectsPerCampaign,
    callsPerSecond: CPS,
    dids: 200,
    cpsLimit: LIMIT,
    block,
  });
  // The limiter's own log (Redis sorted set, score = slot time on Redis's clock), read every 200 ms:
  // a slot stays in it for at least the 1000-ms window, so no slot is missed.
  const slots = new Map<string, number>();
  let polling = true;
  let lastPoll = 0;
  let maxPollGapMs = 0;
  const poller = (async () => {
    while (polling) {
      const now = Date.now();
      if (lastPoll > 0) maxPollGapMs = Math.max(maxPollGapMs, now - lastPoll);
      lastPoll = now;
      const flat = await stack.redis.zrange(`carrier-rate:${shared.accountId}`, 0, -1, 'WITHSCORES');
      for (let i = 0; i + 1 < flat.length; i += 2) slots.set(flat[i]!, Number(flat[i + 1]));
      await sleep(200);
    }
  })();
  try {
    await sleep(1_000);
    const started = performance.now();
    const handles = await Promise.all(shared.campaigns.map((c) => stack.startCampaign(c)));
    const results = (await Promise.all(handles.map((h) => h.result()))) as CampaignWorkflowResult[];
    const wallS = (performance.now() - started) / 1000;
    await shared.fake.settled(30_000).catch(() => undefined);
    polling = false;
    await poller;
    const slotStats = windowStats([...slots.values()], LIMIT);
    // The i-th slot taken against the i-th call received (same machine, same clock): how long after
    // its slot a call reached the carrier (approximate where calls of one batch swap places).
    const slotTimes = [...slots.values()].sort((a, b) => a - b);
    const arrivals = [...shared.fake.createTimes].sort((a, b) => a - b);
    // Complete only if no two reads were a window apart (a starved event loop misses slots).
    const complete = maxPollGapMs < 1000 && slotTimes.length === arrivals.length;
    const lag = complete ? arrivals.map((t, i) => t - slotTimes[i]!) : [];
    const lagSorted = [...lag].sort((a, b) => a - b);

    const w = windowStats(shared.fake.createTimes, LIMIT);
    const sorted = [...w.perSecond].sort((a, b) => a - b);
    const atLimit = w.perSecond.filter((n) => n === LIMIT).length;
    const overLimitSeconds = w.perSecond.filter((n) => n > LIMIT).length;
    const perCampaign = new Array<number>(CAMPAIGNS).fill(0);
    for (const call of shared.fake.calls) {
      const c = shared.campaignOf(call.to);
      if (c >= 0 && c < CAMPAIGNS) perCampaign[c]! += 1;
    }
    const sum = (pick: (r: CampaignWorkflowResult) => number | undefined) =>
      results.reduce((a, r) => a + (pick(r) ?? 0), 0);
    const lines = [
      `${workers} worker(s): ${CAMPAIGNS} campaigns × ${prospectsPerCampaign} prospects at ${CPS}/s, one account at ${LIMIT} cps ` +
        `(statuses ${[...new Set(results.map((r) => r.status))].join(', ')}, ${wallS.toFixed(1)} s to the last result)`,
      `  calls at the fake ${w.calls} over ${(w.spanMs / 1000).toFixed(1)} s: ${w.rate.toFixed(3)} calls/s ` +
        `(${(((w.rate - LIMIT) / LIMIT) * 100).toFixed(2)} % vs the limit)`,
      `  most calls in any sliding 1000-ms window: ${w.maxInWindow} (at +${w.maxWindowAtMs} ms); ` +
        `windows over ${LIMIT}: ${w.windowsOverLimit}`,
      `  calls per whole second (${w.perSecond.length} s): p50 ${percentile(sorted, 50)}, p99 ${percentile(sorted, 99)}, ` +
        `min ${sorted[0] ?? 'n/a'}, max ${sorted.at(-1) ?? 'n/a'}; exactly ${LIMIT}: ` +
        `${((atLimit / Math.max(1, w.perSecond.length)) * 100).toFixed(1)} %; over ${LIMIT}: ${overLimitSeconds}`,
      `  per campaign calls: ${perCampaign.join(' / ')}; dialed ${sum((r) => r.counters.dialed)}, ` +
        `claimed ${sum((r) => r.counters.claimed)}, deferred by the rate (rateLimited) ${sum((r) => r.counters.rateLimited)} ` +
        `(${results.map((r) => r.counters.rateLimited ?? 0).join(' / ')}), poolFull ${sum((r) => r.counters.poolFull)}, ` +
        `noDid ${sum((r) => r.counters.noDid)}, originateFailed ${sum((r) => r.counters.originateFailed)}`,
    ];
    lines.push(
      `  the limiter's own slot log: ${slotStats.calls} slots, most in any 1000-ms window ${slotStats.maxInWindow}, ` +
        `windows over ${LIMIT}: ${slotStats.windowsOverLimit} (longest gap between reads ${maxPollGapMs} ms); ` +
        (complete
          ? `slot → call at the carrier (paired in order) p50 ${percentile(lagSorted, 50)} ms, ` +
            `p99 ${percentile(lagSorted, 99)} ms, max ${lagSorted.at(-1) ?? 'n/a'} ms`
          : 'log incomplete: slot → call lag not computed'),
      `  calls per second at the fake: ${w.perSecond.join(' ')}`,
    );
    if (w.maxInWindow > LIMIT) {
      const t = [...shared.fake.createTimes].sort((a, b) => a - b);
      const first = t[0] ?? 0;
      const inWindow = t.filter((x) => x - first >= w.maxWindowAtMs && x - first < w.maxWindowAtMs + 1000);
      lines.push(
        `  worst window's calls, ms after its start: ${inWindow.map((x) => x - inWindow[0]!).join(', ')}`,
      );
    }
    return lines;
  } finally {
    polling = false;
    await poller;
    await stack.stopWorker();
    await shared.fake.close();
  }
}

async function main(): Promise<void> {
  armHardStop(HARD_LIMIT_MS);
  const stack = await startBenchStack({ worker: 'child', workers: 0, channelPool: 2_000 });
  const out: string[] = [];
  try {
    for (const [block, workers] of WORKERS.entries()) {
      const lines = await runOnce(stack, workers, block);
      for (const line of lines) process.stderr.write(`${line}\n`);
      out.push(...lines);
    }
  } finally {
    await stack.close();
  }
  console.log(`\n${out.join('\n')}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
