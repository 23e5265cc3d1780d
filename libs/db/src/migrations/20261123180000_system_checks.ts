import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Migrations are frozen history: they use Kysely<any> and never import app code, so that a later
// change of the app's types cannot change what an old migration does.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('system_checks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('check_id', 'text', (c) => c.notNull().unique())
    .addColumn('worker_identity', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('system_checks').execute();
}
