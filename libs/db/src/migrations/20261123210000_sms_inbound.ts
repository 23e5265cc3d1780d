import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Inbound texts (replies such as STOP). The unique provider id makes handling idempotent: a
// carrier that delivers the same inbound webhook twice gets exactly one confirmation sent.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inbound_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_message_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'uuid', (c) => c.references('customers.id').onDelete('cascade'))
    .addColumn('from_number', 'text', (c) => c.notNull())
    .addColumn('to_number', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('keyword', 'text', (c) => c.notNull())
    .addColumn('reply_sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('inbound_messages_provider_key', ['provider', 'provider_message_id'])
    .execute();
  await db.schema
    .createIndex('sms_messages_status_idx')
    .on('sms_messages')
    .columns(['campaign_id', 'status', 'sent_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sms_messages_status_idx').execute();
  await db.schema.dropTable('inbound_messages').execute();
}
