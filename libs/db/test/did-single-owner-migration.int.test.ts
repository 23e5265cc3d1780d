import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@engine/db';
import { migrateToJustBefore, migrateToLatest } from '@engine/db';
import type { TestDatabase } from '@engine/testing';
import { createEmptyTestDatabase, seedCustomer } from '@engine/testing';

const MIGRATION = '20261201110000_did_single_owner';

describe('migration 20261201110000_did_single_owner: one owner per caller ID', () => {
  let t: TestDatabase;
  let db: Kysely<Database>;
  const customers: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const dids: Record<string, string> = {};
  let warnings: string[] = [];

  // Under the previous schema only (customer_id, number) was unique: three customers could hold
  // one number at once.
  async function addDid(
    label: string,
    customer: string,
    number: string,
    createdAt: string,
    state = 'active',
  ) {
    const row = await sql<{ id: string }>`
      insert into dids (customer_id, number, state, created_at, updated_at)
      values (${customer}, ${number}, ${state}, ${createdAt}::timestamptz, ${createdAt}::timestamptz)
      returning id`.execute(db);
    dids[label] = row.rows[0]!.id;
  }

  beforeAll(async () => {
    t = await createEmptyTestDatabase();
    db = t.db;
    await migrateToJustBefore(db, MIGRATION);
    customers.a = (await seedCustomer(db, 'A')).customer.id;
    customers.b = (await seedCustomer(db, 'B')).customer.id;
    customers.c = (await seedCustomer(db, 'C')).customer.id;
    // +14155550001: B registered it first, then A, then C (C's is burned: still held).
    await addDid('n1-a', customers.a, '+14155550001', '2026-01-02T00:00:00Z');
    await addDid('n1-b', customers.b, '+14155550001', '2026-01-01T00:00:00Z');
    await addDid('n1-c', customers.c, '+14155550001', '2026-01-03T00:00:00Z', 'burned');
    // +14155550002: registered at the same instant by A and B; the smaller id wins the tie.
    await addDid('n2-a', customers.a, '+14155550002', '2026-02-01T00:00:00Z');
    await addDid('n2-b', customers.b, '+14155550002', '2026-02-01T00:00:00Z');
    // +14155550003: A retired it before B registered it: no conflict.
    await addDid('n3-a', customers.a, '+14155550003', '2026-01-01T00:00:00Z', 'retired');
    await addDid('n3-b', customers.b, '+14155550003', '2026-03-01T00:00:00Z');

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await migrateToLatest(db)).toContain(MIGRATION);
      warnings = warn.mock.calls.map((args) => args.map(String).join(' '));
    } finally {
      warn.mockRestore();
    }
  });
  afterAll(() => t?.close());

  const stateOf = async (label: string) =>
    await db
      .selectFrom('dids')
      .select(['state', 'retired_at'])
      .where('id', '=', dids[label]!)
      .executeTakeFirstOrThrow();

  it('keeps the earliest registration of each number and retires the others', async () => {
    expect((await stateOf('n1-b')).state).toBe('active');
    expect(await stateOf('n1-a')).toMatchObject({ state: 'retired', retired_at: expect.any(Date) });
    expect((await stateOf('n1-c')).state).toBe('retired');

    const [first, second] = [dids['n2-a']!, dids['n2-b']!].sort();
    expect(
      (await db.selectFrom('dids').select('state').where('id', '=', first!).executeTakeFirstOrThrow()).state,
    ).toBe('active');
    expect(
      (await db.selectFrom('dids').select('state').where('id', '=', second!).executeTakeFirstOrThrow()).state,
    ).toBe('retired');
  });

  it('leaves a number that was already retired by one customer and held by another alone', async () => {
    expect((await stateOf('n3-b')).state).toBe('active');
    // Retired before the migration: its last update stands in for the moment it was retired.
    expect((await stateOf('n3-a')).retired_at?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('records every resolution and logs one line per conflict', async () => {
    const rows = await db
      .selectFrom('did_ownership_resolutions')
      .select([
        'number',
        'kept_did_id',
        'kept_customer_id',
        'retired_did_id',
        'retired_customer_id',
        'resolved_at',
      ])
      .orderBy('number')
      .orderBy('retired_did_id')
      .execute();
    const [first, second] = [dids['n2-a']!, dids['n2-b']!].sort();
    const n1 = [
      { retired_did_id: dids['n1-a'], retired_customer_id: customers.a },
      { retired_did_id: dids['n1-c'], retired_customer_id: customers.c },
    ].sort((x, y) => x.retired_did_id!.localeCompare(y.retired_did_id!));
    expect(rows).toEqual([
      ...n1.map((r) => ({
        number: '+14155550001',
        kept_did_id: dids['n1-b'],
        kept_customer_id: customers.b,
        ...r,
        resolved_at: expect.any(Date),
      })),
      {
        number: '+14155550002',
        kept_did_id: first,
        kept_customer_id: first === dids['n2-a'] ? customers.a : customers.b,
        retired_did_id: second,
        retired_customer_id: second === dids['n2-a'] ? customers.a : customers.b,
        resolved_at: expect.any(Date),
      },
    ]);
    const conflicts = warnings.filter((w) => w.includes('did_single_owner'));
    expect(conflicts).toHaveLength(3);
    expect(conflicts.filter((w) => w.includes('+14155550001'))).toHaveLength(2);
    expect(conflicts.find((w) => w.includes('+14155550002'))).toContain(`retired DID ${second}`);
  });

  it('then refuses a second holder of a number in the database itself', async () => {
    await expect(
      db.insertInto('dids').values({ customer_id: customers.c, number: '+14155550003' }).execute(),
    ).rejects.toThrow(/dids_number_owner_key/);
    // A retired row never blocks anyone.
    await db
      .insertInto('dids')
      .values({ customer_id: customers.c, number: '+14155550009', state: 'retired' })
      .execute();
    await db.insertInto('dids').values({ customer_id: customers.a, number: '+14155550009' }).execute();
  });
});
