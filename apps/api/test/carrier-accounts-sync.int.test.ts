import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCarrierAccount, insertDid } from '@engine/db';
import type { NumberInventory } from '@engine/providers';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase, seedCustomer } from '@engine/testing';
import { databaseDidRegistry } from '../src/carrier-accounts/did-registry';
import { RefusalReasons, syncOwnedNumbers } from '../src/carrier-accounts/sync-owned-numbers';

const inventory = (numbers: string[]): NumberInventory => ({ listOwnedNumbers: async () => numbers });

describe('sync-dids against the DID pool in PostgreSQL (stub carrier inventory)', () => {
  let t: TestDatabase;
  let me: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    me = (await seedCustomer(t.db, 'Me')).customer.id;
    other = (await seedCustomer(t.db, 'Other')).customer.id;
  });
  afterAll(() => t?.close());

  // The registry never decrypts: any ciphertext will do.
  const account = (customerId: string) =>
    insertCarrierAccount(t.db, {
      id: randomUUID(),
      customer_id: customerId,
      provider: 'twilio',
      name: 'Twilio',
      credentials_ciphertext: 'v1:unused',
      account_ref: null,
      cps_limit: 1,
      api_base_url: null,
    });

  const numbersOf = async (customerId: string) =>
    (
      await t.db
        .selectFrom('dids')
        .select(['number', 'carrier_account_id', 'state'])
        .where('customer_id', '=', customerId)
        .orderBy('number')
        .execute()
    ).map((d) => [d.number, d.carrier_account_id, d.state]);

  it('creates, attaches, leaves alone and refuses, then a second run changes nothing', async () => {
    const acc = await account(me);
    const mine = await account(me);
    await insertDid(t.db, { customer_id: me, number: '+14155550201' });
    await insertDid(t.db, { customer_id: me, number: '+14155550202', carrier_account_id: acc.id });
    await insertDid(t.db, { customer_id: me, number: '+14155550203', carrier_account_id: mine.id });
    await insertDid(t.db, { customer_id: other, number: '+14155550204' });
    const owned = inventory(['+14155550200', '+14155550201', '+14155550202', '+14155550203', '+14155550204']);

    const first = await syncOwnedNumbers(owned, databaseDidRegistry(t.db, me, acc.id), acc.id);
    expect(first).toEqual({
      created: 1,
      attached: 1,
      unchanged: 1,
      refused: [
        { number: '+14155550203', reason: RefusalReasons.otherAccount(mine.id) },
        { number: '+14155550204', reason: RefusalReasons.heldElsewhere },
      ],
    });
    expect(await numbersOf(me)).toEqual([
      ['+14155550200', acc.id, 'active'],
      ['+14155550201', acc.id, 'active'],
      ['+14155550202', acc.id, 'active'],
      ['+14155550203', mine.id, 'active'],
    ]);
    expect(await numbersOf(other)).toEqual([['+14155550204', null, 'active']]);

    const second = await syncOwnedNumbers(owned, databaseDidRegistry(t.db, me, acc.id), acc.id);
    expect(second).toMatchObject({ created: 0, attached: 0, unchanged: 3 });
  });

  it('adds nothing to an account deleted meanwhile', async () => {
    const acc = await account(me);
    await t.db
      .updateTable('carrier_accounts')
      .set({ deleted_at: new Date() })
      .where('id', '=', acc.id)
      .execute();
    await expect(
      syncOwnedNumbers(inventory(['+14155550210']), databaseDidRegistry(t.db, me, acc.id), acc.id),
    ).rejects.toThrow(/not found/);
    expect((await numbersOf(me)).map(([n]) => n)).not.toContain('+14155550210');
  });
});
