import type { Executor } from '../database';
import type { DidHealthEvent, NewDidHealthEvent } from '../tables/did-health-events.table';

/** Records calls' health events; a second record for the same attempt is ignored (idempotent). */
export async function insertDidHealthEvents(
  db: Executor,
  events: readonly NewDidHealthEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('did_health_events')
    .values([...events])
    .onConflict((oc) => oc.column('call_attempt_id').doNothing())
    .execute();
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
