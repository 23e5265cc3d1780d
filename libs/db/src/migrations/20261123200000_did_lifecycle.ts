import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// DID lifecycle: ramp-in after a cooldown, and per-hour and per-day call counters that the
// selection query maintains and caps atomically. Frozen history: Kysely<any>, no app imports.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('dids')
    .addColumn('ramp_started_at', 'timestamptz')
    .addColumn('ramp_until', 'timestamptz')
    .addColumn('hour_bucket', 'timestamptz')
    .addColumn('hour_calls', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('day_bucket', 'date')
    .addColumn('day_calls', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('dids_lifecycle_idx')
    .on('dids')
    .columns(['state', 'cooldown_until'])
    .where(sql.ref('state'), 'in', sql`('cooling', 'warming')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dids_lifecycle_idx').execute();
  await db.schema
    .alterTable('dids')
    .dropColumn('ramp_started_at')
    .dropColumn('ramp_until')
    .dropColumn('hour_bucket')
    .dropColumn('hour_calls')
    .dropColumn('day_bucket')
    .dropColumn('day_calls')
    .execute();
}
