import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUsableDids, reinstateDid, selectDidForCall, suspendDid, usableDidAccounts } from '@engine/db';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase, seedCustomer, seedDids } from '@engine/testing';

describe('DIDs a carrier refused as caller ID (real PostgreSQL)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  const now = new Date('2026-06-01T16:00:00Z');
  const request = (customerId: string) => ({
    customerId,
    areaCode: null,
    callerIds: null,
    minScore: 0.7,
    now,
  });

  it('leaves rotation once suspended (one suspension, one event) and comes back when reinstated', async () => {
    const { customer } = await seedCustomer(t.db);
    const [did] = await seedDids(t.db, customer.id, 1);
    expect(await suspendDid(t.db, did!.id, 'caller_id_unverified 21210: not verified', now)).toMatchObject({
      id: did!.id,
      number: did!.number,
    });
    // Already suspended: nothing to report a second time.
    expect(await suspendDid(t.db, did!.id, 'again', now)).toBeUndefined();
    expect(await selectDidForCall(t.db, request(customer.id))).toBeUndefined();
    expect(await countUsableDids(t.db, customer.id, 0.7, null, { now })).toBe(0);
    expect(await usableDidAccounts(t.db, request(customer.id))).toEqual([]);

    const back = await reinstateDid(t.db, customer.id, did!.id, now);
    expect(back).toMatchObject({ id: did!.id, state: 'active', suspended_at: null, suspended_reason: null });
    expect((await selectDidForCall(t.db, request(customer.id)))?.id).toBe(did!.id);
  });

  it("names the carrier accounts of the usable DIDs, the environment's as null", async () => {
    const { customer } = await seedCustomer(t.db);
    await seedDids(t.db, customer.id, 2);
    expect(await usableDidAccounts(t.db, request(customer.id))).toEqual([null]);
  });
});
