import { sql } from 'kysely';
import type { Executor } from '../database';
import type { EventRow, NewEventRow } from '../tables/events.table';

/** Events on any of `channels` with an id above `afterId`, oldest first (SSE resume). */
export async function eventsAfter(
  db: Executor,
  channels: readonly string[],
  afterId: number,
  limit = 500,
): Promise<EventRow[]> {
  if (channels.length === 0) return [];
  return db
    .selectFrom('events')
    .selectAll()
    .where('channel', 'in', [...channels])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The id of the newest stored event (0 when there is none): a stream "from now on" starts after it. */
export async function latestEventId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/**
 * Appends events in the given order inside the caller's transaction, after taking each customer's
 * append lock (`pg_advisory_xact_lock`): the ids of one customer's events then commit in id order,
 * so a reader that has seen id N and learns of N+k can fetch everything in between and miss
 * nothing. Events already stored under their dedupe key are returned as stored, not stored again.
 */
export async function appendEventsInOrder(tx: Executor, events: readonly NewEventRow[]): Promise<EventRow[]> {
  if (events.length === 0) return [];
  const customers = [...new Set(events.map((e) => e.customer_id))].sort();
  for (const customerId of customers) {
    await sql`select pg_advisory_xact_lock(hashtext(${`events:${customerId}`}))`.execute(tx);
  }
  const inserted = await tx
    .insertInto('events')
    .values([...events])
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returningAll()
    .execute();
  const insertedKeys = new Set(inserted.map((r) => r.dedupe_key));
  const missing = events
    .map((e) => e.dedupe_key)
    .filter((k): k is string => typeof k === 'string' && !insertedKeys.has(k));
  const existing = missing.length
    ? await tx.selectFrom('events').selectAll().where('dedupe_key', 'in', missing).execute()
    : [];
  return [...inserted, ...existing].sort((a, b) => a.id - b.id);
}
