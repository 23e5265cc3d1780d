/**
 * Channel semaphore benchmark: acquire + release pairs per second under concurrency, and the
 * latency of one client doing them one after another.
 *
 *   node -r @swc-node/register bench/semaphore.bench.ts
 *
 * Uses REDIS_URL if set (its keys go under a bench:<random>: prefix and are deleted at the end);
 * otherwise starts its own redis-server on a free port and stops it at the end. Bounded to
 * about 35 s, with a hard stop at 60 s.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findFreePort,
  redisAnswers,
  startRedisServer,
  stopPid,
  waitUntilHealthy,
} from '@engine/local-services';
import type { Redis } from '@engine/redis';
import { createRedis } from '@engine/redis';
import type { ChannelPool } from '@engine/redis';
import { ChannelSemaphore } from '@engine/redis';

const ROUNDS = 5;
const ROUND_MS = 3_000;
const WARMUP_MS = 1_000;
/** Below the campaign pool's 60: every acquire succeeds, so this measures the scripts' cost. */
const LOOPS = 50;
/** Above it: a contended pool, where part of the acquires answer "full". */
const CONTENDED_LOOPS = 100;
const CONTENDED_ROUNDS = 3;
const LATENCY_PAIRS = 5_000;
const LATENCY_MAX_MS = 8_000;
const HARD_LIMIT_MS = 60_000;

const POOL: ChannelPool = 'campaign';

interface RoundResult {
  pairs: number;
  full: number;
  seconds: number;
}

/** `loops` concurrent workers acquire, release, repeat, until `ms` have passed. */
async function runRound(
  semaphore: ChannelSemaphore,
  loops: number,
  ms: number,
  tag: string,
): Promise<RoundResult> {
  let pairs = 0;
  let full = 0;
  const start = performance.now();
  const deadline = start + ms;
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const leaseId = `${tag}-${loop}-${n}`;
        const result = await semaphore.acquire(POOL, leaseId);
        if (!result.acquired) {
          full++;
          continue;
        }
        await semaphore.release(POOL, leaseId);
        pairs++;
      }
    }),
  );
  return { pairs, full, seconds: (performance.now() - start) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function latency(semaphore: ChannelSemaphore) {
  const acquire: number[] = [];
  const release: number[] = [];
  const pair: number[] = [];
  const deadline = performance.now() + LATENCY_MAX_MS;
  for (let n = 0; n < LATENCY_PAIRS && performance.now() < deadline; n++) {
    const leaseId = `latency-${n}`;
    const t0 = performance.now();
    const result = await semaphore.acquire(POOL, leaseId);
    const t1 = performance.now();
    if (!result.acquired) throw new Error(`latency run: pool unexpectedly full (${JSON.stringify(result)})`);
    await semaphore.release(POOL, leaseId);
    const t2 = performance.now();
    acquire.push(t1 - t0);
    release.push(t2 - t1);
    pair.push(t2 - t0);
  }
  const row = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return `  ${name.padEnd(16)} p50 ${fmt(percentile(sorted, 50), 3)} ms   p99 ${fmt(percentile(sorted, 99), 3)} ms   mean ${fmt(mean, 3)} ms`;
  };
  console.log(`\nSingle client, sequential (${fmt(pair.length)} pairs):`);
  console.log(row('acquire', acquire));
  console.log(row('release', release));
  console.log(row('acquire+release', pair));
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const raw = createRedis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await raw.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    raw.disconnect();
  }
}

async function main(): Promise<void> {
  let child: ChildProcess | undefined;
  let dir: string | undefined;
  const stopOwnRedis = async () => {
    if (child?.pid) await stopPid(child.pid);
    if (dir) rmSync(dir, { recursive: true, force: true });
    child = undefined;
  };
  // Whatever happens, never run past the bound and never leave our redis-server behind.
  const watchdog = setTimeout(() => {
    console.error(`benchmark exceeded ${HARD_LIMIT_MS / 1000}s, stopping`);
    child?.kill('SIGKILL');
    process.exit(2);
  }, HARD_LIMIT_MS);
  watchdog.unref();

  let url = process.env['REDIS_URL'];
  let client: Redis | undefined;
  const prefix = `bench:${randomBytes(4).toString('hex')}:`;
  try {
    if (url) {
      console.log(`Redis: REDIS_URL (keys under ${prefix})`);
    } else {
      const port = await findFreePort();
      dir = mkdtempSync(join(tmpdir(), 'ce-bench-redis-'));
      const logFile = join(dir, 'redis.log');
      child = startRedisServer(port, dir, logFile, false);
      url = `redis://127.0.0.1:${port}`;
      const started = url;
      await waitUntilHealthy('redis-server (bench)', () => redisAnswers(started), {
        timeoutMs: 20_000,
        logFile,
        child,
      });
      console.log(`Redis: own redis-server on 127.0.0.1:${port}`);
    }

    // The project's client: auto-pipelining on, so concurrent loops share round trips.
    client = createRedis(url, { keyPrefix: prefix, connectionName: 'semaphore-bench' });
    const info = await client.info('server');
    console.log(`  redis_version ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}, node ${process.version}`);
    const semaphore = new ChannelSemaphore(client);

    await runRound(semaphore, LOOPS, WARMUP_MS, 'warmup');

    const rates: number[] = [];
    console.log(
      `\n${LOOPS} concurrent loops on one connection, pool "${POOL}" (limit ${semaphore.limits[POOL]}), ` +
        `${ROUNDS} rounds x ${ROUND_MS / 1000}s:`,
    );
    for (let round = 1; round <= ROUNDS; round++) {
      const r = await runRound(semaphore, LOOPS, ROUND_MS, `r${round}`);
      const rate = r.pairs / r.seconds;
      rates.push(rate);
      console.log(`  round ${round}: ${fmt(rate)} pairs/s (${fmt(r.pairs)} pairs, ${r.full} full)`);
    }
    console.log(
      `  => acquire+release pairs/s: median ${fmt(median(rates))}, min ${fmt(Math.min(...rates))}, ` +
        `max ${fmt(Math.max(...rates))}  (= ${fmt(2 * median(rates))} script calls/s)`,
    );

    const contended: number[] = [];
    console.log(
      `\n${CONTENDED_LOOPS} concurrent loops (more than the limit of ${semaphore.limits[POOL]}), ` +
        `${CONTENDED_ROUNDS} rounds x ${ROUND_MS / 1000}s:`,
    );
    for (let round = 1; round <= CONTENDED_ROUNDS; round++) {
      const r = await runRound(semaphore, CONTENDED_LOOPS, ROUND_MS, `c${round}`);
      const rate = r.pairs / r.seconds;
      contended.push(rate);
      console.log(
        `  round ${round}: ${fmt(rate)} pairs/s, ${fmt(r.full / r.seconds)} "full" answers/s (${fmt(r.pairs)} pairs)`,
      );
    }
    console.log(
      `  => successful pairs/s: median ${fmt(median(contended))}, min ${fmt(Math.min(...contended))}, ` +
        `max ${fmt(Math.max(...contended))}`,
    );

    await latency(semaphore);

    // Every loop released what it took: a leak would show here.
    const usage = await semaphore.usage(POOL);
    console.log(`\nAfter the run: ${usage.inUse} of ${usage.limit} "${POOL}" channels in use (expected 0).`);
    if (usage.inUse !== 0) process.exitCode = 1;
  } finally {
    client?.disconnect();
    if (process.env['REDIS_URL'] && url) await deleteKeys(url, prefix).catch(() => undefined);
    await stopOwnRedis();
    clearTimeout(watchdog);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
