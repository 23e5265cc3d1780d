import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Real carriers: a customer's carrier accounts (credentials encrypted at rest), the account each
// DID belongs to (none: the account configured from the environment), the account each call and
// text went through (webhooks are verified with that account's secret), and whether a voicemail
// recording was dropped on a call.
// Frozen history: Kysely<any>, no app imports.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('carrier_accounts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id'))
    .addColumn('provider', 'text', (c) =>
      c.notNull().check(sql`provider in ('sim', 'twilio', 'telnyx', 'plivo')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    // AES-256-GCM: version, IV, tag and ciphertext in one self-describing string.
    .addColumn('credentials_ciphertext', 'text', (c) => c.notNull())
    // The account's public identifier (Twilio account SID, Plivo auth id), shown instead of secrets.
    .addColumn('account_ref', 'text')
    .addColumn('cps_limit', 'double precision', (c) => c.notNull().check(sql`cps_limit > 0`))
    .addColumn('api_base_url', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Deleted accounts stay for the attempts and texts that name them.
    .addColumn('deleted_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('carrier_accounts_customer_idx')
    .on('carrier_accounts')
    .columns(['customer_id', 'created_at'])
    .execute();

  await db.schema
    .alterTable('dids')
    .addColumn('carrier_account_id', 'uuid', (c) => c.references('carrier_accounts.id'))
    // The carrier refused the number as caller ID (not owned, not verified): out of rotation until
    // an operator reinstates it, whatever its health.
    .addColumn('suspended_at', 'timestamptz')
    .addColumn('suspended_reason', 'text')
    .execute();
  await db.schema
    .alterTable('call_attempts')
    .addColumn('carrier_account_id', 'uuid')
    .addColumn('voicemail_dropped', 'boolean', (c) => c.notNull().defaultTo(false))
    // AMD's verdict from a live event (the final status of some carriers does not repeat it).
    .addColumn('answered_by', 'text')
    .execute();
  await db.schema.alterTable('sms_messages').addColumn('carrier_account_id', 'uuid').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sms_messages').dropColumn('carrier_account_id').execute();
  await db.schema
    .alterTable('call_attempts')
    .dropColumn('carrier_account_id')
    .dropColumn('voicemail_dropped')
    .dropColumn('answered_by')
    .execute();
  await db.schema
    .alterTable('dids')
    .dropColumn('carrier_account_id')
    .dropColumn('suspended_at')
    .dropColumn('suspended_reason')
    .execute();
  await db.schema.dropTable('carrier_accounts').execute();
}
