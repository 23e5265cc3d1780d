import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from '@engine/redis';
import { CarrierRateLimiter, rateWindow } from '@engine/redis';
import type { TestRedis } from '@engine/testing';
import { createTestRedis } from '@engine/testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rateWindow', () => {
  it('keeps integer rates per second and fractional ones on average with whole calls', () => {
    expect(rateWindow(1)).toEqual({ limit: 1, windowMs: 1000 });
    expect(rateWindow(10)).toEqual({ limit: 10, windowMs: 1000 });
    expect(rateWindow(0.5)).toEqual({ limit: 1, windowMs: 2000 });
    expect(rateWindow(2.5)).toEqual({ limit: 2, windowMs: 800 });
  });

  it('refuses a rate that is not positive', () => {
    expect(() => rateWindow(0)).toThrow(RangeError);
    expect(() => rateWindow(Number.NaN)).toThrow(RangeError);
  });
});

describe('CarrierRateLimiter (real Redis)', () => {
  let t: TestRedis;
  let redis: Redis;
  let seq = 0;
  const fresh = () => {
    const ns = `rate${++seq}`;
    return new CarrierRateLimiter(redis, { keyFor: (id) => `${ns}:${id}` });
  };

  beforeAll(() => {
    t = createTestRedis();
    redis = t.redis;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('grants up to the limit in a window, defers the rest with the time until a slot frees', async () => {
    const limiter = fresh();
    expect(await limiter.take('acct', 3, 2)).toEqual({ granted: 2, retryAfterMs: 0 });
    const partial = await limiter.take('acct', 3, 5);
    expect(partial.granted).toBe(1);
    expect(partial.retryAfterMs).toBeGreaterThan(0);
    expect(partial.retryAfterMs).toBeLessThanOrEqual(1000);
    expect((await limiter.take('acct', 3, 1)).granted).toBe(0);
  });

  it('frees slots once they leave the window', async () => {
    const limiter = fresh();
    expect((await limiter.take('acct', 5, 5)).granted).toBe(5);
    const denied = await limiter.take('acct', 5, 1);
    expect(denied.granted).toBe(0);
    await sleep(denied.retryAfterMs + 20);
    expect((await limiter.take('acct', 5, 1)).granted).toBe(1);
  });

  it('reports free slots without taking any', async () => {
    const limiter = fresh();
    expect(await limiter.free('acct', 4)).toEqual({ free: 4, retryAfterMs: 0 });
    await limiter.take('acct', 4, 3);
    expect(await limiter.free('acct', 4)).toEqual({ free: 1, retryAfterMs: 0 });
    await limiter.take('acct', 4, 1);
    const none = await limiter.free('acct', 4);
    expect(none.free).toBe(0);
    expect(none.retryAfterMs).toBeGreaterThan(0);
    expect((await limiter.take('acct', 4, 1)).granted).toBe(0);
  });

  it('keeps accounts apart', async () => {
    const limiter = fresh();
    expect((await limiter.take('a', 1, 1)).granted).toBe(1);
    expect((await limiter.take('b', 1, 1)).granted).toBe(1);
    expect((await limiter.take('a', 1, 1)).granted).toBe(0);
  });

  it('never grants more than the limit in a window to many concurrent takers', async () => {
    const limiter = fresh();
    const takes = await Promise.all(Array.from({ length: 40 }, () => limiter.take('shared', 10, 3)));
    expect(takes.reduce((sum, s) => sum + s.granted, 0)).toBe(10);
  });
});
