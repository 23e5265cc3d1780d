import type { Executor } from '../database';
import type { EventRow, NewEventRow } from '../tables/events.table';

/**
 * Appends an event. With a `dedupe_key`, appending the same event twice (an activity retry)
 * returns the first row instead of a second one.
 */
export async function appendEvent(db: Executor, event: NewEventRow): Promise<EventRow> {
  const inserted = await db
    .insertInto('events')
    .values(event)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return inserted;
  return db
    .selectFrom('events')
    .selectAll()
    .where('dedupe_key', '=', event.dedupe_key ?? '')
    .executeTakeFirstOrThrow();
}

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
