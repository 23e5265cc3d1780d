import { sql } from 'kysely';
import type { Executor } from '../database';
import type { NewProspect, Prospect, ProspectStatus } from '../tables/prospects.table';

/** Inserts campaign prospects; a phone already in the campaign is dropped. Returns how many were inserted. */
export async function insertProspects(db: Executor, prospects: NewProspect[]): Promise<number> {
  if (prospects.length === 0) return 0;
  const result = await db
    .insertInto('prospects')
    .values(prospects)
    .onConflict((oc) =>
      oc
        .columns(['campaign_id', 'phone'])
        .where(sql<boolean>`not ad_hoc`)
        .doNothing(),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export interface ClaimRequest {
  campaignId: string;
  customerId: string;
  limit: number;
  now: Date;
  /** `dialing` for voice, `sending` for SMS. */
  claimAs: Extract<ProspectStatus, 'dialing' | 'sending'>;
  /** Stamped on the claimed rows, so a retried batch can find what it claimed (see `findClaimed`). */
  claimToken?: string;
}

export interface ClaimedProspect extends Prospect {
  suppressed: boolean;
}

/**
 * Atomically claims the next eligible prospects of a campaign (queued and due; highest priority,
 * then oldest due first: campaigns rank all theirs 0, a call queue by the calls' priorities)
 * and filters do-not-contact numbers for the whole batch in the same statement: suppressed ones
 * become `cancelled` (reason `dnc`), the others move to `claimAs` with their attempt counted.
 * `SKIP LOCKED` lets concurrent claimers take disjoint batches instead of waiting on each other.
 */
export async function claimEligibleProspects(db: Executor, req: ClaimRequest): Promise<ClaimedProspect[]> {
  const result = await sql<ClaimedProspect>`
    with candidates as (
      select p.id, p.phone
      from prospects p
      where p.campaign_id = ${req.campaignId}
        and p.status = 'queued'
        and p.next_attempt_at <= ${req.now}
      order by p.priority desc, p.next_attempt_at, p.id
      limit ${req.limit}
      for update skip locked
    ),
    flagged as (
      select c.id,
             exists (select 1 from suppressions s where s.customer_id = ${req.customerId} and s.phone = c.phone) as suppressed
      from candidates c
    )
    update prospects p
    set status = case when f.suppressed then 'cancelled' else ${req.claimAs} end,
        status_reason = case when f.suppressed then 'dnc' else null end,
        attempt_count = case when f.suppressed then p.attempt_count else p.attempt_count + 1 end,
        claim_token = ${req.claimToken ?? null},
        updated_at = ${req.now}
    from flagged f
    where p.id = f.id
    returning p.*, f.suppressed`.execute(db);
  return result.rows.sort(
    (a, b) =>
      b.priority - a.priority || a.next_attempt_at.getTime() - b.next_attempt_at.getTime() || a.id - b.id,
  );
}

/** The prospects a batch claimed (with this token), whatever has happened to them since. */
export async function findClaimed(
  db: Executor,
  campaignId: string,
  claimToken: string,
): Promise<ClaimedProspect[]> {
  const rows = await db
    .selectFrom('prospects')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('claim_token', '=', claimToken)
    .orderBy('priority', 'desc')
    .orderBy('next_attempt_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, suppressed: r.status === 'cancelled' && r.status_reason === 'dnc' }));
}

/** Puts claimed prospects back in the queue to be retried at `at` (window closed, pool full, ...). */
export async function requeueProspects(
  db: Executor,
  requeues: ReadonlyArray<{ id: number; at: Date; refundAttempt: boolean; reason?: string }>,
): Promise<void> {
  if (requeues.length === 0) return;
  await sql`
    update prospects p
    set status = 'queued',
        next_attempt_at = r.at,
        attempt_count = case when r.refund then greatest(p.attempt_count - 1, 0) else p.attempt_count end,
        status_reason = r.reason,
        updated_at = now()
    from (select * from unnest(
      ${sql.val(requeues.map((r) => r.id))}::bigint[],
      ${sql.val(requeues.map((r) => r.at.toISOString()))}::timestamptz[],
      ${sql.val(requeues.map((r) => r.refundAttempt))}::boolean[],
      ${sql.val(requeues.map((r) => r.reason ?? null))}::text[]
    ) as t(id, at, refund, reason)) r
    where p.id = r.id and p.status in ('dialing', 'sending')`.execute(db);
}

/** Counts by status for one campaign. */
export async function countProspectsByStatus(
  db: Executor,
  campaignId: string,
): Promise<Partial<Record<ProspectStatus, number>>> {
  const rows = await db
    .selectFrom('prospects')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('campaign_id', '=', campaignId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
}

/** When the next queued prospect becomes due, or undefined when none is queued. */
export async function nextDueAt(db: Executor, campaignId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('prospects')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return row?.next ? new Date(row.next as unknown as string | Date) : undefined;
}
