import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToJustBefore, migrateToLatest } from '@engine/db';
import type { TestDatabase } from '@engine/testing';
import { createEmptyTestDatabase, createTestDatabase, seedCustomer } from '@engine/testing';

const MIGRATION = '20261201100000_health_evidence';

describe('migration 20261201100000_health_evidence (real PostgreSQL)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  it('gives new DIDs no verdict and bounds of "nothing known"', async () => {
    const { customer } = await seedCustomer(t.db);
    const did = await t.db
      .insertInto('dids')
      .values({ customer_id: customer.id, number: '+14155559001' })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(did).toMatchObject({
      health_verdict: 'unrated',
      health_score: 1,
      health_score_upper: 1,
      health_score_lower: 0,
    });
    await expect(
      t.db.updateTable('dids').set({ health_verdict: 'dubious' }).where('id', '=', did.id).execute(),
    ).rejects.toThrow(/dids_health_verdict_check/);
  });

  it('backfills DIDs with fewer than 10 calls to unrated and keeps the others', async () => {
    const before = await createEmptyTestDatabase();
    try {
      await migrateToJustBefore(before.db, MIGRATION);
      await backfillCase(before);
    } finally {
      await before.close();
    }
  });
});

async function backfillCase(t: TestDatabase): Promise<void> {
  {
    const { customer } = await seedCustomer(t.db);
    const insert = (number: string, verdict: string, sampleSize: number) =>
      t.db
        .insertInto('dids')
        .values({ customer_id: customer.id, number, health_verdict: verdict, health_sample_size: sampleSize })
        .returning('id')
        .executeTakeFirstOrThrow();
    const young = await insert('+14155559002', 'warning', 1);
    const judged = await insert('+14155559003', 'warning', 10);

    expect(await migrateToLatest(t.db)).toContain(MIGRATION);
    const rows = await t.db
      .selectFrom('dids')
      .select(['id', 'health_verdict', 'health_score_upper', 'health_score_lower'])
      .where('id', 'in', [young.id, judged.id])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(young.id)).toMatchObject({ health_verdict: 'unrated', health_score_upper: 1 });
    // A judged DID keeps its verdict; bounds of "nothing known" keep it selectable until its next
    // outcome computes real ones.
    expect(byId.get(judged.id)).toMatchObject({
      health_verdict: 'warning',
      health_score_upper: 1,
      health_score_lower: 0,
    });
  }
}
