import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frequency caps: every contact (a call or a text handed to the carrier) of a number, across all
// campaigns and channels of a customer, so that a cap per rolling 24 hours and 7 days can be
// enforced and reported. Keyed by the attempt (call attempt or SMS message id): reserving the same
// attempt twice records one contact. Customers may set their own caps (null: the defaults).
// Frozen history: Kysely<any>, no app imports.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contact_ledger')
    .addColumn('attempt_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('voice', 'sms')`))
    // No foreign key: a deleted campaign's contacts still count and are still reported.
    .addColumn('campaign_id', 'uuid', (c) => c.notNull())
    .addColumn('contacted_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_ledger_number_idx')
    .on('contact_ledger')
    .columns(['customer_id', 'phone', 'contacted_at'])
    .execute();
  await db.schema
    .alterTable('customers')
    .addColumn('contact_cap_24h', 'integer', (c) => c.check(sql`contact_cap_24h > 0`))
    .addColumn('contact_cap_7d', 'integer', (c) => c.check(sql`contact_cap_7d > 0`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('customers')
    .dropColumn('contact_cap_24h')
    .dropColumn('contact_cap_7d')
    .execute();
  await db.schema.dropTable('contact_ledger').execute();
}
