import type {
  CallOutcomeReport,
  CampaignSettings,
  EngineEvent,
  RecordOutcomesInput,
  RecordOutcomesResult,
} from '@engine/contracts';
import type { CallAttempt, Executor, ProspectStatus, QueuedCallOfProspect } from '@engine/db';
import {
  completeAttempts,
  findCampaignAttempts,
  insertDidHealthEvents,
  queuedCallsOfProspects,
  settleProspectOutcomes,
} from '@engine/db';
import { tellCallRecords } from '../call-queue/tell-call-records';
import { updateDidsHealth } from '../did-health/update-did-health';
import type { CampaignActivityDeps } from './campaign-deps';
import { activityNow } from './campaign-deps';
import { channelPoolOf, retryAtFor } from './retry-policy';

type PendingEvent = { event: EngineEvent; dedupeKey: string };

/** One open attempt with the outcome reported for it and what that means for its prospect. */
interface Settlement {
  attempt: CallAttempt;
  report: CallOutcomeReport;
  /** An outcome the campaign retries, with attempts left: the prospect goes back to the queue then. */
  retryAt: Date | null;
  durationSeconds: number;
  /** The queued call behind the prospect (call queue only). */
  queuedCall?: QueuedCallOfProspect;
  /** The prospect's status once settled; null: it was not moved (already on a later attempt). */
  settledAs?: ProspectStatus | null;
}

/**
 * Records a batch of call outcomes: the attempt, the prospect (an outcome the campaign retries
 * goes back to the queue until its attempts are used, see `retryAtFor`), a `did_health_events`
 * row and the DID's new score; then frees the channel leases and publishes the outcome events
 * (and `call.retry_scheduled` for a queued call that will be tried again).
 *
 * Idempotent: an attempt already completed is reported settled and changes nothing; health
 * events are unique per attempt; events carry the attempt id as dedupe key.
 */
export function createRecordCallOutcomes(deps: CampaignActivityDeps) {
  const { db, semaphore, events } = deps;
  return async function recordCallOutcomes(input: RecordOutcomesInput): Promise<RecordOutcomesResult> {
    const { settings } = input;
    const now = activityNow(deps);
    const byId = new Map<string, CallOutcomeReport>();
    for (const o of input.outcomes) if (!byId.has(o.attemptId)) byId.set(o.attemptId, o);
    if (byId.size === 0) return { settledAttemptIds: [], unknownAttemptIds: [], earliestRequeueAt: null };

    const attempts = await findCampaignAttempts(db, settings.campaignId, [...byId.keys()]);
    const known = new Set(attempts.map((a) => a.id));
    const open = attempts.filter((a) => a.status === 'originating' || a.status === 'in_progress');
    const queuedCalls =
      settings.kind === 'call_queue'
        ? await queuedCallsOfProspects(
            db,
            open.map((a) => a.prospect_id),
          )
        : new Map<number, QueuedCallOfProspect>();
    const settlements = open.map((attempt): Settlement => {
      const report = byId.get(attempt.id)!;
      const queuedCall = queuedCalls.get(attempt.prospect_id);
      const retryAt = retryAtFor(
        settings,
        {
          attemptId: attempt.id,
          attemptNumber: attempt.attempt_number,
          outcome: report.outcome,
          prospectMaxAttempts: queuedCall?.maxAttempts ?? null,
        },
        now,
      );
      return {
        attempt,
        report,
        retryAt,
        durationSeconds: Math.max(0, Math.round(report.durationSeconds)),
        ...(queuedCall ? { queuedCall } : {}),
      };
    });

    const toPublish: PendingEvent[] = [];
    if (settlements.length > 0) {
      await db.transaction().execute(async (tx) => {
        const moved = new Map((await settle(tx, settlements, now)).map((m) => [m.prospectId, m.status]));
        for (const s of settlements) {
          s.settledAs = moved.get(s.attempt.prospect_id) ?? null;
          // An outcome whose campaign was cancelled while the call was in flight is final after all.
          if (s.retryAt && s.settledAs !== 'queued') s.retryAt = null;
        }
        toPublish.push(...(await scoreCallerIds(tx, deps, settings, settlements, now)));
      });
      toPublish.push(...settlements.map((s) => outcomeEvent(settings, s)));
      toPublish.push(...settlements.flatMap((s) => retryScheduledEvent(settings, s)));
    }

    // Leases are released for every known attempt, settled now or before: release is idempotent.
    await Promise.all(attempts.map((a) => semaphore.release(channelPoolOf(settings), a.id)));
    await events.publishMany(toPublish);
    await tellCallRecords(deps, settings, settlements);
    return {
      settledAttemptIds: attempts.map((a) => a.id),
      unknownAttemptIds: [...byId.keys()].filter((id) => !known.has(id)),
      earliestRequeueAt: earliest(settlements.map((s) => s.retryAt)),
    };
  };
}

