import type { CampaignSettings, FinalizeResult, StatsInput } from '@engine/contracts';
import {
  attemptOutcomeTotals,
  cancelQueuedProspects,
  countProspectsByStatus,
  countUsableDids,
  findAttemptsById,
  findDialingProspects,
  recoverClaims,
} from '@engine/db';
import { isAnswered, isCallOutcome } from '@engine/domain';
import { attemptIdFor } from './attempt-id';
import type { CampaignActivityDeps } from './campaign-deps';
import { activityNow } from './campaign-deps';

/** Cancelling a campaign cancels every prospect still waiting in its queue. */
export function createCancelQueuedProspects({ db, now }: Pick<CampaignActivityDeps, 'db' | 'now'>) {
  return async function cancelQueuedProspectsActivity(settings: CampaignSettings): Promise<number> {
    return cancelQueuedProspects(db, settings.campaignId, 'campaign_cancelled', activityNow({ now }));
  };
}

export function createCountUsableDids({
  db,
  now,
  didCaps,
}: Pick<CampaignActivityDeps, 'db' | 'now' | 'didCaps'>) {
  return async function countUsableDidsActivity(settings: CampaignSettings): Promise<number> {
    return countUsableDids(db, settings.customerId, settings.minDidScore, settings.callerIds, {
      now: activityNow({ now }),
      ...(didCaps ? { caps: didCaps } : {}),
    });
  };
}

/**
 * The last check before a campaign completes: nothing queued or claimed may remain. A prospect
 * found claimed with a live attempt is handed back to the workflow to track; one claimed with no
 * attempt at all (its batch never reached the carrier) goes back to the queue.
 */
export function createFinalizeCampaign({ db, now }: Pick<CampaignActivityDeps, 'db' | 'now'>) {
  return async function finalizeCampaign(settings: CampaignSettings): Promise<FinalizeResult> {
    const claimed = await findDialingProspects(db, settings.campaignId);
    const attempts = await findAttemptsById(
      db,
      claimed.map((p) => attemptIdFor(p.id, p.attempt_count)),
    );
    const orphanAttempts: FinalizeResult['orphanAttempts'] = [];
    const requeue: number[] = [];
    for (const p of claimed) {
      const attempt = attempts.get(attemptIdFor(p.id, p.attempt_count));
      if (attempt && (attempt.status === 'originating' || attempt.status === 'in_progress')) {
        orphanAttempts.push({ attemptId: attempt.id, prospectId: p.id, didId: attempt.did_id });
      } else if (!attempt) {
        requeue.push(p.id);
      }
    }
    await recoverClaims(db, requeue, activityNow({ now }));
    const counts = await countProspectsByStatus(db, settings.campaignId);
    const complete = !counts.queued && !counts.dialing && !counts.sending && !counts.sent;
    return { complete, counts, orphanAttempts, requeued: requeue.length };
  };
}

/** `campaign.stats.updated`: counts by status and outcome, answer rate, average talk time, rate. */
export function createPublishCampaignStats({ db, events }: Pick<CampaignActivityDeps, 'db' | 'events'>) {
  return async function publishCampaignStats(input: StatsInput): Promise<void> {
    const { settings } = input;
    const byStatus = await countProspectsByStatus(db, settings.campaignId);
    const byOutcome: Record<string, number> = {};
    let completed = 0;
    let answered = 0;
    let answeredSeconds = 0;
    for (const row of await attemptOutcomeTotals(db, settings.campaignId)) {
      byOutcome[row.outcome ?? 'unknown'] = row.count;
      completed += row.count;
      if (isCallOutcome(row.outcome) && isAnswered(row.outcome)) {
        answered += row.count;
        answeredSeconds += row.durationSeconds;
      }
    }
    await events.publish({
      type: 'campaign.stats.updated',
      customerId: settings.customerId,
      campaignId: settings.campaignId,
      payload: {
        byStatus,
        byOutcome,
        answerRate: completed > 0 ? Math.round((answered / completed) * 10_000) / 10_000 : 0,
        averageDurationSeconds: answered > 0 ? Math.round((answeredSeconds / answered) * 10) / 10 : 0,
        dialRatePerSecond: Math.round(input.dialRatePerSecond * 100) / 100,
        attempts: input.counters.dialed,
      },
    });
  };
}
