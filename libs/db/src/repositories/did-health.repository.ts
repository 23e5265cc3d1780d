import type { Executor } from '../database';
import type { DidHealthEvent, NewDidHealthEvent } from '../tables/did-health-events.table';

/** Records a call's health event; a second record for the same attempt is ignored (idempotent). */
export async function insertDidHealthEvent(db: Executor, event: NewDidHealthEvent): Promise<boolean> {
  const result = await db
    .insertInto('did_health_events')
    .values(event)
    .onConflict((oc) => oc.column('call_attempt_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The DID's most recent calls, newest first, optionally only those since `since`. */
export async function recentDidHealthEvents(
  db: Executor,
  didId: string,
  limit = 50,
  since?: Date | null,
): Promise<DidHealthEvent[]> {
  let query = db.selectFrom('did_health_events').selectAll().where('did_id', '=', didId);
  if (since) query = query.where('created_at', '>=', since);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
