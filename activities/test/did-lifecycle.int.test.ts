import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateDidHealth } from '@engine/activities';
import { advanceDidLifecycle, DEFAULT_DID_CAPS, selectDidForCall } from '@engine/db';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase, seedCustomer, seedDids } from '@engine/testing';

const HOUR = 3_600_000;

describe('DID lifecycle, ramp-in and caps (real PostgreSQL)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  /**
   * Writes `n` calls for a DID ending just before `at`: short conversations alternating with
   * spam-flagged no-answers. Score 0.558 (SE 0.05 over 30 calls): confidently under 0.7, so a
   * cooldown, but nowhere near confidently under 0.5, so no burn.
   */
  async function mediocreCalls(didId: string, at: Date, n = 30) {
    await insertCalls(didId, at, n, (i) =>
      i % 2 === 0 ? ['human_connected', 20, false] : ['no_answer', 0, true],
    );
  }

  async function insertCalls(
    didId: string,
    at: Date,
    n: number,
    call: (i: number) => [outcome: string, seconds: number, spam: boolean],
  ) {
    await t.db
      .insertInto('did_health_events')
      .values(
        Array.from({ length: n }, (_, i) => {
          const [outcome, duration_seconds, spam_flagged] = call(i);
          return {
            did_id: didId,
            outcome,
            duration_seconds,
            spam_flagged,
            created_at: new Date(at.getTime() - (n - i) * 1000),
          };
        }),
      )
      .execute();
  }

  const didRow = (id: string) =>
    t.db.selectFrom('dids').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('leaves a DID with 9 awful calls unrated and in rotation, and cools it on the 10th', async () => {
    const { customer } = await seedCustomer(t.db);
    const [did] = await seedDids(t.db, customer.id, 1);
    // Later than the other tests' clocks: its cooldown must not end inside their lifecycle runs.
    const t0 = new Date('2026-07-01T12:00:00Z');
    await insertCalls(did!.id, t0, 9, () => ['no_answer', 0, true]);
    const ctx = { customerId: customer.id, campaignId: null, now: t0 };
    expect(await updateDidHealth(t.db, did!.id, ctx)).toEqual([]);
    expect(await didRow(did!.id)).toMatchObject({
      state: 'active',
      health_verdict: 'unrated',
      health_sample_size: 9,
      health_score: 0,
    });
    const base = { customerId: customer.id, areaCode: null, callerIds: null, minScore: 0.7, now: t0 };
    expect((await selectDidForCall(t.db, base))?.id).toBe(did!.id);

    const t1 = new Date(t0.getTime() + 60_000);
    await insertCalls(did!.id, t1, 1, () => ['no_answer', 0, true]);
    const events = await updateDidHealth(t.db, did!.id, { ...ctx, now: t1 });
    // 10 calls are enough for a cooldown, not for a burn (that takes 20).
    expect(events.map((e) => e.event.type)).toEqual(['did.health.cooldown']);
    const upper = Math.round(2.326 * (0.25 / Math.sqrt(10)) * 10_000) / 10_000;
    expect(events[0]!.event.payload).toMatchObject({
      verdict: 'cooldown',
      score: 0,
      upperBound: upper,
      lowerBound: 0,
      sampleSize: 10,
    });
    expect(await didRow(did!.id)).toMatchObject({
      state: 'cooling',
      health_verdict: 'cooldown',
      health_score_upper: upper,
      health_score_lower: 0,
      health_sample_size: 10,
    });
  });

  it('burns a cooled DID whose fresh calls confirm it, on its last 50 calls, and says why', async () => {
    const { customer } = await seedCustomer(t.db);
    const [did] = await seedDids(t.db, customer.id, 1);
    const cooledAt = new Date('2026-06-01T12:00:00Z');
    await insertCalls(did!.id, cooledAt, 30, () => ['no_answer', 0, true]);
    const back = new Date(cooledAt.getTime() + 2 * HOUR);
    await t.db.updateTable('dids').set({ score_since: back }).where('id', '=', did!.id).execute();
    const now = new Date(back.getTime() + HOUR);
    await insertCalls(did!.id, now, 10, () => ['no_answer', 0, true]);
    const events = await updateDidHealth(t.db, did!.id, { customerId: customer.id, campaignId: null, now });
    expect(events.map((e) => e.event.type)).toEqual(['did.health.burned']);
    expect(events[0]!.event.payload).toMatchObject({
      verdict: 'burned',
      sampleSize: 10,
      recent: { score: 0, sampleSize: 40 },
    });
    expect(await didRow(did!.id)).toMatchObject({
      state: 'burned',
      health_verdict: 'burned',
      health_sample_size: 10,
    });
  });

  it('goes active -> cooling -> (2 h later) ramping -> active, judged only on calls since the cooldown', async () => {
    const { customer } = await seedCustomer(t.db);
    const [did] = await seedDids(t.db, customer.id, 1);
    const t0 = new Date('2026-06-01T15:00:00Z');
    await mediocreCalls(did!.id, t0);
    const events = await updateDidHealth(t.db, did!.id, {
      customerId: customer.id,
      campaignId: null,
      now: t0,
    });
    expect(events.map((e) => e.event.type)).toEqual(['did.health.cooldown']);
    let row = await t.db.selectFrom('dids').selectAll().where('id', '=', did!.id).executeTakeFirstOrThrow();
    expect(row.state).toBe('cooling');
    expect(row.cooldown_until).toEqual(new Date(t0.getTime() + 2 * HOUR));
    const base = { customerId: customer.id, areaCode: null, callerIds: null, minScore: 0.7 };
    expect(await selectDidForCall(t.db, { ...base, now: new Date(t0.getTime() + HOUR) })).toBeUndefined();

    expect((await advanceDidLifecycle(t.db, new Date(t0.getTime() + HOUR))).rampedIn).toHaveLength(0);
    const back = new Date(t0.getTime() + 2 * HOUR);
    expect((await advanceDidLifecycle(t.db, back)).rampedIn.map((d) => d.id)).toEqual([did!.id]);
    row = await t.db.selectFrom('dids').selectAll().where('id', '=', did!.id).executeTakeFirstOrThrow();
    expect([row.state, row.health_score, row.score_since, row.ramp_until]).toEqual([
      'active',
      1,
      back,
      new Date(back.getTime() + 2 * HOUR),
    ]);
    // Back with no verdict and nothing known until it has fresh calls.
    expect(row).toMatchObject({
      health_verdict: 'unrated',
      health_score_upper: 1,
      health_score_lower: 0,
      health_sample_size: 0,
    });

    // The old calls no longer count: recomputing now gives a new DID's score, not another cooldown.
    await updateDidHealth(t.db, did!.id, { customerId: customer.id, campaignId: null, now: back });
    row = await t.db.selectFrom('dids').selectAll().where('id', '=', did!.id).executeTakeFirstOrThrow();
    expect([row.state, row.health_sample_size, row.health_verdict]).toEqual(['active', 0, 'unrated']);

    // Ramping: at the start it may take 10 % of 60 calls an hour; a while later more.
    const atStart = [];
    for (let i = 0; i < 8; i++)
      atStart.push(await selectDidForCall(t.db, { ...base, now: new Date(back.getTime() + i) }));
    expect(atStart.filter(Boolean)).toHaveLength(6);
    const halfway = new Date(back.getTime() + HOUR + 60_000); // a new hour, half the ramp done
    const later = [];
    for (let i = 0; i < 40; i++)
      later.push(await selectDidForCall(t.db, { ...base, now: new Date(halfway.getTime() + i) }));
    expect(later.filter(Boolean).length).toBe(Math.floor(60 * ((HOUR + 60_000) / (2 * HOUR))));
    // After the ramp: full rotation (only the daily cap applies).
    const after = new Date(back.getTime() + 3 * HOUR);
    const full = [];
    for (let i = 0; i < 40; i++)
      full.push(await selectDidForCall(t.db, { ...base, now: new Date(after.getTime() + i) }));
    expect(full.filter(Boolean)).toHaveLength(40);
  });

  it('a burned DID stays burned whatever the lifecycle does', async () => {
    const { customer } = await seedCustomer(t.db);
    const [did] = await seedDids(t.db, customer.id, 1);
    await t.db
      .updateTable('dids')
      .set({ state: 'burned', cooldown_until: new Date('2026-01-01T00:00:00Z') })
      .where('id', '=', did!.id)
      .execute();
    await advanceDidLifecycle(t.db, new Date('2027-01-01T00:00:00Z'));
    const row = await t.db
      .selectFrom('dids')
      .select('state')
      .where('id', '=', did!.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('burned');
  });

  it('holds the per-DID daily cap, and the next UTC day the DID is usable again', async () => {
    const { customer } = await seedCustomer(t.db);
    await seedDids(t.db, customer.id, 2);
    const caps = { ...DEFAULT_DID_CAPS, dailyCap: 3 };
    const day = new Date('2026-06-01T10:00:00Z');
    const base = { customerId: customer.id, areaCode: null, callerIds: null, minScore: 0.7, caps };
    const picks = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        selectDidForCall(t.db, { ...base, now: new Date(day.getTime() + i) }),
      ),
    );
    expect(picks.filter(Boolean)).toHaveLength(6);
    const perDid = new Map<string, number>();
    for (const d of picks.filter(Boolean)) perDid.set(d!.id, (perDid.get(d!.id) ?? 0) + 1);
    expect([...perDid.values()]).toEqual([3, 3]);
    expect(await selectDidForCall(t.db, { ...base, now: new Date('2026-06-02T00:00:01Z') })).toBeDefined();
  });

  it('a warming DID gets a reduced share until its warming is complete', async () => {
    const { customer } = await seedCustomer(t.db);
    const [did] = await seedDids(t.db, customer.id, 1);
    const now = new Date('2026-06-01T10:00:00Z');
    await t.db
      .updateTable('dids')
      .set({ state: 'warming', warming_until: new Date(now.getTime() + HOUR) })
      .where('id', '=', did!.id)
      .execute();
    const base = { customerId: customer.id, areaCode: null, callerIds: null, minScore: 0.7 };
    const picks = [];
    for (let i = 0; i < 20; i++)
      picks.push(await selectDidForCall(t.db, { ...base, now: new Date(now.getTime() + i) }));
    expect(picks.filter(Boolean)).toHaveLength(15); // 25 % of 60 an hour
    expect((await advanceDidLifecycle(t.db, new Date(now.getTime() + HOUR))).warmed).toHaveLength(1);
  });
});
