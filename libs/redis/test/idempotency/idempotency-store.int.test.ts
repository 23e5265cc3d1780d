import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis, StoredAnswer } from '@engine/redis';
import { IDEMPOTENCY_TTL_MS, IdempotencyStore } from '@engine/redis';
import type { TestRedis } from '@engine/testing';
import { createTestRedis } from '@engine/testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const REQ = { request: 'POST /api/campaigns', bodyHash: 'a'.repeat(64) };
const ANSWER: StoredAnswer = {
  status: 201,
  headers: { 'content-type': 'application/json; charset=utf-8', location: '/api/campaigns/1' },
  body: Buffer.from('{"id":"1","name":"Ünïcode ✓"}'),
};

describe('IdempotencyStore (real Redis)', () => {
  let t: TestRedis;
  let redis: Redis;
  let seq = 0;
  const fresh = (options: { lockTtlMs?: number; ttlMs?: number } = {}) => {
    const ns = `idem${++seq}`;
    return new IdempotencyStore(redis, { ...options, keyFor: (scope, key) => `${ns}:${scope}:${key}` });
  };

  beforeAll(() => {
    t = createTestRedis();
    redis = t.redis;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets the first request claim a key, and tells the next one it is running', async () => {
    const store = fresh();
    const first = await store.claim('cust', 'k', REQ);
    expect(first.outcome).toBe('claimed');
    expect(await store.claim('cust', 'k', REQ)).toEqual({ outcome: 'running', bodyHash: REQ.bodyHash });
    expect(await store.peek('cust', 'k', REQ)).toEqual({ outcome: 'running', bodyHash: REQ.bodyHash });
  });

  it('stores the answer byte for byte and replays it to the same request', async () => {
    const store = fresh();
    const claim = await store.claim('cust', 'k', REQ);
    if (claim.outcome !== 'claimed') throw new Error('not claimed');
    expect(await store.complete('cust', 'k', claim.token, REQ.bodyHash, ANSWER)).toBe(true);
    const again = await store.claim('cust', 'k', REQ);
    expect(again).toEqual({ outcome: 'done', bodyHash: REQ.bodyHash, answer: ANSWER });
    expect(await store.peek('cust', 'k', REQ)).toEqual(again);
    // A completed claim cannot be completed or released a second time.
    expect(await store.complete('cust', 'k', claim.token, REQ.bodyHash, ANSWER)).toBe(false);
    expect(await store.release('cust', 'k', claim.token)).toBe(false);
  });

  it('refuses the key to a different path, method or body', async () => {
    const store = fresh();
    const claim = await store.claim('cust', 'k', REQ);
    if (claim.outcome !== 'claimed') throw new Error('not claimed');
    const mismatch = { outcome: 'mismatch' };
    expect(await store.claim('cust', 'k', { ...REQ, request: 'POST /api/dids' })).toEqual(mismatch);
    expect(await store.claim('cust', 'k', { ...REQ, bodyHash: 'b'.repeat(64) })).toEqual(mismatch);
    await store.complete('cust', 'k', claim.token, REQ.bodyHash, ANSWER);
    expect(await store.claim('cust', 'k', { ...REQ, request: 'PUT /api/campaigns' })).toEqual(mismatch);
    expect(await store.peek('cust', 'k', { ...REQ, bodyHash: 'b'.repeat(64) })).toEqual(mismatch);
  });

  it('leaves the body comparison to the caller while a streamed body is unread', async () => {
    const store = fresh();
    const claim = await store.claim('cust', 'k', { request: REQ.request });
    if (claim.outcome !== 'claimed') throw new Error('not claimed');
    expect(await store.claim('cust', 'k', REQ)).toEqual({ outcome: 'running', bodyHash: undefined });
    // Completing records the hash of the body as read to its end.
    await store.complete('cust', 'k', claim.token, REQ.bodyHash, ANSWER);
    expect(await store.claim('cust', 'k', { request: REQ.request })).toMatchObject({
      outcome: 'done',
      bodyHash: REQ.bodyHash,
    });
    expect(await store.claim('cust', 'k', { ...REQ, bodyHash: 'c'.repeat(64) })).toEqual({
      outcome: 'mismatch',
    });
  });

  it('releases a failed attempt so that a retry executes again; only the holder may release', async () => {
    const store = fresh();
    const claim = await store.claim('cust', 'k', REQ);
    if (claim.outcome !== 'claimed') throw new Error('not claimed');
    expect(await store.release('cust', 'k', 'someone-else')).toBe(false);
    expect(await store.complete('cust', 'k', 'someone-else', REQ.bodyHash, ANSWER)).toBe(false);
    expect(await store.release('cust', 'k', claim.token)).toBe(true);
    expect(await store.peek('cust', 'k', REQ)).toEqual({ outcome: 'free' });
    // After a release, even a different request may take the key.
    expect((await store.claim('cust', 'k', { ...REQ, bodyHash: 'd'.repeat(64) })).outcome).toBe('claimed');
  });

  it('frees a claim that is not renewed (a crashed API), and keeps one that is', async () => {
    const store = fresh({ lockTtlMs: 800 });
    const crashed = await store.claim('cust', 'crashed', REQ);
    const alive = await store.claim('cust', 'alive', REQ);
    if (crashed.outcome !== 'claimed' || alive.outcome !== 'claimed') throw new Error('not claimed');
    // 4 renewals 250 ms apart outlive the 800-ms TTL, with margin for a loaded machine.
    for (let i = 0; i < 4; i += 1) {
      await sleep(250);
      expect(await store.renew('cust', 'alive', alive.token)).toBe(true);
    }
    expect(await store.peek('cust', 'crashed', REQ)).toEqual({ outcome: 'free' });
    expect(await store.renew('cust', 'crashed', crashed.token)).toBe(false);
    // The late attempt can no longer store its answer over the next one's claim.
    const retry = await store.claim('cust', 'crashed', REQ);
    expect(retry.outcome).toBe('claimed');
    expect(await store.complete('cust', 'crashed', crashed.token, REQ.bodyHash, ANSWER)).toBe(false);
    expect(await store.peek('cust', 'alive', REQ)).toMatchObject({ outcome: 'running' });
  });

  it('keeps an answer for 24 h by default, and forgets it after the TTL', async () => {
    const store = fresh();
    const claim = await store.claim('cust', 'k', REQ);
    if (claim.outcome !== 'claimed') throw new Error('not claimed');
    const lockTtl = await redis.pttl(`idem${seq}:cust:k`);
    expect(lockTtl).toBeGreaterThan(25_000);
    expect(lockTtl).toBeLessThanOrEqual(30_000);
    await store.complete('cust', 'k', claim.token, REQ.bodyHash, ANSWER);
    const ttl = await redis.pttl(`idem${seq}:cust:k`);
    expect(ttl).toBeGreaterThan(IDEMPOTENCY_TTL_MS - 5_000);
    expect(ttl).toBeLessThanOrEqual(IDEMPOTENCY_TTL_MS);

    const short = fresh({ ttlMs: 200 });
    const c = await short.claim('cust', 'k', REQ);
    if (c.outcome !== 'claimed') throw new Error('not claimed');
    await short.complete('cust', 'k', c.token, REQ.bodyHash, ANSWER);
    expect((await short.peek('cust', 'k', REQ)).outcome).toBe('done');
    await sleep(300);
    expect(await short.peek('cust', 'k', REQ)).toEqual({ outcome: 'free' });
  });

  it('keeps scopes (customers) apart', async () => {
    const store = fresh();
    expect((await store.claim('alice', 'same-key', REQ)).outcome).toBe('claimed');
    expect((await store.claim('bob', 'same-key', { ...REQ, request: 'POST /api/dids' })).outcome).toBe(
      'claimed',
    );
  });

  it('grants a key to exactly one of many concurrent claims', async () => {
    const store = fresh();
    const claims = await Promise.all(Array.from({ length: 50 }, () => store.claim('cust', 'race', REQ)));
    expect(claims.filter((c) => c.outcome === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.outcome === 'running')).toHaveLength(49);
  });

  it('stores an empty body and several values of one header', async () => {
    const store = fresh();
    const claim = await store.claim('cust', 'k', REQ);
    if (claim.outcome !== 'claimed') throw new Error('not claimed');
    const answer: StoredAnswer = {
      status: 204,
      headers: { link: ['<a>; rel=x', '<b>; rel=y'] },
      body: Buffer.alloc(0),
    };
    await store.complete('cust', 'k', claim.token, REQ.bodyHash, answer);
    expect(await store.peek('cust', 'k', REQ)).toEqual({ outcome: 'done', bodyHash: REQ.bodyHash, answer });
  });
});
