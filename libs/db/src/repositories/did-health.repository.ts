import type { TimedScoredCall } from '@engine/domain';
import { isCallOutcome } from '@engine/domain';
import { sql } from 'kysely';
import type { Executor } from '../database';
import type { DidHealthEvent, NewDidHealthEvent } from '../tables/did-health-events.table';
import type { Did, DidState } from '../tables/dids.table';

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

/**
 * Stored health events as the domain scores them (`assessDidHealth`), in the same order; a row
 * whose outcome the domain does not know (none is written today) is left out rather than guessed.
 */
export function toTimedScoredCalls(events: readonly DidHealthEvent[]): TimedScoredCall[] {
  return events.flatMap((e) =>
    isCallOutcome(e.outcome)
      ? [
          {
            outcome: e.outcome,
            durationSeconds: e.duration_seconds,
            spamFlagged: e.spam_flagged,
            at: e.created_at,
          },
        ]
      : [],
  );
}

/**
 * The last `limit` calls of each DID, newest first, in one query (a lateral scan of the recent-
 * events index per DID): what rescoring a batch of outcomes over many caller IDs needs.
 */
export async function recentCallsOfDids(
  db: Executor,
  didIds: readonly string[],
  limit = 50,
): Promise<Map<string, TimedScoredCall[]>> {
  const byDid = new Map<string, DidHealthEvent[]>(didIds.map((id) => [id, []]));
  if (didIds.length === 0) return new Map();
  const rows = await sql<DidHealthEvent>`
    select e.* from unnest(${sql.val([...didIds])}::uuid[]) as d(id)
    cross join lateral (
      select * from did_health_events h where h.did_id = d.id
      order by h.created_at desc, h.id desc limit ${limit}
    ) e
    order by e.did_id, e.created_at desc, e.id desc`.execute(db);
  for (const row of rows.rows) byDid.get(row.did_id)?.push(row);
  return new Map([...byDid].map(([id, events]) => [id, toTimedScoredCalls(events)]));
}

/**
 * Locks DIDs' rows for a health update, in id order (so concurrent recorders lock in one order),
 * and returns them. Use inside a transaction.
 */
export async function lockDidsForHealthUpdate(tx: Executor, didIds: readonly string[]): Promise<Did[]> {
  if (didIds.length === 0) return [];
  return tx
    .selectFrom('dids')
    .selectAll()
    .where('id', 'in', [...didIds])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** What a health update writes to a DID. */
export interface DidHealthUpdate {
  score: number;
  upperBound: number;
  lowerBound: number;
  sampleSize: number;
  verdict: string;
  state: DidState;
  /** Set only when a cooldown starts. */
  cooldownUntil?: Date;
  now: Date;
}

/** Stores DIDs' new health (score, bounds, sample size, verdict, lifecycle state) in one statement. */
export async function recordDidsHealth(
  tx: Executor,
  updates: ReadonlyArray<{ didId: string } & DidHealthUpdate>,
): Promise<void> {
  if (updates.length === 0) return;
  await sql`
    update dids d
    set health_score = u.score, health_score_upper = u.upper, health_score_lower = u.lower,
        health_sample_size = u.sample_size, health_verdict = u.verdict, state = u.state,
        cooldown_until = coalesce(u.cooldown_until, d.cooldown_until), updated_at = u.now
    from unnest(${sql.val(updates.map((u) => u.didId))}::uuid[],
                ${sql.val(updates.map((u) => u.score))}::double precision[],
                ${sql.val(updates.map((u) => u.upperBound))}::double precision[],
                ${sql.val(updates.map((u) => u.lowerBound))}::double precision[],
                ${sql.val(updates.map((u) => u.sampleSize))}::int[],
                ${sql.val(updates.map((u) => u.verdict))}::text[],
                ${sql.val(updates.map((u) => u.state))}::text[],
                ${sql.val(updates.map((u) => u.cooldownUntil?.toISOString() ?? null))}::timestamptz[],
                ${sql.val(updates.map((u) => u.now.toISOString()))}::timestamptz[])
      as u(id, score, upper, lower, sample_size, verdict, state, cooldown_until, now)
    where d.id = u.id`.execute(tx);
}
