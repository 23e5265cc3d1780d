import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from '@engine/redis';
import { ApiRateLimiter, assertTokenBucketPolicy } from '@engine/redis';
import type { TestRedis } from '@engine/testing';
import { createTestRedis } from '@engine/testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('assertTokenBucketPolicy', () => {
  it('refuses a rate that is not positive and a burst that is not a whole number >= 1', () => {
    expect(() => assertTokenBucketPolicy({ ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => assertTokenBucketPolicy({ ratePerSecond: Number.NaN, burst: 1 })).toThrow(RangeError);
    expect(() => assertTokenBucketPolicy({ ratePerSecond: 1, burst: 0 })).toThrow(RangeError);
    expect(() => assertTokenBucketPolicy({ ratePerSecond: 1, burst: 1.5 })).toThrow(RangeError);
    expect(() => assertTokenBucketPolicy({ ratePerSecond: 0.5, burst: 1 })).not.toThrow();
  });
});

describe('ApiRateLimiter (real Redis)', () => {
  let t: TestRedis;
  let redis: Redis;
  let seq = 0;
  let ns = '';
  const fresh = () => {
    ns = `apirate${++seq}`;
    return new ApiRateLimiter(redis, { keyFor: (id) => `${ns}:${id}` });
  };

  beforeAll(() => {
    t = createTestRedis();
    redis = t.redis;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('grants a full burst at once, then refuses with the time until the next token', async () => {
    const limiter = fresh();
    // 2 tokens a second: one every 500 ms.
    const policy = { ratePerSecond: 2, burst: 3 };
    const first = await limiter.take('k', policy);
    expect(first).toMatchObject({ allowed: true, limit: 3, remaining: 2, retryAfterMs: 0 });
    expect(first.resetMs).toBeGreaterThan(0);
    expect(first.resetMs).toBeLessThanOrEqual(500);
    expect((await limiter.take('k', policy)).remaining).toBe(1);
    expect((await limiter.take('k', policy)).remaining).toBe(0);
    const denied = await limiter.take('k', policy);
    expect(denied.allowed).toBe(false);
    expect(denied.remaining).toBe(0);
    expect(denied.retryAfterMs).toBeGreaterThan(400);
    expect(denied.retryAfterMs).toBeLessThanOrEqual(500);
    // Time until full: three tokens at 500 ms each, less what has refilled meanwhile.
    expect(denied.resetMs).toBeGreaterThan(1300);
    expect(denied.resetMs).toBeLessThanOrEqual(1500);
  });

  it('refills at the rate: allowed again once retryAfterMs has passed, not before', async () => {
    const limiter = fresh();
    const policy = { ratePerSecond: 10, burst: 1 };
    expect((await limiter.take('k', policy)).allowed).toBe(true);
    const denied = await limiter.take('k', policy);
    expect(denied.allowed).toBe(false);
    expect(denied.retryAfterMs).toBeLessThanOrEqual(100);
    await sleep(denied.retryAfterMs + 15);
    expect((await limiter.take('k', policy)).allowed).toBe(true);
    expect((await limiter.take('k', policy)).allowed).toBe(false);
  });

  it('never holds more than the burst, however long the bucket was idle', async () => {
    const limiter = fresh();
    const policy = { ratePerSecond: 100, burst: 2 };
    expect((await limiter.take('k', policy)).remaining).toBe(1);
    await sleep(200); // 20 tokens' worth of refill
    expect((await limiter.take('k', policy)).remaining).toBe(1);
    expect((await limiter.take('k', policy)).remaining).toBe(0);
    expect((await limiter.take('k', policy)).allowed).toBe(false);
  });

  it('takes a cost all or none, and answers when that many tokens will be there', async () => {
    const limiter = fresh();
    const policy = { ratePerSecond: 1, burst: 5 };
    expect((await limiter.take('k', policy, 4)).remaining).toBe(1);
    const denied = await limiter.take('k', policy, 3);
    expect(denied).toMatchObject({ allowed: false, remaining: 1 });
    expect(denied.retryAfterMs).toBeGreaterThan(1900);
    expect(denied.retryAfterMs).toBeLessThanOrEqual(2000);
    expect((await limiter.take('k', policy, 1)).allowed).toBe(true);
    await expect(limiter.take('k', policy, 6)).rejects.toThrow(RangeError);
    await expect(limiter.take('k', policy, 0)).rejects.toThrow(RangeError);
  });

  it('peeks without taking and without writing', async () => {
    const limiter = fresh();
    const policy = { ratePerSecond: 0.01, burst: 1 };
    expect(await limiter.peek('k', policy)).toMatchObject({ allowed: true, remaining: 1, resetMs: 0 });
    expect(await redis.exists(`${ns}:k`)).toBe(0);
    expect((await limiter.take('k', policy)).allowed).toBe(true);
    const empty = await limiter.peek('k', policy);
    expect(empty.allowed).toBe(false);
    expect(empty.retryAfterMs).toBeGreaterThan(90_000);
  });

  it('keeps buckets apart', async () => {
    const limiter = fresh();
    const policy = { ratePerSecond: 0.01, burst: 1 };
    expect((await limiter.take('a', policy)).allowed).toBe(true);
    expect((await limiter.take('b', policy)).allowed).toBe(true);
    expect((await limiter.take('a', policy)).allowed).toBe(false);
  });

  it('never grants more than the bucket holds to many concurrent takers', async () => {
    const limiter = fresh();
    // 0.01 tokens a second: nothing refills during the test, so exactly the burst is granted.
    const policy = { ratePerSecond: 0.01, burst: 25 };
    // A second connection, as a second API process would have (same key prefix).
    const second = redis.duplicate();
    const other = new ApiRateLimiter(second, { keyFor: (id) => `${ns}:${id}` });
    try {
      const takes = await Promise.all(
        Array.from({ length: 200 }, (_, i) => (i % 2 ? limiter : other).take('shared', policy)),
      );
      expect(takes.filter((d) => d.allowed)).toHaveLength(25);
      const remainders = takes.filter((d) => d.allowed).map((d) => d.remaining);
      expect(new Set(remainders).size).toBe(25); // every grant saw its own count: 24 ... 0
    } finally {
      second.disconnect();
    }
  });

  it('lets an idle bucket expire once it would be full again', async () => {
    const limiter = fresh();
    // 20 tokens a second, 2 in the bucket: one take is refilled after 50 ms.
    const policy = { ratePerSecond: 20, burst: 2 };
    const first = await limiter.take('k', policy);
    expect(first.resetMs).toBeLessThanOrEqual(50);
    const ttl = await redis.pttl(`${ns}:k`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(51);
    await sleep(120);
    expect(await redis.exists(`${ns}:k`)).toBe(0);
    // Gone means full: the whole burst is there.
    expect((await limiter.take('k', policy)).remaining).toBe(1);
  });
});
