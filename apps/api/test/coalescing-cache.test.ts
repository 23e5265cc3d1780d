import { describe, expect, it } from 'vitest';
import { CoalescingCache } from '../src/common/coalescing-cache';

/** A computation the test finishes by hand, counting how often it was started. */
function gate<V>() {
  let calls = 0;
  const pending: Array<{ resolve: (v: V) => void; reject: (e: Error) => void }> = [];
  const compute = () => {
    calls += 1;
    return new Promise<V>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { compute, calls: () => calls, pending };
}

describe('CoalescingCache', () => {
  it('runs one computation for many concurrent callers of the same key', async () => {
    const cache = new CoalescingCache<number>(1000);
    const g = gate<number>();
    const callers = Array.from({ length: 32 }, () => cache.get('c1', g.compute));
    expect(g.calls()).toBe(1);
    g.pending[0]?.resolve(42);
    const results = await Promise.all(callers);
    expect(results.map((r) => r.value)).toEqual(Array(32).fill(42));
  });

  it('keeps a value for ttlMs and recomputes once it is older', async () => {
    let now = 10_000;
    const cache = new CoalescingCache<string>(2000, 100, () => now);
    let n = 0;
    const compute = async () => `v${++n}`;
    expect((await cache.get('k', compute)).value).toBe('v1');
    now += 1999;
    expect(await cache.get('k', compute)).toEqual({ value: 'v1', computedAt: 10_000 });
    now += 1;
    expect(await cache.get('k', compute)).toEqual({ value: 'v2', computedAt: 12_000 });
  });

  it('keeps different keys apart', async () => {
    const cache = new CoalescingCache<string>(1000);
    expect((await cache.get('a', async () => 'A')).value).toBe('A');
    expect((await cache.get('b', async () => 'B')).value).toBe('B');
    expect((await cache.get('a', async () => 'other')).value).toBe('A');
  });

  it('shares a failure with the callers waiting on it, keeps nothing, and lets the next caller retry', async () => {
    const cache = new CoalescingCache<number>(1000);
    const g = gate<number>();
    const first = cache.get('k', g.compute);
    const second = cache.get('k', g.compute);
    g.pending[0]?.reject(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    await expect(second).rejects.toThrow('database down');
    expect(cache.size).toBe(0);
    expect((await cache.get('k', async () => 7)).value).toBe(7);
  });

  it('with ttlMs 0 coalesces concurrent callers but keeps nothing afterwards', async () => {
    const cache = new CoalescingCache<number>(0);
    const g = gate<number>();
    const a = cache.get('k', g.compute);
    const b = cache.get('k', g.compute);
    g.pending[0]?.resolve(1);
    expect((await a).value).toBe(1);
    expect((await b).value).toBe(1);
    expect(cache.size).toBe(0);
    expect((await cache.get('k', async () => 2)).value).toBe(2);
  });

  it('holds at most maxEntries keys, dropping the oldest', async () => {
    const cache = new CoalescingCache<number>(60_000, 3);
    for (const k of ['a', 'b', 'c', 'd']) await cache.get(k, async () => 1);
    expect(cache.size).toBe(3);
    expect((await cache.get('a', async () => 2)).value).toBe(2);
    expect((await cache.get('d', async () => 3)).value).toBe(1);
  });
});
