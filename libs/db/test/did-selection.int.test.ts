import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUsableDids, selectDidForCall, selectDidForSms } from '@engine/db';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase, seedCustomer, seedDids } from '@engine/testing';

const GAP_MS = 15 * 60 * 1000;

describe('DID selection under concurrency (real PostgreSQL)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  it('SMS: 50 concurrent selectors over 10 DIDs never use a DID twice inside its 15-minute gap', async () => {
    const { customer } = await seedCustomer(t.db);
    await seedDids(t.db, customer.id, 10);
    const now = new Date('2026-06-01T16:00:00Z');
    const picks = await Promise.all(
      Array.from({ length: 50 }, () =>
        selectDidForSms(t.db, {
          customerId: customer.id,
          areaCode: null,
          callerIds: null,
          minScore: 0.7,
          now,
          gapMs: GAP_MS,
        }),
      ),
    );
    const chosen = picks.filter((d) => d !== undefined).map((d) => d.id);
    expect(chosen).toHaveLength(10);
    expect(new Set(chosen).size).toBe(10);

    // Rounds 14 minutes later find nothing; 15 minutes later every DID is usable once again.
    const early = await selectDidForSms(t.db, {
      customerId: customer.id,
      areaCode: null,
      callerIds: null,
      minScore: 0.7,
      now: new Date(now.getTime() + 14 * 60_000),
      gapMs: GAP_MS,
    });
    expect(early).toBeUndefined();
    const later = new Date(now.getTime() + GAP_MS);
    const second = await Promise.all(
      Array.from({ length: 50 }, () =>
        selectDidForSms(t.db, {
          customerId: customer.id,
          areaCode: null,
          callerIds: null,
          minScore: 0.7,
          now: later,
          gapMs: GAP_MS,
        }),
      ),
    );
    expect(new Set(second.filter(Boolean).map((d) => d!.id)).size).toBe(10);
    expect(second.filter(Boolean)).toHaveLength(10);
  });

  it('voice: 50 concurrent selectors over 10 equally good DIDs spread evenly instead of piling onto one', async () => {
    const { customer } = await seedCustomer(t.db);
    await seedDids(t.db, customer.id, 10);
    const now = new Date('2026-06-01T16:00:00Z');
    const picks = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        selectDidForCall(t.db, {
          customerId: customer.id,
          areaCode: null,
          callerIds: null,
          minScore: 0.7,
          now: new Date(now.getTime() + i),
        }),
      ),
    );
    expect(picks.every((d) => d !== undefined)).toBe(true);
    const perDid = new Map<string, number>();
    for (const d of picks) perDid.set(d!.id, (perDid.get(d!.id) ?? 0) + 1);
    expect(perDid.size).toBe(10);
    // Perfect spread is 5 each; allow a little unevenness from lock timing, never a pile-up.
    expect(Math.max(...perDid.values())).toBeLessThanOrEqual(8);
  });

  it('prefers local presence, then the lightest day (a warned DID counting double), then least recently used; honours callerIds and the threshold', async () => {
    const { customer } = await seedCustomer(t.db);
    const [sf] = await seedDids(t.db, customer.id, 1, { areaCode: '415', score: 0.75 });
    const [ny] = await seedDids(t.db, customer.id, 1, { areaCode: '212', score: 0.95 });
    const [warned] = await seedDids(t.db, customer.id, 1, {
      areaCode: '213',
      score: 0.74,
      upper: 0.79,
      sampleSize: 50,
    });
    await t.db.updateTable('dids').set({ health_verdict: 'warning' }).where('id', '=', warned!.id).execute();
    const [unhealthy] = await seedDids(t.db, customer.id, 1, {
      areaCode: '312',
      score: 0.55,
      upper: 0.69,
      sampleSize: 20,
    });
    const base = { customerId: customer.id, callerIds: null, minScore: 0.7, now: new Date() };
    const today = new Date(base.now.toISOString().slice(0, 10));
    const day = (id: string, calls: number, lastCallAt = '2026-01-01T00:00:00Z') =>
      t.db
        .updateTable('dids')
        .set({ day_bucket: today, day_calls: calls, last_call_at: new Date(lastCallAt) })
        .where('id', '=', id)
        .execute();

    // Local presence wins over everything else, even a warned DID.
    expect((await selectDidForCall(t.db, { ...base, areaCode: '415' }))?.id).toBe(sf!.id);
    expect((await selectDidForCall(t.db, { ...base, areaCode: '213' }))?.id).toBe(warned!.id);
    // No local DID: a warned DID's calls count double, so with 3 calls it looks busier than 5...
    await day(sf!.id, 9);
    await day(ny!.id, 5);
    await day(warned!.id, 3);
    expect((await selectDidForCall(t.db, { ...base, areaCode: '999' }))?.id).toBe(ny!.id);
    // ...but it is never passed over for good: with 2 calls it is lighter than 5 (and 6 now).
    await day(warned!.id, 2);
    expect((await selectDidForCall(t.db, { ...base, areaCode: '999' }))?.id).toBe(warned!.id);
    expect((await selectDidForCall(t.db, { ...base, areaCode: '312' }))?.id).not.toBe(unhealthy!.id);
    expect((await selectDidForCall(t.db, { ...base, areaCode: null, callerIds: [ny!.number] }))?.id).toBe(
      ny!.id,
    );
    expect(
      await selectDidForCall(t.db, { ...base, areaCode: null, callerIds: [unhealthy!.number] }),
    ).toBeUndefined();

    // Fewest calls today among equals, then least recently used.
    const { customer: c2 } = await seedCustomer(t.db);
    const [a, b, c] = await seedDids(t.db, c2.id, 3);
    await day(a!.id, 3, '2026-01-01T00:00:00Z');
    await day(b!.id, 3, '2025-01-01T00:00:00Z');
    await day(c!.id, 5, '2024-06-01T00:00:00Z');
    expect((await selectDidForCall(t.db, { ...base, customerId: c2.id, areaCode: null }))?.id).toBe(b!.id);
    expect((await selectDidForCall(t.db, { ...base, customerId: c2.id, areaCode: null }))?.id).toBe(a!.id);
  });

  it('spreads one batch (selections sharing one clock) evenly over equally good DIDs', async () => {
    const { customer } = await seedCustomer(t.db);
    await seedDids(t.db, customer.id, 5);
    const now = new Date('2026-06-01T16:00:00Z');
    const perDid = new Map<string, number>();
    for (let i = 0; i < 25; i++) {
      const did = await selectDidForCall(t.db, {
        customerId: customer.id,
        areaCode: null,
        callerIds: null,
        minScore: 0.7,
        now,
      });
      perDid.set(did!.id, (perDid.get(did!.id) ?? 0) + 1);
    }
    expect([...perDid.values()]).toEqual([5, 5, 5, 5, 5]);
  });

  it('keeps a low-scored DID with too few calls for a verdict selectable', async () => {
    const { customer } = await seedCustomer(t.db);
    const [young] = await seedDids(t.db, customer.id, 1, { score: 0.4, upper: 0.6, sampleSize: 9 });
    const base = { customerId: customer.id, areaCode: null, callerIds: null, minScore: 0.7, now: new Date() };
    expect((await selectDidForCall(t.db, base))?.id).toBe(young!.id);
    expect(await countUsableDids(t.db, customer.id, 0.7, null)).toBe(1);
    await t.db.updateTable('dids').set({ health_sample_size: 10 }).where('id', '=', young!.id).execute();
    expect(await selectDidForCall(t.db, base)).toBeUndefined();
    expect(await countUsableDids(t.db, customer.id, 0.7, null)).toBe(0);
  });

  it('skips a DID only when its upper bound is under the line, not its point score', async () => {
    const { customer } = await seedCustomer(t.db);
    // A point score under 0.7 whose bound still reaches it: maybe a healthy DID on a bad run.
    const [unsure] = await seedDids(t.db, customer.id, 1, { score: 0.62, upper: 0.7, sampleSize: 12 });
    const base = { customerId: customer.id, areaCode: null, callerIds: null, now: new Date(), gapMs: GAP_MS };
    expect((await selectDidForCall(t.db, { ...base, minScore: 0.7 }))?.id).toBe(unsure!.id);
    expect((await selectDidForSms(t.db, { ...base, minScore: 0.7 }))?.id).toBe(unsure!.id);
    expect(await countUsableDids(t.db, customer.id, 0.7, null)).toBe(1);
    // The campaign's own line (min_did_score) is what the bound is compared with.
    expect(await selectDidForCall(t.db, { ...base, minScore: 0.71 })).toBeUndefined();
    expect(await countUsableDids(t.db, customer.id, 0.71, null)).toBe(0);
    await t.db.updateTable('dids').set({ health_score_upper: 0.6999 }).where('id', '=', unsure!.id).execute();
    expect(await countUsableDids(t.db, customer.id, 0.7, null)).toBe(0);
  });

  it('never selects another customer’s DIDs or non-active ones', async () => {
    const { customer: mine } = await seedCustomer(t.db);
    const { customer: theirs } = await seedCustomer(t.db);
    await seedDids(t.db, theirs.id, 3);
    const [cooling] = await seedDids(t.db, mine.id, 1);
    await t.db.updateTable('dids').set({ state: 'cooling' }).where('id', '=', cooling!.id).execute();
    const base = { customerId: mine.id, areaCode: null, callerIds: null, minScore: 0.7, now: new Date() };
    expect(await selectDidForCall(t.db, base)).toBeUndefined();
    expect(await selectDidForSms(t.db, { ...base, gapMs: GAP_MS })).toBeUndefined();
  });
});
