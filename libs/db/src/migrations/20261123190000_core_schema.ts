import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen history: Kysely<any>, no app imports. Status vocabularies are spelled out here as CHECK
// constraints so that a bad write fails in the database, whatever code path made it.

const PROSPECT_STATUSES = [
  'queued',
  'dialing',
  'sending',
  'sent',
  'human_connected',
  'human_hangup',
  'voicemail',
  'no_answer',
  'busy',
  'delivered',
  'failed',
  'cancelled',
];
const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo('default'))
    // Shown to the user for recognition; the key itself is never stored, only its SHA-256.
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_keys_customer_idx').on('api_keys').column('customer_id').execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('voice', 'sms')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('created')
        .check(sql`status in ('created', 'dialing', 'paused', 'completed', 'cancelled')`),
    )
    .addColumn('pause_reason', 'text')
    .addColumn('mode', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('schedule', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('caller_ids', sql`text[]`)
    .addColumn('message', 'text')
    .addColumn('workflow_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('campaigns_customer_status_idx')
    .on('campaigns')
    .columns(['customer_id', 'status', 'created_at'])
    .execute();

  await db.schema
    .createTable('prospects')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull().check(sql`phone ~ '^\\+[1-9][0-9]{6,14}$'`))
    .addColumn('area_code', 'text')
    .addColumn('timezone', 'text')
    .addColumn('variables', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`status in (${list(PROSPECT_STATUSES)})`),
    )
    .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_outcome', 'text')
    .addColumn('status_reason', 'text')
    // The dial batch that claimed the prospect: a retried batch activity finds its own claims.
    .addColumn('claim_token', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('prospects_campaign_phone_key', ['campaign_id', 'phone'])
    .execute();
  // The hot path: "the next eligible prospects of this campaign". Partial, so it holds only the
  // queued rows and shrinks as the campaign progresses.
  await db.schema
    .createIndex('prospects_claim_idx')
    .on('prospects')
    .columns(['campaign_id', 'next_attempt_at', 'id'])
    .where(sql.ref('status'), '=', 'queued')
    .execute();
  await db.schema
    .createIndex('prospects_campaign_status_idx')
    .on('prospects')
    .columns(['campaign_id', 'status'])
    .execute();
  await db.schema
    .createIndex('prospects_claim_token_idx')
    .on('prospects')
    .column('claim_token')
    .where(sql.ref('claim_token'), 'is not', null)
    .execute();

  await db.schema
    .createTable('dids')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull().check(sql`number ~ '^\\+[1-9][0-9]{6,14}$'`))
    .addColumn('area_code', 'text')
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`state in ('active', 'warming', 'cooling', 'burned', 'retired')`),
    )
    .addColumn('health_score', 'numeric(5, 4)', (c) => c.notNull().defaultTo(1))
    .addColumn('health_verdict', 'text', (c) => c.notNull().defaultTo('ok'))
    // Calls the score is based on: below the minimum a DID keeps being selected until it has a verdict.
    .addColumn('health_sample_size', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_call_at', 'timestamptz')
    .addColumn('last_sms_at', 'timestamptz')
    .addColumn('cooldown_until', 'timestamptz')
    .addColumn('warming_until', 'timestamptz')
    // Calls made before this instant do not count towards the score (set when a cooldown ends).
    .addColumn('score_since', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('dids_customer_number_key', ['customer_id', 'number'])
    .execute();
  await db.schema
    .createIndex('dids_selection_idx')
    .on('dids')
    .columns(['customer_id', 'state', 'health_score'])
    .execute();

  await db.schema
    .createTable('call_attempts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('prospect_id', 'bigint', (c) => c.notNull().references('prospects.id').onDelete('cascade'))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('attempt_number', 'integer', (c) => c.notNull())
    .addColumn('did_id', 'uuid', (c) => c.references('dids.id'))
    .addColumn('from_number', 'text')
    .addColumn('to_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'originating', 'in_progress', 'completed', 'failed', 'unknown')`),
    )
    .addColumn('provider', 'text')
    .addColumn('provider_call_id', 'text')
    .addColumn('outcome', 'text')
    .addColumn('duration_seconds', 'integer')
    .addColumn('spam_flagged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('originated_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    // The anchor of "originated at most once": one row per prospect and attempt number.
    .addUniqueConstraint('call_attempts_prospect_attempt_key', ['prospect_id', 'attempt_number'])
    .addUniqueConstraint('call_attempts_provider_call_key', ['provider', 'provider_call_id'])
    .execute();
  await db.schema
    .createIndex('call_attempts_campaign_idx')
    .on('call_attempts')
    .columns(['campaign_id', 'status'])
    .execute();

  await db.schema
    .createTable('sms_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('prospect_id', 'bigint', (c) => c.notNull().references('prospects.id').onDelete('cascade'))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('attempt_number', 'integer', (c) => c.notNull())
    .addColumn('did_id', 'uuid', (c) => c.references('dids.id'))
    .addColumn('from_number', 'text')
    .addColumn('to_number', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull().check(sql`encoding in ('gsm7', 'ucs2')`))
    .addColumn('segments', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sql`status in ('queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled')`),
    )
    .addColumn('provider', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('status_updated_at', 'timestamptz')
    .addUniqueConstraint('sms_messages_prospect_attempt_key', ['prospect_id', 'attempt_number'])
    .addUniqueConstraint('sms_messages_provider_message_key', ['provider', 'provider_message_id'])
    .execute();
  await db.schema
    .createIndex('sms_messages_campaign_idx')
    .on('sms_messages')
    .columns(['campaign_id', 'status'])
    .execute();

  await db.schema
    .createTable('did_health_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('did_id', 'uuid', (c) => c.notNull().references('dids.id').onDelete('cascade'))
    .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id').onDelete('set null'))
    // One health event per attempt: recording an outcome twice must not count it twice.
    .addColumn('call_attempt_id', 'uuid', (c) => c.unique())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('duration_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('spam_flagged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('score_after', 'numeric(5, 4)')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // "The last 50 calls of this DID".
  await db.schema
    .createIndex('did_health_events_recent_idx')
    .on('did_health_events')
    .columns(['did_id', 'created_at desc', 'id desc'])
    .execute();

  await db.schema
    .createTable('suppressions')
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('source', 'text', (c) =>
      c
        .notNull()
        .defaultTo('manual')
        .check(sql`source in ('manual', 'import', 'opt_out', 'api')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('suppressions_pkey', ['customer_id', 'phone'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'uuid', (c) => c.notNull())
    .addColumn('campaign_id', 'uuid')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Makes publishing idempotent: an activity retry that publishes the same event again is a no-op.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('events_channel_idx').on('events').columns(['channel', 'id']).execute();
  await db.schema.createIndex('events_customer_idx').on('events').columns(['customer_id', 'id']).execute();

  // The append-only log is append-only in fact, not only by convention.
  await sql`
    create function events_reject_change() returns trigger language plpgsql as $$
    begin
      raise exception 'events is append-only (% refused)', tg_op;
    end $$`.execute(db);
  await sql`
    create trigger events_append_only before update or delete on events
    for each row execute function events_reject_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'events',
    'suppressions',
    'did_health_events',
    'sms_messages',
    'call_attempts',
    'dids',
    'prospects',
    'campaigns',
    'api_keys',
    'customers',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop function if exists events_reject_change()`.execute(db);
}
