import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from '@engine/redis';
import { createRedis } from '@engine/redis';
import type { TestRedis } from '@engine/testing';
import { createTestRedis, uniqueSuffix } from '@engine/testing';
import type { ChannelPool } from '@engine/redis';
import { CHANNEL_POOLS, ChannelSemaphore, DEFAULT_CHANNEL_POOL_LIMITS } from '@engine/redis';

/** Separate connections, as separate workers would have: no client-side ordering helps. */
const CLIENTS = 10;
const ACQUIRERS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ChannelSemaphore under concurrency (real Redis, many connections)', () => {
  let t: TestRedis;
  let clients: Redis[];

  /** One semaphore per connection, all on the same pool keys (unique to the calling test). */
  const semaphoresOn = (limits?: Partial<Record<ChannelPool, number>>) => {
    const ns = `run-${uniqueSuffix()}`;
    return clients.map(
      (client) => new ChannelSemaphore(client, { limits, keyFor: (pool) => `${ns}:channels:${pool}` }),
    );
  };

  beforeAll(async () => {
    t = createTestRedis();
    clients = Array.from({ length: CLIENTS }, () => createRedis(t.url, { keyPrefix: t.keyPrefix }));
    await Promise.all(clients.map((c) => c.ping()));
  });
  afterAll(async () => {
    for (const client of clients ?? []) client.disconnect();
    await t?.close();
  });

  it.each(CHANNEL_POOLS)(
    `${ACQUIRERS} concurrent acquirers of the %s pool: exactly its limit succeed, never more`,
    async (pool) => {
      const semaphores = semaphoresOn();
      const limit = DEFAULT_CHANNEL_POOL_LIMITS[pool];

      const results = await Promise.all(
        Array.from({ length: ACQUIRERS }, (_, i) =>
          semaphores[i % CLIENTS]!.acquire(pool, `attempt-${i}`).then((result) => ({
            id: `attempt-${i}`,
            result,
          })),
        ),
      );

      const winners = results.filter((r) => r.result.acquired);
      expect(winners).toHaveLength(limit);
      // Each acquire is atomic, so the winners saw the counts 1..limit, each exactly once.
      expect(winners.map((w) => w.result.inUse).sort((a, b) => a - b)).toEqual(
        Array.from({ length: limit }, (_, i) => i + 1),
      );
      for (const { result } of results) {
        expect(result.inUse).toBeLessThanOrEqual(limit);
        if (!result.acquired) {
          expect(result).toMatchObject({ inUse: limit, limit });
          expect(result.retryAfterMs).toBeGreaterThan(0);
          expect(result.retryAfterMs).toBeLessThanOrEqual(5_000);
        }
      }

      const monitor = semaphores[0]!;
      expect(await monitor.usage(pool)).toEqual({ pool, inUse: limit, limit });
      expect((await monitor.leases(pool)).map((l) => l.leaseId).sort()).toEqual(
        winners.map((w) => w.id).sort(),
      );

      // Everyone releases (losers too, as a `finally` would): exactly the winners free a slot.
      const released = await Promise.all(
        results.map(({ id }, i) => semaphores[i % CLIENTS]!.release(pool, id)),
      );
      expect(released.filter(Boolean)).toHaveLength(limit);
      expect((await monitor.usage(pool)).inUse).toBe(0);
    },
  );

  it('500 acquirers retrying concurrently (same lease ids twice) still take exactly the limit', async () => {
    const semaphores = semaphoresOn({ api: 8 });
    // Every attempt is sent twice, from two different connections, as a retried activity might be.
    const results = await Promise.all(
      Array.from({ length: ACQUIRERS * 2 }, (_, i) =>
        semaphores[i % CLIENTS]!.acquire('api', `attempt-${i % ACQUIRERS}`).then((result) => ({
          id: `attempt-${i % ACQUIRERS}`,
          result,
        })),
      ),
    );
    const winnerIds = new Set(results.filter((r) => r.result.acquired).map((r) => r.id));
    expect(winnerIds.size).toBe(8);
    expect(Math.max(...results.map((r) => r.result.inUse))).toBe(8);
    expect((await semaphores[0]!.usage('api')).inUse).toBe(8);
  });

  it('churn across connections never exceeds the limit and leaks nothing', async () => {
    const limit = 8;
    const semaphores = semaphoresOn({ api: limit });
    const monitor = semaphores[0]!;
    let holding = 0;
    let maxHolding = 0;
    let acquisitions = 0;
    let maxSampled = 0;
    const deadline = Date.now() + 1_500;

    // A holder counts itself only between a confirmed acquire and sending its release, so at any
    // instant the holders counted here are a subset of the leases Redis holds.
    const loop = async (worker: number) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const semaphore = semaphores[worker % CLIENTS]!;
        const leaseId = `w${worker}-${n}`;
        const result = await semaphore.acquire('api', leaseId);
        if (!result.acquired) {
          await sleep(1 + Math.random() * 5);
          continue;
        }
        acquisitions++;
        holding++;
        maxHolding = Math.max(maxHolding, holding);
        try {
          await sleep(Math.random() * 5);
        } finally {
          holding--;
          await semaphore.release('api', leaseId);
        }
      }
    };
    const sampler = async () => {
      while (Date.now() < deadline) {
        maxSampled = Math.max(maxSampled, (await monitor.usage('api')).inUse);
        await sleep(2);
      }
    };

    await Promise.all([...Array.from({ length: 100 }, (_, w) => loop(w)), sampler()]);

    expect(acquisitions).toBeGreaterThan(limit);
    expect(maxHolding).toBeLessThanOrEqual(limit);
    expect(maxSampled).toBeLessThanOrEqual(limit);
    expect(maxSampled).toBeGreaterThan(0);
    expect((await monitor.usage('api')).inUse).toBe(0);
  });
});
