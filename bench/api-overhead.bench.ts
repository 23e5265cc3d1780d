/**
 * Per-request overhead of the API's request pipeline on `GET /api/campaigns/:id`, above all of
 * the per-API-key rate limit.
 *
 *   node -r @swc-node/register bench/api-overhead.bench.ts
 *
 * PostgreSQL (embedded unless DATABASE_URL) and redis-server (unless REDIS_URL), migrated, one
 * customer and campaign; no Temporal (this route does not use it). Two API processes
 * (apps/api/src/main.ts, as in production) on the same database and Redis: one with the rate
 * limit on (API_RATE_LIMIT_PER_SECOND and _BURST at 1,000,000: every request takes a token, none
 * is refused), one with it off (0). Keep-alive fetch clients in this process drive each API in
 * turn, BENCH_OVERHEAD_SECONDS per run at each concurrency of BENCH_OVERHEAD_CONCURRENCY,
 * BENCH_OVERHEAD_ROUNDS rounds alternating which goes first (so that drift in the machine's load
 * falls on both); per run p50 / p99 of the request latency, then the medians over the rounds and
 * their difference. Then the parts in isolation (bench/support/api-overhead-isolation.ts).
 *
 * Env: BENCH_OVERHEAD_SECONDS (10), BENCH_OVERHEAD_CONCURRENCY ("1,8"), BENCH_OVERHEAD_ROUNDS (3),
 * BENCH_OVERHEAD_RUNS (isolated runs per part, 5000). About 2.5 minutes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { loadEngineConfig } from '@engine/config';
import type { Database } from '@engine/db';
import { createCustomerWithApiKey, createDb, insertCampaign, migrateToLatest } from '@engine/db';
import { ensureDatabase, findFreePort, withDatabase } from '@engine/local-services';
import { createRedis } from '@engine/redis';
import type { ApiChild } from './support/api-child';
import { startApiChild } from './support/api-child';
import type { Timing } from './support/api-overhead-isolation';
import { isolatedTimings } from './support/api-overhead-isolation';
import { processCpuSeconds, startCpuWindow } from './support/proc-stats';
import { armHardStop, benchPostgres, benchRedis, median, percentile } from './support/services';

const SECONDS = Number(process.env['BENCH_OVERHEAD_SECONDS'] ?? 10);
const CONCURRENCY = (process.env['BENCH_OVERHEAD_CONCURRENCY'] ?? '1,8').split(',').map(Number);
const ROUNDS = Number(process.env['BENCH_OVERHEAD_ROUNDS'] ?? 3);
const RUNS = Number(process.env['BENCH_OVERHEAD_RUNS'] ?? 5000);
const HARD_LIMIT_MS = 10 * 60_000;
const LIMIT_ON = { API_RATE_LIMIT_PER_SECOND: '1000000', API_RATE_LIMIT_BURST: '1000000' };
const LIMIT_OFF = { API_RATE_LIMIT_PER_SECOND: '0', API_RATE_LIMIT_BURST: '0' };

type Mode = 'on' | 'off';
interface Run {
  mode: Mode;
  concurrency: number;
  round: number;
  requests: number;
  p50: number;
  p99: number;
  /** CPU time of the API process per request, µs (less sensitive to other load than latency). */
  apiCpuUs: number;
  /** CPU time of redis-server per request, µs (NaN with REDIS_URL: not our process). */
  redisCpuUs: number;
  /** CPU other processes of the machine used meanwhile, % of one core. */
  othersPercent: number;
}

interface Setup {
  db: Kysely<Database>;
  apiKey: string;
  campaignId: string;
  /** What both API processes are configured with, besides the rate limit. */
  env: Record<string, string>;
  keyPrefix: string;
  redisServer: { url: string; pid?: number };
  apis: Record<Mode, ApiChild>;
}