/** The attempts complete; their prospects move on (the attempt number guards against a late duplicate). */
async function settle(
  tx: Executor,
  settlements: readonly Settlement[],
  now: Date,
): Promise<Array<{ prospectId: number; status: ProspectStatus }>> {
  await completeAttempts(
    tx,
    settlements.map((s) => ({
      attemptId: s.attempt.id,
      outcome: s.report.outcome,
      durationSeconds: s.durationSeconds,
      spamFlagged: s.report.spamFlagged,
      resolution: s.report.resolution ?? null,
    })),
    now,
  );
  return settleProspectOutcomes(
    tx,
    settlements.map((s) => ({
      prospectId: s.attempt.prospect_id,
      attemptNumber: s.attempt.attempt_number,
      status: s.retryAt ? 'queued' : (s.report.outcome satisfies ProspectStatus),
      outcome: s.report.outcome,
      retryAt: s.retryAt,
      resolution: s.report.resolution ?? null,
    })),
    now,
  );
}

/**
 * Each call with a real outcome is evidence about its caller ID: a health event, then the DIDs'
 * scores and verdicts again, all of them in three statements (DIDs locked in id order, so
 * concurrent recorders lock them in one order). A
 * callback timeout says nothing about the DID.
 */
async function scoreCallerIds(
  tx: Executor,
  deps: CampaignActivityDeps,
  settings: CampaignSettings,
  settlements: readonly Settlement[],
  now: Date,
): Promise<PendingEvent[]> {
  const scored = settlements.filter((s) => s.attempt.did_id && s.report.resolution !== 'callback_timeout');
  await insertDidHealthEvents(
    tx,
    scored.map((s) => ({
      did_id: s.attempt.did_id!,
      campaign_id: settings.campaignId,
      call_attempt_id: s.attempt.id,
      outcome: s.report.outcome,
      duration_seconds: s.durationSeconds,
      spam_flagged: s.report.spamFlagged,
      created_at: now,
    })),
  );
  return updateDidsHealth(tx, [...new Set(scored.map((s) => s.attempt.did_id!))], {
    customerId: settings.customerId,
    campaignId: settings.campaignId,
    now,
    ...(deps.healthPolicy ? { policy: deps.healthPolicy } : {}),
  });
}

function outcomeEvent(settings: CampaignSettings, s: Settlement): PendingEvent {
  const payload = {
    prospectId: s.attempt.prospect_id,
    attemptId: s.attempt.id,
    didId: s.attempt.did_id,
    durationSeconds: s.durationSeconds,
  };
  const base = { customerId: settings.customerId, campaignId: settings.campaignId };
  const { outcome, resolution } = s.report;
  const event: EngineEvent =
    outcome === 'no_answer'
      ? { ...base, type: 'campaign.call.no_answer', payload: { ...payload, willRetry: s.retryAt !== null } }
      : outcome === 'failed'
        ? {
            ...base,
            type: 'campaign.call.failed',
            payload: { ...payload, ...(resolution ? { error: resolution } : {}) },
          }
        : { ...base, type: `campaign.call.${outcome}`, payload };
  return { event, dedupeKey: `outcome:${s.attempt.id}` };
}

/** A queued call going back to the queue: when its next attempt is due (seed 001). */
function retryScheduledEvent(settings: CampaignSettings, s: Settlement): PendingEvent[] {
  if (!s.queuedCall || !s.retryAt) return [];
  return [
    {
      event: {
        type: 'call.retry_scheduled',
        customerId: settings.customerId,
        campaignId: settings.campaignId,
        payload: {
          callId: s.queuedCall.callId,
          prospectId: s.attempt.prospect_id,
          attemptId: s.attempt.id,
          outcome: s.report.outcome,
          attempt: s.attempt.attempt_number,
          retryAt: s.retryAt.toISOString(),
        },
      },
      dedupeKey: `retry:${s.attempt.id}`,
    },
  ];
}

function earliest(times: ReadonlyArray<Date | null>): string | null {
  const ms = times.filter((t): t is Date => t !== null).map((t) => t.getTime());
  return ms.length === 0 ? null : new Date(Math.min(...ms)).toISOString();
}
