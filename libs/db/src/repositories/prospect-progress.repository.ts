import { sql } from 'kysely';
import type { Executor } from '../database';
import type { ProspectStatus } from '../tables/prospects.table';

/**
 * How a claimed prospect moves on after its call or text: cancelled, failed, sent, settled by an
 * outcome. Every update names the status it moves from, so a late or repeated write cannot move a
 * prospect that has moved on.
 */
type ClaimedStatus = Extract<ProspectStatus, 'dialing' | 'sending'>;

/** Cancels a claimed prospect (suppressed since it was claimed, or a message that cannot be sent). */
export async function cancelProspect(
  db: Executor,
  prospectId: number,
  reason: string,
  from: ClaimedStatus,
  at: Date,
): Promise<void> {
  await db
    .updateTable('prospects')
    .set({ status: 'cancelled', status_reason: reason, updated_at: at })
    .where('id', '=', prospectId)
    .where('status', '=', from)
    .execute();
}

/** Fails a claimed prospect for good (the carrier refused); `lastOutcome` for a call. */
export async function failProspect(
  db: Executor,
  prospectId: number,
  reason: string,
  from: ClaimedStatus,
  at: Date,
  lastOutcome?: string,
): Promise<void> {
  await db
    .updateTable('prospects')
    .set({
      status: 'failed',
      status_reason: reason,
      updated_at: at,
      ...(lastOutcome ? { last_outcome: lastOutcome } : {}),
    })
    .where('id', '=', prospectId)
    .where('status', '=', from)
    .execute();
}

/** The text is with the carrier: `sent` until its final receipt. */
export async function markProspectSent(db: Executor, prospectId: number, at: Date): Promise<void> {
  await db
    .updateTable('prospects')
    .set({ status: 'sent', last_outcome: 'sent', updated_at: at })
    .where('id', '=', prospectId)
    .where('status', '=', 'sending')
    .execute();
}

/** One call's outcome as it lands on its prospect. */
export interface ProspectSettlement {
  prospectId: number;
  /** The attempt the outcome belongs to: a prospect already on a later attempt is not moved. */
  attemptNumber: number;
  /** The outcome, or `queued` for an outcome that will be retried. */
  status: ProspectStatus;
  outcome: string;
  /** When the retried attempt is due; null: not retried. */
  retryAt: Date | null;
  resolution: string | null;
}

/**
 * Settles dialed prospects with their calls' outcomes in one statement; a retried outcome goes
 * back to the queue, due at its `retryAt` (`status_reason` `retry_<outcome>`), unless its
 * campaign was cancelled meanwhile (the call was in flight when the cancel came): then the
 * outcome is final, or the prospect would wait in the queue of a campaign that never dials again.
 * Returns the prospects it moved, with their new status (`queued`: back in the queue).
 */
export async function settleProspectOutcomes(
  db: Executor,
  settlements: readonly ProspectSettlement[],
  at: Date,
): Promise<Array<{ prospectId: number; status: ProspectStatus }>> {
  if (settlements.length === 0) return [];
  const result = await sql<{ id: string; status: ProspectStatus }>`
    with r as (
      select r.*, (r.retry_at is not null and c.status <> 'cancelled') as retrying
      from unnest(${sql.val(settlements.map((r) => r.prospectId))}::bigint[],
                  ${sql.val(settlements.map((r) => r.attemptNumber))}::int[],
                  ${sql.val(settlements.map((r) => r.status))}::text[],
                  ${sql.val(settlements.map((r) => r.outcome))}::text[],
                  ${sql.val(settlements.map((r) => r.retryAt?.toISOString() ?? null))}::timestamptz[],
                  ${sql.val(settlements.map((r) => r.resolution))}::text[])
        as r(id, attempt, status, outcome, retry_at, resolution)
      join prospects p on p.id = r.id
      join campaigns c on c.id = p.campaign_id
    )
    update prospects p
    set status = case when r.retry_at is not null and not r.retrying then r.outcome else r.status end,
        last_outcome = r.outcome,
        next_attempt_at = case when r.retrying then r.retry_at else p.next_attempt_at end,
        status_reason = case when r.retrying then 'retry_' || r.outcome else r.resolution end,
        updated_at = ${at}
    from r
    where p.id = r.id and p.attempt_count = r.attempt and p.status = 'dialing'
    returning p.id, p.status`.execute(db);
  return result.rows.map((row) => ({ prospectId: Number(row.id), status: row.status }));
}

/** Prospects whose text never got a final receipt end `failed` (`receipt_timeout`). */
export async function expireSentProspects(
  db: Executor,
  prospectIds: readonly number[],
  at: Date,
): Promise<void> {
  if (prospectIds.length === 0) return;
  await db
    .updateTable('prospects')
    .set({ status: 'failed', status_reason: 'receipt_timeout', updated_at: at })
    .where('id', 'in', [...prospectIds])
    .where('status', '=', 'sent')
    .execute();
}

/** A final delivery receipt moves the prospect with its message (`delivered` or `failed`). */
export async function applyReceiptToProspect(
  db: Executor,
  prospectId: number,
  status: Extract<ProspectStatus, 'delivered' | 'failed' | 'cancelled'>,
  errorCode: string | null,
  at: Date,
): Promise<void> {
  await db
    .updateTable('prospects')
    .set({ status, last_outcome: status, status_reason: errorCode, updated_at: at })
    .where('id', '=', prospectId)
    .where('status', 'in', ['sending', 'sent'])
    .execute();
}

/** Texts of a campaign not yet final: claimed (`sending`) or awaiting their receipt (`sent`). */
export async function countAwaitingReceipts(db: Executor, campaignId: string): Promise<number> {
  const row = await db
    .selectFrom('prospects')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('status', 'in', ['sending', 'sent'])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Cancels every prospect of a campaign still waiting in its queue; returns how many. */
export async function cancelQueuedProspects(
  db: Executor,
  campaignId: string,
  reason: string,
  at: Date,
): Promise<number> {
  const result = await db
    .updateTable('prospects')
    .set({ status: 'cancelled', status_reason: reason, updated_at: at })
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Prospects of a campaign claimed for a call (`dialing`), with their current attempt number. */
export async function findDialingProspects(
  db: Executor,
  campaignId: string,
): Promise<Array<{ id: number; attempt_count: number }>> {
  return db
    .selectFrom('prospects')
    .select(['id', 'attempt_count'])
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'dialing')
    .execute();
}

/**
 * Claims whose batch never reached the carrier (no attempt was recorded) go back to the queue,
 * due now, with the attempt they were charged refunded.
 */
export async function recoverClaims(db: Executor, prospectIds: readonly number[], at: Date): Promise<void> {
  if (prospectIds.length === 0) return;
  await sql`
    update prospects set status = 'queued', attempt_count = greatest(attempt_count - 1, 0),
           next_attempt_at = ${at}, status_reason = 'recovered_claim', updated_at = ${at}
    where id = any(${sql.val([...prospectIds])}::bigint[]) and status = 'dialing'`.execute(db);
}