async function main(): Promise<void> {
  armHardStop(HARD_LIMIT_MS);
  const cleanups: Array<() => Promise<unknown>> = [];
  const tmp = mkdtempSync(join(tmpdir(), 'ce-bench-overhead-'));
  try {
    const setup = await setUp(cleanups, tmp);
    const path = `/api/campaigns/${setup.campaignId}`;
    const headers = { authorization: `Bearer ${setup.apiKey}` };
    console.log(
      `load average at start: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const runs: Run[] = [];
    for (const concurrency of CONCURRENCY) {
      for (let round = 1; round <= ROUNDS; round += 1) {
        // Alternating the order, so that a drift in the machine's load falls on both modes.
        const order: Mode[] = round % 2 === 1 ? ['off', 'on'] : ['on', 'off'];
        for (const mode of order) {
          const api = setup.apis[mode];
          const load = await measureRun(
            `${api.url}${path}`,
            headers,
            concurrency,
            api.child.pid,
            setup.redisServer.pid,
          );
          const run: Run = { mode, concurrency, round, ...load };
          runs.push(run);
          console.log(
            `  c=${concurrency} round ${round} limit ${mode.padEnd(3)}: ${run.requests} requests, ` +
              `p50 ${run.p50.toFixed(3)} ms, p99 ${run.p99.toFixed(3)} ms, CPU per request: API ` +
              `${run.apiCpuUs.toFixed(0)} µs, redis ${run.redisCpuUs.toFixed(0)} µs (other processes ${run.othersPercent.toFixed(0)}%)`,
          );
        }
      }
    }
    console.log(
      `load average at end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );

    const redis = createRedis(setup.redisServer.url, { keyPrefix: setup.keyPrefix, connectionName: 'bench' });
    cleanups.push(async () => redis.disconnect());
    const isolated = await isolatedTimings({
      db: setup.db,
      redis,
      config: loadEngineConfig({ ...process.env, ...setup.env, ...LIMIT_ON }),
      apiKey: setup.apiKey,
      campaignId: setup.campaignId,
      runs: RUNS,
    });
    report(runs, isolated);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error(err));
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** PostgreSQL and Redis, a migrated database with one customer and campaign, the two APIs. */
async function setUp(cleanups: Array<() => Promise<unknown>>, tmp: string): Promise<Setup> {
  const [pg, redisServer] = await Promise.all([benchPostgres(), benchRedis()]);
  cleanups.push(
    () => pg.stop(),
    () => redisServer.stop(),
  );
  const dbName = `ce_bench_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  await ensureDatabase(pg.url, dbName);
  const databaseUrl = withDatabase(pg.url, dbName);
  const db = createDb(databaseUrl, { applicationName: 'bench' });
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  const { customer, apiKey } = await createCustomerWithApiKey(db, 'overhead bench');
  const campaign = await insertCampaign(db, { customer_id: customer.id, name: 'overhead', channel: 'voice' });

  const keyPrefix = `bench-${randomBytes(4).toString('hex')}:`;
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisServer.url,
    REDIS_KEY_PREFIX: keyPrefix,
    // Nothing listens there: the API's Temporal connection is lazy and this route never uses it.
    TEMPORAL_ADDRESS: `127.0.0.1:${await findFreePort()}`,
  };
  const apis: Record<Mode, ApiChild> = {
    // /api/health answers 503 without Temporal: listening is enough here.
    on: await startApiChild(join(tmp, 'api-on.log'), { ...env, ...LIMIT_ON }, () => true),
    off: await startApiChild(join(tmp, 'api-off.log'), { ...env, ...LIMIT_OFF }, () => true),
  };
  cleanups.push(
    () => apis.on.stop(),
    () => apis.off.stop(),
  );
  // Each API is what it claims: the limited one sends RateLimit-Limit, the other does not.
  for (const mode of ['on', 'off'] as const) {
    const res = await fetch(`${apis[mode].url}/api/campaigns/${campaign.id}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    await res.text();
    if (res.status !== 200) throw new Error(`rate limit ${mode}: GET campaign answered ${res.status}`);
    const limited = res.headers.get('ratelimit-limit');
    if ((mode === 'on') !== (limited !== null))
      throw new Error(`rate limit ${mode}: RateLimit-Limit is ${String(limited)}`);
  }
  return { db, apiKey, campaignId: campaign.id, env, keyPrefix, redisServer, apis };
}

