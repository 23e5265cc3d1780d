import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// The compliance report walks a campaign's sent calls and texts in (instant, id) order, a page at
// a time, and reads the consent texts of the numbers on a page: without these, every page would
// sort all of a campaign's attempts and scan every inbound text of the customer.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('call_attempts_originated_idx')
    .on('call_attempts')
    .columns(['campaign_id', 'originated_at', 'id'])
    .where(sql.ref('originated_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('sms_messages_sent_idx')
    .on('sms_messages')
    .columns(['campaign_id', 'sent_at', 'id'])
    .where(sql.ref('sent_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('inbound_messages_sender_idx')
    .on('inbound_messages')
    .columns(['customer_id', 'from_number', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('inbound_messages_sender_idx').execute();
  await db.schema.dropIndex('sms_messages_sent_idx').execute();
  await db.schema.dropIndex('call_attempts_originated_idx').execute();
}
