import type { TimedScoredCall } from '@engine/domain';
import { isCallOutcome } from '@engine/domain';
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

/** The DID's last `limit` calls regardless of `score_since`, newest first, ready to assess. */
export async function recentDidCalls(db: Executor, didId: string, limit = 50): Promise<TimedScoredCall[]> {
  const events = await db
    .selectFrom('did_health_events')
    .selectAll()
    .where('did_id', '=', didId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return toTimedScoredCalls(events);
}

/**
 * Locks a DID's row for a health update and returns it: concurrent outcome recorders then
 * serialise per DID instead of overwriting each other's score. Use inside a transaction.
 */
export async function lockDidForHealthUpdate(tx: Executor, didId: string): Promise<Did | undefined> {
  return tx.selectFrom('dids').selectAll().where('id', '=', didId).forUpdate().executeTakeFirst();
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

/** Stores a DID's new health: score, bounds, sample size, verdict and lifecycle state. */
export async function recordDidHealth(tx: Executor, didId: string, update: DidHealthUpdate): Promise<void> {
  await tx
    .updateTable('dids')
    .set({
      health_score: update.score,
      health_score_upper: update.upperBound,
      health_score_lower: update.lowerBound,
      health_sample_size: update.sampleSize,
      health_verdict: update.verdict,
      state: update.state,
      ...(update.cooldownUntil ? { cooldown_until: update.cooldownUntil } : {}),
      updated_at: update.now,
    })
    .where('id', '=', didId)
    .execute();
}
