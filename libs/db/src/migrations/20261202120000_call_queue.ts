import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Seed 001's ad-hoc call queue on the campaign engine. Each customer has one open queue: a
// campaign of kind `call_queue` whose prospects are the queued calls, so an ad-hoc call goes
// through the same claim, compliance, channel pool, DID and carrier path as a campaign's.
// - prospects.priority orders the claim (higher first; campaigns leave it 0), max_attempts
//   overrides the campaign's, call_config carries the call's own plan, ad_hoc marks queue calls
//   (which may call one number many times, so the one-phone-per-campaign rule skips them).
// - queued_calls: the call as the API knows it (public id, custom id, batch, schedule).
// - call_batches: a bulk-queue request, for its progress.
// Frozen history: Kysely<any>, no app imports.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('campaigns')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('campaign')
        .check(sql`kind in ('campaign', 'call_queue')`),
    )
    .execute();
  // One open queue per customer; a cancelled one is replaced by a new row.
  await sql`create unique index campaigns_one_open_call_queue on campaigns (customer_id)
            where kind = 'call_queue' and status not in ('completed', 'cancelled')`.execute(db);

  await db.schema.alterTable('customers').addColumn('queue_calls_per_second', 'real').execute();

  await db.schema
    .alterTable('prospects')
    .addColumn('priority', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'smallint')
    .addColumn('call_config', 'jsonb')
    .addColumn('ad_hoc', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`alter table prospects drop constraint prospects_campaign_phone_key`.execute(db);
  await sql`create unique index prospects_campaign_phone_key on prospects (campaign_id, phone) where not ad_hoc`.execute(
    db,
  );
  // The claim's order: priority first (all 0 in campaigns, so their order is unchanged).
  await sql`drop index prospects_claim_idx`.execute(db);
  await sql`create index prospects_claim_idx on prospects (campaign_id, priority desc, next_attempt_at, id)
            where status = 'queued'`.execute(db);

  await db.schema
    .createTable('call_batches')
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id'))
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('submitted', 'integer', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('call_batches_pkey', ['customer_id', 'batch_id'])
    .execute();

  await db.schema
    .createTable('queued_calls')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id'))
    .addColumn('queue_id', 'uuid', (c) => c.notNull().references('campaigns.id'))
    .addColumn('prospect_id', 'bigint', (c) => c.notNull().unique().references('prospects.id'))
    .addColumn('custom_call_id', 'text')
    .addColumn('batch_id', 'text')
    .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id'))
    .addColumn('priority', 'text', (c) =>
      c.notNull().check(sql`priority in ('low', 'normal', 'high', 'urgent')`),
    )
    .addColumn('scheduled_at', 'timestamptz')
    .addColumn('max_retries', 'smallint', (c) => c.notNull())
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // custom_call_id is the caller's idempotency key: the same id twice is the same call.
  await sql`create unique index queued_calls_custom_id_key on queued_calls (customer_id, custom_call_id)
            where custom_call_id is not null`.execute(db);
  await sql`create index queued_calls_batch_idx on queued_calls (customer_id, batch_id) where batch_id is not null`.execute(
    db,
  );
  await sql`create index queued_calls_customer_created_idx on queued_calls (customer_id, created_at, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('queued_calls').execute();
  await db.schema.dropTable('call_batches').execute();
  await sql`drop index prospects_claim_idx`.execute(db);
  await sql`create index prospects_claim_idx on prospects (campaign_id, next_attempt_at, id) where status = 'queued'`.execute(
    db,
  );
  const adHoc = await sql<{ n: string }>`select count(*) as n from prospects where ad_hoc`.execute(db);
  if (Number(adHoc.rows[0]?.n ?? 0) > 0)
    throw new Error(
      'call_queue down: queued calls exist (prospects.ad_hoc); delete them and their attempts first',
    );
  await sql`drop index prospects_campaign_phone_key`.execute(db);
  await sql`alter table prospects add constraint prospects_campaign_phone_key unique (campaign_id, phone)`.execute(
    db,
  );
  await db.schema
    .alterTable('prospects')
    .dropColumn('priority')
    .dropColumn('max_attempts')
    .dropColumn('call_config')
    .dropColumn('ad_hoc')
    .execute();
  await db.schema.alterTable('customers').dropColumn('queue_calls_per_second').execute();
  await sql`drop index campaigns_one_open_call_queue`.execute(db);
  await sql`delete from campaigns where kind = 'call_queue'`.execute(db);
  await db.schema.alterTable('campaigns').dropColumn('kind').execute();
}
