import { sql } from 'kysely';
import type { Executor } from '../database';
import type { CallAttempt, NewCallAttempt } from '../tables/call-attempts.table';
import { uuidOrNil } from '../uuid';

/**
 * The `error` of an attempt the carrier confirmed it never received: the same attempt id (and
 * row) may be dialed again later, with a fresh DNC and window check.
 */
export const NOT_ORIGINATED = 'not_originated';

/** Attempts by id (any campaign), keyed by id. */
export async function findAttemptsById(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, CallAttempt>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('call_attempts')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The attempts among `ids` that belong to `campaignId` (an outcome names its attempt, not trusted alone). */
export async function findCampaignAttempts(
  db: Executor,
  campaignId: string,
  ids: readonly string[],
): Promise<CallAttempt[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('call_attempts')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('campaign_id', '=', campaignId)
    .execute();
}

/**
 * Records attempts as `originating` before anything reaches the carrier. An attempt that already
 * exists (same prospect and attempt number) is left as it is: a retried batch changes nothing.
 */
export async function insertOriginatingAttempts(
  db: Executor,
  attempts: ReadonlyArray<Omit<NewCallAttempt, 'status'>>,
): Promise<void> {
  if (attempts.length === 0) return;
  await db
    .insertInto('call_attempts')
    .values(attempts.map((a) => ({ ...a, status: 'originating' as const })))
    .onConflict((oc) => oc.columns(['prospect_id', 'attempt_number']).doNothing())
    .execute();
}

/**
 * An `originating` attempt the carrier was found not to have is requested again now: a lost
 * answer of this request is looked for from now on.
 */
export async function markOriginateRequested(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('call_attempts')
    .set({ originated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'originating')
    .execute();
}

/**
 * Attempts the carrier never got (see {@link NOT_ORIGINATED}) are about to be dialed again.
 * `originated_at` becomes the time of this new request: a lost answer is resolved against the
 * carrier's calls from then on.
 */
export async function reopenAttempts(db: Executor, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('call_attempts')
    .set({ status: 'originating', error: null, originated_at: now })
    .where('id', 'in', [...ids])
    .where('status', '=', 'failed')
    .where('error', '=', NOT_ORIGINATED)
    .execute();
}

/** The carrier accepted these calls: `in_progress` with its call id (only from `originating`). */
export async function markAttemptsInProgress(
  db: Executor,
  accepted: ReadonlyArray<{ attemptId: string; providerCallId: string }>,
  at: Date,
): Promise<void> {
  if (accepted.length === 0) return;
  await sql`
    update call_attempts a
    set status = 'in_progress', provider_call_id = d.provider_call_id, originated_at = ${at}
    from unnest(${sql.val(accepted.map((d) => d.attemptId))}::uuid[],
                ${sql.val(accepted.map((d) => d.providerCallId))}::text[]) as d(id, provider_call_id)
    where a.id = d.id and a.status = 'originating'`.execute(db);
}

/** The carrier never received this attempt: it may be dialed again under the same id. */
export async function markAttemptNotOriginated(db: Executor, attemptId: string): Promise<void> {
  await db
    .updateTable('call_attempts')
    .set({ status: 'failed', error: NOT_ORIGINATED })
    .where('id', '=', attemptId)
    .where('status', 'in', ['originating', 'failed'])
    .execute();
}

/** The carrier refused the call: the attempt fails for good with the carrier's reason. */
export async function failAttempt(db: Executor, attemptId: string, error: string, at: Date): Promise<void> {
  await db
    .updateTable('call_attempts')
    .set({ status: 'failed', outcome: 'failed', error, completed_at: at })
    .where('id', '=', attemptId)
    .execute();
}

/** One call's final outcome, as {@link completeAttempts} records it. */
export interface AttemptCompletion {
  attemptId: string;
  outcome: string;
  durationSeconds: number;
  spamFlagged: boolean;
  /** How the outcome was learned when it was not the carrier's callback (`callback_timeout`, ...). */
  resolution: string | null;
}

/** Completes open attempts with their outcomes in one statement; settled attempts are left alone. */
export async function completeAttempts(
  db: Executor,
  completions: readonly AttemptCompletion[],
  at: Date,
): Promise<void> {
  if (completions.length === 0) return;
  await sql`
    update call_attempts a
    set status = 'completed', outcome = r.outcome, duration_seconds = r.duration,
        spam_flagged = r.spam, completed_at = ${at}, error = r.resolution
    from unnest(${sql.val(completions.map((c) => c.attemptId))}::uuid[],
                ${sql.val(completions.map((c) => c.outcome))}::text[],
                ${sql.val(completions.map((c) => c.durationSeconds))}::int[],
                ${sql.val(completions.map((c) => c.spamFlagged))}::boolean[],
                ${sql.val(completions.map((c) => c.resolution))}::text[])
      as r(id, outcome, duration, spam, resolution)
    where a.id = r.id and a.status in ('originating', 'in_progress')`.execute(db);
}

/** Completed attempts of a campaign by outcome: how many and their total talk time. */
export async function attemptOutcomeTotals(
  db: Executor,
  campaignId: string,
): Promise<Array<{ outcome: string | null; count: number; durationSeconds: number }>> {
  const rows = await db
    .selectFrom('call_attempts')
    .select((eb) => [
      'outcome',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('duration_seconds').as('duration'),
    ])
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'completed')
    .groupBy('outcome')
    .execute();
  return rows.map((r) => ({
    outcome: r.outcome,
    count: Number(r.count),
    durationSeconds: Number(r.duration ?? 0),
  }));
}

/**
 * The attempts a carrier's status update names: by our attempt id or by the carrier's own call id,
 * only among attempts placed through that carrier. At most two rows: two means the ids disagree.
 */
export async function attemptsNamedByStatusUpdate(
  db: Executor,
  update: { attemptId: string; provider: string; providerCallId: string; carrierAccountId?: string | null },
): Promise<Array<Pick<CallAttempt, 'id' | 'campaign_id' | 'provider' | 'provider_call_id' | 'answered_by'>>> {
  let query = db
    .selectFrom('call_attempts')
    .select(['id', 'campaign_id', 'provider', 'provider_call_id', 'answered_by'])
    .where('provider', '=', update.provider);
  // A webhook verified with one account's secret may only name that account's calls.
  if (update.carrierAccountId !== undefined) {
    query =
      update.carrierAccountId === null
        ? query.where('carrier_account_id', 'is', null)
        : query.where('carrier_account_id', '=', update.carrierAccountId);
  }
  return query
    .where((eb) =>
      eb.or([eb('id', '=', uuidOrNil(update.attemptId)), eb('provider_call_id', '=', update.providerCallId)]),
    )
    .limit(2)
    .execute();
}

/** Stores AMD's verdict from a live call event (the final status may not repeat it). */
export async function recordAnsweredBy(db: Executor, attemptId: string, answeredBy: string): Promise<void> {
  await db
    .updateTable('call_attempts')
    .set({ answered_by: answeredBy })
    .where('id', '=', attemptId)
    .execute();
}

/** The campaign's voicemail recording is being played on this attempt's call. */
export async function markVoicemailDropped(db: Executor, attemptId: string): Promise<void> {
  await db
    .updateTable('call_attempts')
    .set({ voicemail_dropped: true, answered_by: 'machine' })
    .where('id', '=', attemptId)
    .execute();
}

/**
 * An attempt with what its call plan needs: from its campaign (agent, message, transfer, drop)
 * and from its prospect the call's own `call_config` (null for campaign prospects).
 */
export async function findAttemptForCallPlan(db: Executor, attemptId: string) {
  return db
    .selectFrom('call_attempts')
    .innerJoin('campaigns', 'campaigns.id', 'call_attempts.campaign_id')
    .leftJoin('prospects', 'prospects.id', 'call_attempts.prospect_id')
    .select([
      'call_attempts.id',
      'call_attempts.campaign_id',
      'call_attempts.provider',
      'call_attempts.carrier_account_id',
      'call_attempts.provider_call_id',
      'campaigns.mode',
      'campaigns.message',
      'prospects.call_config',
    ])
    .where('call_attempts.id', '=', uuidOrNil(attemptId))
    .executeTakeFirst();
}
