import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from '@engine/redis';
import { createRedis } from '@engine/redis';
import type { TestRedis } from '@engine/testing';
import { createTestRedis } from '@engine/testing';
import type { ChannelSemaphoreOptions } from '@engine/redis';
import {
  CHANNEL_POOLS,
  ChannelSemaphore,
  DEFAULT_CHANNEL_POOL_LIMITS,
  DEFAULT_FULL_RETRY_AFTER_MS,
  DEFAULT_LEASE_TTL_MS,
  InvalidSemaphoreArgumentError,
  UnknownChannelPoolError,
} from '@engine/redis';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Short enough to wait out in a test, long enough not to expire between two commands. */
const SHORT_TTL_MS = 300;
/** Waiting this long after a SHORT_TTL_MS lease was taken or renewed leaves it expired. */
const PAST_SHORT_TTL_MS = SHORT_TTL_MS + 150;

describe('ChannelSemaphore (real Redis)', () => {
  let t: TestRedis;
  let redis: Redis;
  let seq = 0;

  /** A semaphore whose pools live under keys no other test uses (the file's prefix on top). */
  const fresh = (options: ChannelSemaphoreOptions = {}) => {
    const ns = `case${++seq}`;
    return new ChannelSemaphore(redis, { keyFor: (pool) => `${ns}:channels:${pool}`, ...options });
  };

  beforeAll(() => {
    t = createTestRedis();
    redis = t.redis;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('defaults to the seed limits, a 15 min lease and channels:<pool> keys under the client prefix', async () => {
    const semaphore = new ChannelSemaphore(redis);
    expect(semaphore.limits).toEqual({ campaign: 60, ivr: 15, api: 8 });
    expect(semaphore.limits).toEqual(DEFAULT_CHANNEL_POOL_LIMITS);
    expect(semaphore.leaseTtlMs).toBe(15 * 60 * 1000);
    expect(semaphore.leaseTtlMs).toBe(DEFAULT_LEASE_TTL_MS);
    expect(semaphore.keyOf('campaign')).toBe('channels:campaign');

    await expect(semaphore.acquire('campaign', 'attempt-1')).resolves.toEqual({ acquired: true, inUse: 1 });

    // Seen without a prefix: the key carries the client's keyPrefix, the score is server time + TTL.
    const raw = createRedis(t.url);
    try {
      const key = `${t.keyPrefix}channels:campaign`;
      expect(await raw.type(key)).toBe('zset');
      const [seconds, micros] = await raw.time();
      const serverNowMs = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
      const score = Number(await raw.zscore(key, 'attempt-1'));
      expect(score).toBeGreaterThan(serverNowMs + DEFAULT_LEASE_TTL_MS - 5_000);
      expect(score).toBeLessThanOrEqual(serverNowMs + DEFAULT_LEASE_TTL_MS);
      // The key itself expires with its last lease, so an abandoned pool leaves nothing behind.
      const pttl = await raw.pttl(key);
      expect(pttl).toBeGreaterThan(DEFAULT_LEASE_TTL_MS - 5_000);
      expect(pttl).toBeLessThanOrEqual(DEFAULT_LEASE_TTL_MS);
    } finally {
      raw.disconnect();
    }
    await expect(semaphore.release('campaign', 'attempt-1')).resolves.toBe(true);
    expect(await redis.exists('channels:campaign')).toBe(0);
  });

  it("returns a crashed holder's slot once its lease expires, and its late release frees nothing", async () => {
    const semaphore = fresh({ limits: { campaign: 2 } });
    // "crashed" takes a short lease and never releases it (worker died, callback never came).
    await expect(semaphore.acquire('campaign', 'crashed', SHORT_TTL_MS)).resolves.toMatchObject({
      acquired: true,
    });
    await expect(semaphore.acquire('campaign', 'live')).resolves.toEqual({ acquired: true, inUse: 2 });

    const full = await semaphore.acquire('campaign', 'waiting');
    expect(full).toMatchObject({ acquired: false, inUse: 2, limit: 2 });
    // The earliest expiry is the crashed lease's: the caller is told to come back just then.
    if (full.acquired) throw new Error('unreachable');
    expect(full.retryAfterMs).toBeGreaterThan(0);
    expect(full.retryAfterMs).toBeLessThanOrEqual(SHORT_TTL_MS);

    await sleep(PAST_SHORT_TTL_MS);
    // Nothing but acquire itself touches the pool here: it must reclaim the expired slot on its own.
    await expect(semaphore.acquire('campaign', 'waiting')).resolves.toEqual({ acquired: true, inUse: 2 });
    expect(await semaphore.usage('campaign')).toEqual({ pool: 'campaign', inUse: 2, limit: 2 });

    // The crashed worker comes back and releases: its lease is gone, and it must not free "waiting".
    await expect(semaphore.release('campaign', 'crashed')).resolves.toBe(false);
    expect((await semaphore.usage('campaign')).inUse).toBe(2);
    expect((await semaphore.leases('campaign')).map((l) => l.leaseId).sort()).toEqual(['live', 'waiting']);
  });

  it('a double release frees nothing extra', async () => {
    const semaphore = fresh();
    await semaphore.acquire('campaign', 'A');
    await semaphore.acquire('campaign', 'B');
    expect((await semaphore.usage('campaign')).inUse).toBe(2);

    await expect(semaphore.release('campaign', 'A')).resolves.toBe(true);
    await expect(semaphore.release('campaign', 'A')).resolves.toBe(false);

    expect((await semaphore.usage('campaign')).inUse).toBe(1);
    expect((await semaphore.leases('campaign')).map((l) => l.leaseId)).toEqual(['B']);
    await expect(semaphore.renew('campaign', 'B')).resolves.toBe(true);
  });

  it("releasing a lease id that holds nothing cannot free another's slot", async () => {
    const semaphore = fresh({ limits: { api: 1 } });
    await semaphore.acquire('api', 'holder');

    await expect(semaphore.release('api', 'never-acquired')).resolves.toBe(false);
    await expect(semaphore.release('ivr', 'holder')).resolves.toBe(false); // right id, wrong pool

    expect((await semaphore.usage('api')).inUse).toBe(1);
    await expect(semaphore.acquire('api', 'other')).resolves.toMatchObject({ acquired: false, inUse: 1 });
    await expect(semaphore.renew('api', 'holder')).resolves.toBe(true);
  });

  it('re-acquiring with the same lease id does not take a second slot', async () => {
    const semaphore = fresh({ limits: { campaign: 1 } });
    await expect(semaphore.acquire('campaign', 'attempt-7')).resolves.toEqual({ acquired: true, inUse: 1 });
    // An activity retry after a timeout: same attempt id, the pool is full, it still holds its slot.
    await expect(semaphore.acquire('campaign', 'attempt-7')).resolves.toEqual({ acquired: true, inUse: 1 });
    await expect(semaphore.acquire('campaign', 'attempt-7')).resolves.toEqual({ acquired: true, inUse: 1 });
    await expect(semaphore.acquire('campaign', 'attempt-8')).resolves.toMatchObject({ acquired: false });

    // One release gives the one slot back.
    await expect(semaphore.release('campaign', 'attempt-7')).resolves.toBe(true);
    expect((await semaphore.usage('campaign')).inUse).toBe(0);
  });

  it('re-acquire extends a lease but never shortens it', async () => {
    const semaphore = fresh();
    await semaphore.acquire('ivr', 'extended', SHORT_TTL_MS);
    await semaphore.acquire('ivr', 'extended', 10_000);
    await semaphore.acquire('ivr', 'kept', 10_000);
    await semaphore.acquire('ivr', 'kept', SHORT_TTL_MS);

    await sleep(PAST_SHORT_TTL_MS);
    const leases = await semaphore.leases('ivr');
    expect(leases.map((l) => l.leaseId).sort()).toEqual(['extended', 'kept']);
    for (const lease of leases) expect(lease.expiresInMs).toBeGreaterThan(9_000);
  });

  it('a holder keeps its slot when the limit is lowered under it; newcomers wait', async () => {
    const wide = fresh({ limits: { api: 3 } });
    for (const id of ['a', 'b', 'c']) await wide.acquire('api', id);
    // Another worker configured with a lower limit, same keys.
    const narrow = new ChannelSemaphore(redis, { keyFor: (pool) => wide.keyOf(pool), limits: { api: 1 } });

    await expect(narrow.acquire('api', 'b')).resolves.toEqual({ acquired: true, inUse: 3 });
    await expect(narrow.acquire('api', 'd')).resolves.toMatchObject({ acquired: false, inUse: 3, limit: 1 });
  });

  it('renew extends a live lease and returns false once it has expired', async () => {
    const semaphore = fresh();
    // A long-lived lease keeps the pool's key alive, so only renew's own purge can tell expiry.
    await semaphore.acquire('campaign', 'bystander');
    await semaphore.acquire('campaign', 'long-call', SHORT_TTL_MS);
    await sleep(SHORT_TTL_MS / 2);
    await expect(semaphore.renew('campaign', 'long-call', 2_000)).resolves.toBe(true);
    await sleep(PAST_SHORT_TTL_MS);
    // Without the renewal this lease would have expired by now.
    await expect(semaphore.renew('campaign', 'long-call', SHORT_TTL_MS)).resolves.toBe(true);
    expect((await semaphore.usage('campaign')).inUse).toBe(2);

    await sleep(PAST_SHORT_TTL_MS);
    // Lost: renew says so and does not bring the lease back.
    await expect(semaphore.renew('campaign', 'long-call')).resolves.toBe(false);
    expect((await semaphore.usage('campaign')).inUse).toBe(1);

    await expect(semaphore.renew('campaign', 'never-acquired')).resolves.toBe(false);
    await semaphore.acquire('campaign', 'released');
    await semaphore.release('campaign', 'released');
    await expect(semaphore.renew('campaign', 'released')).resolves.toBe(false);
    expect((await semaphore.leases('campaign')).map((l) => l.leaseId)).toEqual(['bystander']);
  });

  it('releasing an expired lease reports false: the slot was already given back', async () => {
    const semaphore = fresh();
    await semaphore.acquire('ivr', 'bystander');
    await semaphore.acquire('ivr', 'too-slow', SHORT_TTL_MS);
    await sleep(PAST_SHORT_TTL_MS);
    // Nothing else touched the pool since: release alone must see that the lease had expired.
    await expect(semaphore.release('ivr', 'too-slow')).resolves.toBe(false);
    expect(await semaphore.usage('ivr')).toMatchObject({ inUse: 1 });
  });

  it('keeps the pools independent', async () => {
    const semaphore = fresh({ limits: { campaign: 1, ivr: 1, api: 1 } });
    await expect(semaphore.acquire('campaign', 'x')).resolves.toMatchObject({ acquired: true });
    await expect(semaphore.acquire('campaign', 'y')).resolves.toMatchObject({ acquired: false });
    // A full campaign pool leaves ivr and api alone; the same lease id counts in each pool apart.
    await expect(semaphore.acquire('ivr', 'x')).resolves.toEqual({ acquired: true, inUse: 1 });
    await expect(semaphore.acquire('api', 'y')).resolves.toEqual({ acquired: true, inUse: 1 });

    await expect(semaphore.release('ivr', 'x')).resolves.toBe(true);
    expect(await semaphore.usageAll()).toEqual([
      { pool: 'campaign', inUse: 1, limit: 1 },
      { pool: 'ivr', inUse: 0, limit: 1 },
      { pool: 'api', inUse: 1, limit: 1 },
    ]);

    // And a client with another keyPrefix is another world altogether.
    const other = createRedis(t.url, { keyPrefix: `${t.keyPrefix}other:` });
    try {
      const elsewhere = new ChannelSemaphore(other, {
        keyFor: (pool) => semaphore.keyOf(pool),
        limits: { campaign: 1 },
      });
      await expect(elsewhere.acquire('campaign', 'y')).resolves.toEqual({ acquired: true, inUse: 1 });
    } finally {
      other.disconnect();
    }
  });

  it('applies custom limits, keeping the defaults for pools not overridden', async () => {
    const semaphore = fresh({ limits: { ivr: 3 } });
    expect(semaphore.limits).toEqual({ campaign: 60, ivr: 3, api: 8 });

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => semaphore.acquire('ivr', `ivr-${i}`)),
    );
    expect(results.filter((r) => r.acquired)).toHaveLength(3);
    expect(results.filter((r) => !r.acquired)).toHaveLength(7);
    expect(await semaphore.usage('ivr')).toEqual({ pool: 'ivr', inUse: 3, limit: 3 });
  });

  it('a limit of 0 shuts a pool; full pools back off by fullRetryAfterMs at most', async () => {
    const closed = fresh({ limits: { api: 0 } });
    await expect(closed.acquire('api', 'a')).resolves.toEqual({
      acquired: false,
      inUse: 0,
      limit: 0,
      retryAfterMs: DEFAULT_FULL_RETRY_AFTER_MS,
    });

    const semaphore = fresh({ limits: { api: 1 }, fullRetryAfterMs: 2_000 });
    await semaphore.acquire('api', 'a'); // 15 min lease: its expiry is far beyond the back-off
    await expect(semaphore.acquire('api', 'b')).resolves.toEqual({
      acquired: false,
      inUse: 1,
      limit: 1,
      retryAfterMs: 2_000,
    });
  });

  it('reports usage per pool and for all pools, leaving expired leases out', async () => {
    const semaphore = fresh({ limits: { api: 4 } });
    expect(await semaphore.usageAll()).toEqual(
      CHANNEL_POOLS.map((pool) => ({ pool, inUse: 0, limit: semaphore.limits[pool] })),
    );

    await Promise.all([
      semaphore.acquire('campaign', 'c1'),
      semaphore.acquire('campaign', 'c2'),
      semaphore.acquire('campaign', 'c3', SHORT_TTL_MS),
      semaphore.acquire('api', 'a1', SHORT_TTL_MS),
    ]);
    expect(await semaphore.usageAll()).toEqual([
      { pool: 'campaign', inUse: 3, limit: 60 },
      { pool: 'ivr', inUse: 0, limit: 15 },
      { pool: 'api', inUse: 1, limit: 4 },
    ]);
    const leases = await semaphore.leases('campaign');
    expect(leases[0]?.leaseId).toBe('c3'); // soonest expiry first
    expect(leases[0]?.expiresInMs).toBeLessThanOrEqual(SHORT_TTL_MS);

    await sleep(PAST_SHORT_TTL_MS);
    expect(await semaphore.usage('campaign')).toEqual({ pool: 'campaign', inUse: 2, limit: 60 });
    expect(await semaphore.usage('api')).toEqual({ pool: 'api', inUse: 0, limit: 4 });
    expect(await semaphore.leases('api')).toEqual([]);
  });

  it('rejects unknown pools with a typed error naming the pool', async () => {
    const semaphore = fresh();
    const bogus = 'campain' as never;
    for (const call of [
      () => semaphore.acquire(bogus, 'a'),
      () => semaphore.release(bogus, 'a'),
      () => semaphore.renew(bogus, 'a'),
      () => semaphore.usage(bogus),
      () => semaphore.leases(bogus),
    ]) {
      const err: unknown = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UnknownChannelPoolError);
      expect(err).toMatchObject({ code: 'UNKNOWN_CHANNEL_POOL', pool: 'campain' });
      expect((err as Error).message).toContain('"campain"');
    }
    // A misspelt pool in the limits would otherwise leave the default in force unnoticed.
    expect(() => new ChannelSemaphore(redis, { limits: { campain: 5 } as never })).toThrow(
      UnknownChannelPoolError,
    );
  });

  it('rejects unusable limits, TTLs, lease ids and keys', async () => {
    const bad = (options: ChannelSemaphoreOptions) => () => new ChannelSemaphore(redis, options);
    expect(bad({ limits: { campaign: -1 } })).toThrow(InvalidSemaphoreArgumentError);
    expect(bad({ limits: { campaign: 1.5 } })).toThrow(/limits\.campaign/);
    expect(bad({ leaseTtlMs: 0 })).toThrow(/leaseTtlMs/);
    expect(bad({ fullRetryAfterMs: Number.NaN })).toThrow(/fullRetryAfterMs/);
    expect(bad({ keyFor: () => 'same' })).toThrow(/a key of its own/);

    const semaphore = fresh();
    await expect(semaphore.acquire('campaign', '')).rejects.toMatchObject({
      code: 'INVALID_SEMAPHORE_ARGUMENT',
      argument: 'leaseId',
    });
    await expect(semaphore.acquire('campaign', 'a', -5)).rejects.toMatchObject({ argument: 'ttlMs' });
    await expect(semaphore.renew('campaign', 'a', 0.5)).rejects.toMatchObject({ argument: 'ttlMs' });
    expect((await semaphore.usage('campaign')).inUse).toBe(0);
  });
});
