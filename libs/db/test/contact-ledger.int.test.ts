import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { ContactRequest, Database } from '@engine/db';
import {
  contactsOf,
  createDb,
  getContactCaps,
  releaseContact,
  reserveContacts,
  setContactCaps,
} from '@engine/db';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase, seedCampaign, seedCustomer } from '@engine/testing';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const phone = (i: number) => `+1415${String(5_560_000 + i).padStart(7, '0')}`;

describe('contact ledger: frequency caps (real PostgreSQL)', () => {
  let t: TestDatabase;
  let other: Kysely<Database>;
  let customerId: string;
  let campaignId: string;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestDatabase();
    // A second pool, as another worker process would have: the caps must hold across both.
    other = createDb(t.url, { maxConnections: 20, applicationName: 'test-other-worker' });
    const { customer } = await seedCustomer(t.db);
    customerId = customer.id;
    campaignId = (await seedCampaign(t.db, customerId)).id;
  });
  afterAll(async () => {
    await other?.destroy();
    await t?.close();
  });

  const request = (to: string, at: Date, caps = { per24h: 3, per7d: 7 }): ContactRequest => ({
    attemptId: `attempt-${(seq += 1)}`,
    customerId,
    phone: to,
    channel: 'voice',
    campaignId,
    at,
    ...caps,
  });

  it('50 concurrent reservations for one number across two pools never exceed the cap', async () => {
    const at = new Date('2026-06-01T15:00:00Z');
    const requests = Array.from({ length: 50 }, (_, i) =>
      request(phone(1), new Date(at.getTime() + i), { per24h: 3, per7d: 7 }),
    );
    const answers = await Promise.all(
      requests.map((r, i) => reserveContacts(i % 2 === 0 ? t.db : other, [r]).then((a) => a[0]!)),
    );
    expect(answers.filter((a) => a.reserved)).toHaveLength(3);
    expect(await contactsOf(t.db, customerId, phone(1), new Date(0))).toHaveLength(3);
    for (const refused of answers.filter((a) => !a.reserved)) {
      expect(refused).toMatchObject({ reserved: false, limit: '24h' });
    }
  });

  it('concurrent batches sharing numbers in opposite orders neither deadlock nor exceed the cap', async () => {
    const at = new Date('2026-06-02T15:00:00Z');
    const numbers = [phone(10), phone(11), phone(12), phone(13)];
    const batches = Array.from({ length: 30 }, (_, i) => {
      const order = i % 2 === 0 ? numbers : [...numbers].reverse();
      return order.map((n) => request(n, at, { per24h: 2, per7d: 7 }));
    });
    await Promise.all(batches.map((b, i) => reserveContacts(i % 2 === 0 ? t.db : other, b)));
    for (const n of numbers) expect(await contactsOf(t.db, customerId, n, new Date(0))).toHaveLength(2);
  });

  it('reserving an attempt already in the ledger answers reserved and adds nothing', async () => {
    const at = new Date('2026-06-03T15:00:00Z');
    const first = request(phone(20), at, { per24h: 1, per7d: 7 });
    expect(await reserveContacts(t.db, [first])).toEqual([{ reserved: true }]);
    // The same attempt again (a retried tick), even with the cap now reached, and twice in a batch.
    expect(await reserveContacts(t.db, [first, { ...first, at: new Date(at.getTime() + HOUR) }])).toEqual([
      { reserved: true },
      { reserved: true },
    ]);
    expect(await contactsOf(t.db, customerId, phone(20), new Date(0))).toHaveLength(1);
    const second = request(phone(20), new Date(at.getTime() + HOUR), { per24h: 1, per7d: 7 });
    expect(await reserveContacts(t.db, [second])).toEqual([
      { reserved: false, allowedAt: new Date(at.getTime() + DAY), limit: '24h' },
    ]);
  });

  it('knows an attempt reserved weeks before (a late retry) and records it once', async () => {
    const at = new Date('2026-05-01T15:00:00Z');
    const first = request(phone(25), at, { per24h: 1, per7d: 1 });
    await reserveContacts(t.db, [first]);
    const weeksLater = { ...first, at: new Date(at.getTime() + 30 * DAY) };
    expect(await reserveContacts(t.db, [weeksLater])).toEqual([{ reserved: true }]);
    expect(await contactsOf(t.db, customerId, phone(25), new Date(0))).toHaveLength(1);
  });

  it('a released contact no longer counts', async () => {
    const at = new Date('2026-06-04T15:00:00Z');
    const first = request(phone(30), at, { per24h: 1, per7d: 7 });
    const second = request(phone(30), new Date(at.getTime() + 1000), { per24h: 1, per7d: 7 });
    await reserveContacts(t.db, [first]);
    expect((await reserveContacts(t.db, [second]))[0]!.reserved).toBe(false);
    await releaseContact(t.db, first.attemptId);
    expect(await reserveContacts(t.db, [second])).toEqual([{ reserved: true }]);
    expect((await contactsOf(t.db, customerId, phone(30), new Date(0))).map((c) => c.attempt_id)).toEqual([
      second.attemptId,
    ]);
  });

  it('allows the next contact exactly when the k-th most recent one is 24 h old, not a millisecond before', async () => {
    const t0 = new Date('2026-06-05T08:00:00Z').getTime();
    const caps = { per24h: 2, per7d: 7 };
    // Three contacts made under a looser cap (another campaign's state allowed them), then cap 2:
    // the 2nd most recent (t0 + 2 h) binds, not the oldest.
    const loose = { per24h: 10, per7d: 10 };
    await reserveContacts(t.db, [
      request(phone(40), new Date(t0), loose),
      request(phone(40), new Date(t0 + 2 * HOUR), loose),
      request(phone(40), new Date(t0 + 5 * HOUR), loose),
    ]);
    const early = await reserveContacts(t.db, [request(phone(40), new Date(t0 + 26 * HOUR - 1), caps)]);
    expect(early).toEqual([{ reserved: false, allowedAt: new Date(t0 + 26 * HOUR), limit: '24h' }]);
    const onTime = await reserveContacts(t.db, [request(phone(40), new Date(t0 + 26 * HOUR), caps)]);
    expect(onTime).toEqual([{ reserved: true }]);
  });

  it('caps 7 days: the 7-day limit binds after the daily caps are respected, to the millisecond', async () => {
    const t0 = new Date('2026-06-10T12:00:00Z').getTime();
    const caps = { per24h: 1, per7d: 3 };
    for (const d of [0, 1, 2]) {
      expect(await reserveContacts(t.db, [request(phone(50), new Date(t0 + d * DAY), caps)])).toEqual([
        { reserved: true },
      ]);
    }
    // A day after the third: the daily cap allows it, the weekly one (3 in 7 days) does not.
    const refused = await reserveContacts(t.db, [request(phone(50), new Date(t0 + 3 * DAY), caps)]);
    expect(refused).toEqual([{ reserved: false, allowedAt: new Date(t0 + 7 * DAY), limit: '7d' }]);
    expect(
      (await reserveContacts(t.db, [request(phone(50), new Date(t0 + 7 * DAY - 1), caps)]))[0]!.reserved,
    ).toBe(false);
    expect(await reserveContacts(t.db, [request(phone(50), new Date(t0 + 7 * DAY), caps)])).toEqual([
      { reserved: true },
    ]);
  });

  it('names the window that binds longest when both caps are reached', async () => {
    const t0 = new Date('2026-06-20T12:00:00Z').getTime();
    const caps = { per24h: 2, per7d: 2 };
    await reserveContacts(t.db, [
      request(phone(60), new Date(t0), caps),
      request(phone(60), new Date(t0 + HOUR), caps),
    ]);
    expect(await reserveContacts(t.db, [request(phone(60), new Date(t0 + 2 * HOUR), caps)])).toEqual([
      { reserved: false, allowedAt: new Date(t0 + 7 * DAY), limit: '7d' },
    ]);
  });

  it('counts calls and texts of every campaign of the customer, not those of another customer', async () => {
    const at = new Date('2026-06-25T12:00:00Z');
    const campaign2 = (await seedCampaign(t.db, customerId)).id;
    const { customer: stranger } = await seedCustomer(t.db);
    const caps = { per24h: 2, per7d: 7 };
    const answers = await reserveContacts(t.db, [
      request(phone(70), at, caps),
      { ...request(phone(70), at, caps), channel: 'sms', campaignId: campaign2 },
      { ...request(phone(70), at, caps), customerId: stranger.id },
      request(phone(70), at, caps),
    ]);
    expect(answers.map((a) => a.reserved)).toEqual([true, true, true, false]);
  });

  it("stores the customer's own caps, null meaning the default", async () => {
    expect(await getContactCaps(t.db, customerId)).toEqual({ per24h: null, per7d: null });
    expect(await setContactCaps(t.db, customerId, { per24h: 1, per7d: null })).toEqual({
      per24h: 1,
      per7d: null,
    });
    expect(await getContactCaps(t.db, customerId)).toEqual({ per24h: 1, per7d: null });
  });
});