/** One run after a 1-s warm-up: latencies, and CPU per request of the API and of redis-server. */
async function measureRun(
  url: string,
  headers: Record<string, string>,
  concurrency: number,
  apiPid: number | undefined,
  redisPid: number | undefined,
): Promise<Omit<Run, 'mode' | 'concurrency' | 'round'>> {
  await drive(url, headers, concurrency, 1_000);
  const cpu = startCpuWindow({ api: { pid: apiPid }, redis: { pid: redisPid }, bench: { pid: process.pid } });
  const api0 = apiPid ? processCpuSeconds(apiPid) : Number.NaN;
  const redis0 = redisPid ? processCpuSeconds(redisPid) : Number.NaN;
  const load = await drive(url, headers, concurrency, SECONDS * 1000);
  const perRequestUs = (pid: number | undefined, before: number) =>
    pid ? ((processCpuSeconds(pid) - before) * 1e6) / load.requests : Number.NaN;
  return {
    ...load,
    apiCpuUs: perRequestUs(apiPid, api0),
    redisCpuUs: perRequestUs(redisPid, redis0),
    othersPercent: cpu.stop().othersPercent,
  };
}

/** `concurrency` clients, each one request after another, for `durationMs`; latencies in ms. */
async function drive(
  url: string,
  headers: Record<string, string>,
  concurrency: number,
  durationMs: number,
): Promise<{ requests: number; p50: number; p99: number }> {
  const samples: number[] = [];
  const end = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const res = await fetch(url, { headers });
        await res.text();
        if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
        samples.push(performance.now() - t0);
      }
    }),
  );
  samples.sort((a, b) => a - b);
  return { requests: samples.length, p50: median(samples), p99: percentile(samples, 99) };
}

function report(runs: Run[], isolated: Timing[]): void {
  console.log(`\nGET /api/campaigns/:id through the API, medians over ${ROUNDS} rounds of ${SECONDS} s:`);
  console.log(
    '  clients | limit | p50 ms | p99 ms | API CPU µs/request | redis CPU µs/request | other processes %',
  );
  const med = (list: Run[], key: 'p50' | 'p99' | 'apiCpuUs' | 'redisCpuUs' | 'othersPercent') =>
    median(list.map((r) => r[key]));
  for (const concurrency of CONCURRENCY) {
    const rows: Array<[string, Run[]]> = (['off', 'on'] as const).map((mode) => [
      mode,
      runs.filter((r) => r.mode === mode && r.concurrency === concurrency),
    ]);
    for (const [mode, list] of rows) {
      console.log(
        `  ${String(concurrency).padStart(7)} | ${mode.padEnd(5)} | ${fmt(med(list, 'p50'))} | ${fmt(med(list, 'p99'))} | ` +
          `${med(list, 'apiCpuUs').toFixed(0).padStart(18)} | ${med(list, 'redisCpuUs').toFixed(0).padStart(20)} | ` +
          `${med(list, 'othersPercent').toFixed(0).padStart(17)}`,
      );
    }
    // The two runs of a round ran back to back: their difference is the least disturbed by drift.
    const paired = (key: 'p50' | 'p99' | 'apiCpuUs' | 'redisCpuUs') =>
      median(
        rows[1]![1].map((on) => on[key] - (rows[0]![1].find((off) => off.round === on.round)?.[key] ?? NaN)),
      );
    console.log(
      `  ${String(concurrency).padStart(7)} | on-off| ${fmt(paired('p50'))} | ${fmt(paired('p99'))} | ` +
        `${paired('apiCpuUs').toFixed(0).padStart(18)} | ${paired('redisCpuUs').toFixed(0).padStart(20)} | ` +
        '(median of the per-round differences)',
    );
  }
  console.log(`\nin isolation, serial, in the bench process (µs):`);
  console.log('  part                                                          | runs |    p50 |    p99');
  for (const t of isolated) {
    console.log(
      `  ${t.name.padEnd(61)} | ${String(t.runs).padStart(4)} | ${t.p50Us.toFixed(1).padStart(6)} | ${t.p99Us.toFixed(1).padStart(6)}`,
    );
  }
}

const fmt = (ms: number) => ms.toFixed(3);

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
