import { sql } from 'kysely';
import type {
  CallOutcomeReport,
  EngineEvent,
  RecordOutcomesInput,
  RecordOutcomesResult,
} from '@engine/contracts';
import type { ProspectStatus } from '@engine/db';
import { updateDidHealth } from '../did-health/update-did-health';
import type { CampaignActivityDeps } from './campaign-deps';

/**
 * Records a batch of call outcomes: the attempt, the prospect (a `no_answer` goes back to the
 * queue after `retry_delay_seconds` until `max_attempts`), a `did_health_events` row and the
 * DID's new score; then frees the channel leases and publishes the outcome events.
 *
 * Idempotent: an attempt already completed is reported settled and changes nothing; health
 * events are unique per attempt; events carry the attempt id as dedupe key.
 */
export function createRecordCallOutcomes(deps: CampaignActivityDeps) {
  const { db, semaphore, events } = deps;
  return async function recordCallOutcomes(input: RecordOutcomesInput): Promise<RecordOutcomesResult> {
    const { settings } = input;
    const now = deps.now?.() ?? new Date();
    const byId = new Map<string, CallOutcomeReport>();
    for (const o of input.outcomes) if (!byId.has(o.attemptId)) byId.set(o.attemptId, o);
    if (byId.size === 0) return { settledAttemptIds: [], unknownAttemptIds: [], earliestRequeueAt: null };

    const attempts = await db
      .selectFrom('call_attempts')
      .selectAll()
      .where('id', 'in', [...byId.keys()])
      .where('campaign_id', '=', settings.campaignId)
      .execute();
    const known = new Set(attempts.map((a) => a.id));
    const unknownAttemptIds = [...byId.keys()].filter((id) => !known.has(id));
    const open = attempts.filter((a) => a.status === 'originating' || a.status === 'in_progress');
    const retryAt = new Date(now.getTime() + settings.retryDelaySeconds * 1000);
    let earliestRequeueAt: Date | null = null;
    const toPublish: Array<{ event: EngineEvent; dedupeKey: string }> = [];

    if (open.length > 0) {
      await db.transaction().execute(async (tx) => {
        const rows = open.map((a) => {
          const report = byId.get(a.id)!;
          const retry = report.outcome === 'no_answer' && a.attempt_number < settings.maxAttempts;
          if (retry && (!earliestRequeueAt || retryAt < earliestRequeueAt)) earliestRequeueAt = retryAt;
          const status: ProspectStatus = retry ? 'queued' : report.outcome;
          return { a, report, retry, status };
        });
        await sql`
          update call_attempts a
          set status = 'completed', outcome = r.outcome, duration_seconds = r.duration,
              spam_flagged = r.spam, completed_at = ${now},
              error = r.resolution
          from unnest(${sql.val(rows.map((r) => r.a.id))}::uuid[],
                      ${sql.val(rows.map((r) => r.report.outcome))}::text[],
                      ${sql.val(rows.map((r) => Math.max(0, Math.round(r.report.durationSeconds))))}::int[],
                      ${sql.val(rows.map((r) => r.report.spamFlagged))}::boolean[],
                      ${sql.val(rows.map((r) => r.report.resolution ?? null))}::text[])
            as r(id, outcome, duration, spam, resolution)
          where a.id = r.id and a.status in ('originating', 'in_progress')`.execute(tx);
        // The attempt-number guard keeps a late duplicate from moving a prospect that moved on.
        await sql`
          update prospects p
          set status = r.status, last_outcome = r.outcome, next_attempt_at = case when r.retry then ${retryAt}::timestamptz else p.next_attempt_at end,
              status_reason = case when r.retry then 'retry_no_answer' else r.resolution end, updated_at = ${now}
          from unnest(${sql.val(rows.map((r) => r.a.prospect_id))}::bigint[],
                      ${sql.val(rows.map((r) => r.a.attempt_number))}::int[],
                      ${sql.val(rows.map((r) => r.status))}::text[],
                      ${sql.val(rows.map((r) => r.report.outcome))}::text[],
                      ${sql.val(rows.map((r) => r.retry))}::boolean[],
                      ${sql.val(rows.map((r) => r.report.resolution ?? null))}::text[])
            as r(id, attempt, status, outcome, retry, resolution)
          where p.id = r.id and p.attempt_count = r.attempt and p.status = 'dialing'`.execute(tx);
        // A callback timeout says nothing about the DID; a real outcome does.
        const scored = rows.filter((r) => r.a.did_id && r.report.resolution !== 'callback_timeout');
        if (scored.length > 0) {
          await tx
            .insertInto('did_health_events')
            .values(
              scored.map((r) => ({
                did_id: r.a.did_id!,
                campaign_id: settings.campaignId,
                call_attempt_id: r.a.id,
                outcome: r.report.outcome,
                duration_seconds: Math.max(0, Math.round(r.report.durationSeconds)),
                spam_flagged: r.report.spamFlagged,
                created_at: now,
              })),
            )
            .onConflict((oc) => oc.column('call_attempt_id').doNothing())
            .execute();
          const didIds = [...new Set(scored.map((r) => r.a.did_id!))].sort();
          for (const didId of didIds) {
            toPublish.push(
              ...(await updateDidHealth(tx, didId, {
                customerId: settings.customerId,
                campaignId: settings.campaignId,
                now,
                ...(deps.healthPolicy ? { policy: deps.healthPolicy } : {}),
              })),
            );
          }
        }
        for (const r of rows) {
          const payload = {
            prospectId: r.a.prospect_id,
            attemptId: r.a.id,
            didId: r.a.did_id,
            durationSeconds: Math.max(0, Math.round(r.report.durationSeconds)),
          };
          const base = { customerId: settings.customerId, campaignId: settings.campaignId };
          const event: EngineEvent =
            r.report.outcome === 'no_answer'
              ? { ...base, type: 'campaign.call.no_answer', payload: { ...payload, willRetry: r.retry } }
              : r.report.outcome === 'failed'
                ? {
                    ...base,
                    type: 'campaign.call.failed',
                    payload: { ...payload, ...(r.report.resolution ? { error: r.report.resolution } : {}) },
                  }
                : { ...base, type: `campaign.call.${r.report.outcome}`, payload };
          toPublish.push({ event, dedupeKey: `outcome:${r.a.id}` });
        }
      });
    }

    // Leases are released for every known attempt, settled now or before: release is idempotent.
    await Promise.all(attempts.map((a) => semaphore.release('campaign', a.id)));
    await events.publishMany(toPublish);
    const finalRequeue = earliestRequeueAt as Date | null;
    return {
      settledAttemptIds: attempts.map((a) => a.id),
      unknownAttemptIds,
      earliestRequeueAt: finalRequeue ? finalRequeue.toISOString() : null,
    };
  };
}
