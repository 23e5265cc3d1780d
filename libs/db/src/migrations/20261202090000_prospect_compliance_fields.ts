import type { Kysely } from 'kysely';

// Compliance facts about a prospect, given at import: the region the number belongs to (ISO
// 3166-2, e.g. 'US-FL', 'CA-ON'; state calling rules key on it), its postal code, and when the
// person consented to be contacted (the Reassigned Numbers Database is asked about changes since
// that date). All optional: a prospect without them is handled as before.
// Frozen history: Kysely<any>, no app imports.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('prospects')
    .addColumn('state', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('consented_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('prospects')
    .dropColumn('state')
    .dropColumn('postal_code')
    .dropColumn('consented_at')
    .execute();
}
