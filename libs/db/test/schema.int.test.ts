import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, insertProspects, migrateToLatest } from '@engine/db';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase, seedCampaign, seedCustomer } from '@engine/testing';

describe('schema and migrations (real PostgreSQL)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  it('is at the latest migration: migrating again applies nothing', async () => {
    const db = createDb(t.url, { maxConnections: 1 });
    expect(await migrateToLatest(db)).toEqual([]);
    await db.destroy();
  });

  it('rejects phone numbers that are not E.164 and unknown statuses', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    await expect(
      insertProspects(t.db, [{ campaign_id: campaign.id, phone: '415-555-0100' }]),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql`insert into prospects (campaign_id, phone, status) values (${campaign.id}, '+14155550100', 'exploded')`.execute(
        t.db,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('allows one call attempt per prospect and attempt number (the anchor of "originated at most once")', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    await insertProspects(t.db, [{ campaign_id: campaign.id, phone: '+14155550101' }]);
    const prospect = await t.db
      .selectFrom('prospects')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirstOrThrow();
    const attempt = {
      prospect_id: prospect.id,
      campaign_id: campaign.id,
      attempt_number: 1,
      to_number: '+14155550101',
    };
    await t.db
      .insertInto('call_attempts')
      .values({ ...attempt, id: crypto.randomUUID() })
      .execute();
    await expect(
      t.db
        .insertInto('call_attempts')
        .values({ ...attempt, id: crypto.randomUUID() })
        .execute(),
    ).rejects.toThrow(/call_attempts_prospect_attempt_key/);
  });

  it('keeps the events table append-only', async () => {
    const { customer } = await seedCustomer(t.db);
    const row = await t.db
      .insertInto('events')
      .values({ channel: `customer:${customer.id}`, customer_id: customer.id, type: 'x', payload: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(t.db.deleteFrom('events').where('id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    await expect(
      t.db.updateTable('events').set({ type: 'y' }).where('id', '=', row.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('has the indexes the hot paths need', async () => {
    const rows = await sql<{
      indexname: string;
    }>`select indexname from pg_indexes where schemaname = 'public'`.execute(t.db);
    const names = rows.rows.map((r) => r.indexname);
    expect(names).toEqual(
      expect.arrayContaining([
        'prospects_claim_idx',
        'did_health_events_recent_idx',
        'suppressions_pkey',
        'events_channel_idx',
        'dids_selection_idx',
        // One owner per caller ID, and the last holder of a retired number.
        'dids_number_owner_key',
        'dids_number_retired_idx',
        // The compliance report: attempts in (instant, id) order, consent texts by sender.
        'call_attempts_originated_idx',
        'sms_messages_sent_idx',
        'inbound_messages_sender_idx',
      ]),
    );
  });
});
