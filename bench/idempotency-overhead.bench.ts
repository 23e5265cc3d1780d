/**
 * What an `Idempotency-Key` costs a creating POST: `POST /api/campaigns` timed end to end
 * (keep-alive fetch, one request at a time) in three variants, interleaved in a shuffled order
 * in every round so that drift in the machine's load hits them alike:
 *   - `no key`: the interceptor only looks for the header;
 *   - `new key`: a fresh key per request: claim (1 Lua call), hash of the raw body, the answer
 *     captured, stored (1 Lua call) before it is sent;
 *   - `replay`: a key and body sent before: one Lua call, the stored answer sent again.
 * Overhead = variant − `no key`, at p50 and p99 of each (not the percentile of differences).
 *
 *   node -r @swc-node/register bench/idempotency-overhead.bench.ts
 *
 * Starts a throwaway PostgreSQL and redis-server (unless DATABASE_URL / REDIS_URL are set) and the
 * real API as a child process (apps/api/src/main.ts, as in production), so that the load generator
 * does not share its event loop; Temporal is not needed for this route (its connection is lazy).
 * Env: BENCH_IDEM_REQUESTS per variant (default 2000), BENCH_IDEM_WARMUP (default 200).
 * About 1 minute on a 2-core machine.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCustomerWithApiKey, createDb, migrateToLatest } from '@engine/db';
import { createRedis, IdempotencyStore } from '@engine/redis';
import { ensureDatabase, findFreePort, withDatabase } from '@engine/local-services';
import type { ApiChild } from './support/api-child';
import { startApiChild } from './support/api-child';
import { armHardStop, benchPostgres, benchRedis, percentile } from './support/services';

const REQUESTS = Number(process.env['BENCH_IDEM_REQUESTS'] ?? 2000);
const WARMUP = Number(process.env['BENCH_IDEM_WARMUP'] ?? 200);
const HARD_LIMIT_MS = 10 * 60_000;

type Variant = 'no key' | 'new key' | 'replay';
const VARIANTS: Variant[] = ['no key', 'new key', 'replay'];

interface Sent {
  key: string;
  body: string;
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function main(): Promise<void> {
  armHardStop(HARD_LIMIT_MS);
  const [pg, redis] = await Promise.all([benchPostgres(), benchRedis()]);
  let api: ApiChild | undefined;
  const logDir = mkdtempSync(join(tmpdir(), 'ce-bench-idem-'));
  try {
    const dbName = `ce_bench_idem_${Date.now()}`;
    await ensureDatabase(pg.url, dbName);
    const dbUrl = withDatabase(pg.url, dbName);
    const db = createDb(dbUrl, { maxConnections: 4 });
    await migrateToLatest(db);
    const { apiKey } = await createCustomerWithApiKey(db, 'idempotency bench');
    await db.destroy();
    api = await startApiChild(
      join(logDir, 'api.log'),
      {
        DATABASE_URL: dbUrl,
        REDIS_URL: redis.url,
        TEMPORAL_ADDRESS: `127.0.0.1:${await findFreePort()}`,
        // Thousands of POSTs in a row: the per-key rate limit would answer most of them 429.
        API_RATE_LIMIT_PER_SECOND: '0',
      },
      // No Temporal here: health answers 503, and any answer means the API is up.
      () => true,
    );
    const url = `${api.url}/api/campaigns`;

    /** One POST; checks that a keyed answer says whether it was replayed exactly when expected. */
    const post = async (body: string, key?: string, replay = false): Promise<number> => {
      const headers: Record<string, string> = {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/json',
      };
      if (key) headers['idempotency-key'] = key;
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers, body });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 201) throw new Error(`POST answered ${res.status}`);
      if ((res.headers.get('idempotent-replayed') === 'true') !== replay)
        throw new Error('Idempotent-Replayed is wrong');
      return ms;
    };
    // Keys and bodies of the `new key` variant, sent again by the `replay` variant.
    const sent: Sent[] = [];
    const times: Record<Variant, number[]> = { 'no key': [], 'new key': [], replay: [] };
    let seq = 0;
    const run = async (variant: Variant): Promise<number> => {
      seq += 1;
      const body = JSON.stringify({ name: `Bench ${seq}`, channel: 'voice', mode: { calls_per_second: 5 } });
      if (variant === 'no key') return post(body);
      if (variant === 'new key') {
        const key = randomUUID();
        const ms = await post(body, key);
        sent.push({ key, body });
        return ms;
      }
      const earlier = sent[Math.floor(Math.random() * sent.length)]!;
      return post(earlier.body, earlier.key, true);
    };

    await run('new key');
    for (let i = 0; i < WARMUP; i += 1) for (const v of shuffled(VARIANTS)) await run(v);
    const load0 = loadavg()[0]!;
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i += 1) {
      for (const v of shuffled(VARIANTS)) times[v].push(await run(v));
    }
    const seconds = (performance.now() - started) / 1000;
    report(times, seconds, load0);
    await storeRoundTrips(redis.url);
  } finally {
    await api?.stop();
    rmSync(logDir, { recursive: true, force: true });
    await redis.stop();
    await pg.stop();
  }
}

/** The part of `new key` spent in Redis: claim and complete timed alone, one after the other. */
async function storeRoundTrips(redisUrl: string): Promise<void> {
  const client = createRedis(redisUrl, { keyPrefix: 'bench-idem:' });
  try {
    const store = new IdempotencyStore(client);
    const answer = {
      status: 201,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: Buffer.alloc(600, 'x'),
    };
    const claims: number[] = [];
    const completes: number[] = [];
    for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
      const req = { request: 'POST /api/campaigns', bodyHash: 'f'.repeat(64) };
      const key = randomUUID();
      const t0 = performance.now();
      const claim = await store.claim('bench', key, req);
      const t1 = performance.now();
      if (claim.outcome !== 'claimed') throw new Error('not claimed');
      if (!(await store.complete('bench', key, claim.token, req.bodyHash, answer)))
        throw new Error('not stored');
      const t2 = performance.now();
      if (i >= WARMUP) {
        claims.push(t1 - t0);
        completes.push(t2 - t1);
      }
    }
    for (const [name, values] of [
      ['claim', claims],
      ['complete', completes],
    ] as const) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(
        `store ${name}: p50 ${percentile(sorted, 50).toFixed(3)} ms, p99 ${percentile(sorted, 99).toFixed(3)} ms`,
      );
    }
  } finally {
    client.disconnect();
  }
}

function report(times: Record<Variant, number[]>, seconds: number, load0: number): void {
  const stats = (v: Variant) => {
    const sorted = [...times[v]].sort((a, b) => a - b);
    const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean };
  };
  const base = stats('no key');
  console.log(
    `\nPOST /api/campaigns, ${REQUESTS} requests per variant after ${WARMUP} warm-up rounds, ${seconds.toFixed(1)} s; ` +
      `load average ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)} (${process.platform}, Node ${process.version})\n`,
  );
  console.log('| variant | p50 ms | p99 ms | mean ms | overhead p50 ms | overhead p99 ms |');
  console.log('| ------- | ------ | ------ | ------- | --------------- | --------------- |');
  for (const v of VARIANTS) {
    const s = stats(v);
    const over = v === 'no key' ? ['-', '-'] : [(s.p50 - base.p50).toFixed(3), (s.p99 - base.p99).toFixed(3)];
    console.log(
      `| ${v} | ${s.p50.toFixed(3)} | ${s.p99.toFixed(3)} | ${s.mean.toFixed(3)} | ${over[0]} | ${over[1]} |`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
