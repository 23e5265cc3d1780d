import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// One owner per caller ID: a number held (state other than `retired`) by one customer cannot be
// held by another, or an inbound STOP would be filed under whichever customer a lookup found
// first. Numbers already held by several customers are resolved first, deterministically: the
// earliest registration (created_at, then id) keeps the number, the others are retired and each
// such decision is recorded in `did_ownership_resolutions` and logged.
// Frozen history: Kysely<any>, no app imports.

interface Resolution {
  number: string;
  kept_did_id: string;
  kept_customer_id: string;
  retired_did_id: string;
  retired_customer_id: string;
}

export async function up(db: Kysely<any>): Promise<void> {
  // No insert or reinstatement may slip in between resolving duplicates and building the index
  // (the migration runs in one transaction; the lock is held until it commits).
  await sql`lock table dids in share row exclusive mode`.execute(db);

  // When a number was retired, so that a reply to a number retired by several customers goes to
  // the one who used it last. Rows retired before this migration take their last update.
  await db.schema.alterTable('dids').addColumn('retired_at', 'timestamptz').execute();
  await sql`update dids set retired_at = updated_at where state = 'retired'`.execute(db);

  // No foreign keys: the record must outlive the DIDs and customers it names.
  await db.schema
    .createTable('did_ownership_resolutions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kept_did_id', 'uuid', (c) => c.notNull())
    .addColumn('kept_customer_id', 'uuid', (c) => c.notNull())
    .addColumn('retired_did_id', 'uuid', (c) => c.notNull())
    .addColumn('retired_customer_id', 'uuid', (c) => c.notNull())
    .addColumn('resolved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  const resolved = await sql<Resolution>`
    with held as (
      select id, customer_id, number,
             row_number() over w as rank,
             first_value(id) over w as kept_did_id,
             first_value(customer_id) over w as kept_customer_id
      from dids
      where state <> 'retired'
      window w as (partition by number order by created_at, id)
    ),
    retired as (
      update dids d
      set state = 'retired', retired_at = now(), updated_at = now()
      from held h
      where d.id = h.id and h.rank > 1
      returning d.id, d.customer_id, d.number, h.kept_did_id, h.kept_customer_id
    )
    insert into did_ownership_resolutions
      (number, kept_did_id, kept_customer_id, retired_did_id, retired_customer_id)
    select number, kept_did_id, kept_customer_id, id, customer_id from retired
    order by number, id
    returning number, kept_did_id, kept_customer_id, retired_did_id, retired_customer_id`.execute(db);
  for (const r of resolved.rows) {
    console.warn(
      `did_single_owner: number ${r.number} was held by several customers; kept DID ${r.kept_did_id} ` +
        `(customer ${r.kept_customer_id}), retired DID ${r.retired_did_id} (customer ${r.retired_customer_id})`,
    );
  }

  await sql`create unique index dids_number_owner_key on dids (number) where state <> 'retired'`.execute(db);
  // Inbound texts to a number nobody holds any more go to whoever retired it last.
  await sql`create index dids_number_retired_idx on dids (number, retired_at) where state = 'retired'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  // Retired duplicates stay retired: which of them were in use before cannot be told any more.
  await db.schema.dropIndex('dids_number_retired_idx').execute();
  await db.schema.dropIndex('dids_number_owner_key').execute();
  await db.schema.dropTable('did_ownership_resolutions').execute();
  await db.schema.alterTable('dids').dropColumn('retired_at').execute();
}
