import { sql } from 'kysely';
import type { CampaignSettings, FinalizeResult, StatsInput } from '@engine/contracts';
import { countProspectsByStatus, countUsableDids } from '@engine/db';
import { attemptIdFor } from './attempt-id';
import type { CampaignActivityDeps } from './campaign-deps';

/** Cancelling a campaign cancels every prospect still waiting in its queue. */
export function createCancelQueuedProspects({ db }: Pick<CampaignActivityDeps, 'db'>) {
  return async function cancelQueuedProspects(settings: CampaignSettings): Promise<number> {
    const result = await db
      .updateTable('prospects')
      .set({ status: 'cancelled', status_reason: 'campaign_cancelled', updated_at: new Date() })
      .where('campaign_id', '=', settings.campaignId)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  };
}

export function createCountUsableDids({
  db,
  now,
  didCaps,
}: Pick<CampaignActivityDeps, 'db' | 'now' | 'didCaps'>) {
  return async function countUsableDidsActivity(settings: CampaignSettings): Promise<number> {
    return countUsableDids(db, settings.customerId, settings.minDidScore, settings.callerIds, {
      now: now?.() ?? new Date(),
      ...(didCaps ? { caps: didCaps } : {}),
    });
  };
}

/**
 * The last check before a campaign completes: nothing queued or claimed may remain. A prospect
 * found claimed with a live attempt is handed back to the workflow to track; one claimed with no
 * attempt at all (its batch never reached the carrier) goes back to the queue.
 */
export function createFinalizeCampaign({ db }: Pick<CampaignActivityDeps, 'db'>) {
  return async function finalizeCampaign(settings: CampaignSettings): Promise<FinalizeResult> {
    const claimed = await db
      .selectFrom('prospects')
      .select(['id', 'attempt_count'])
      .where('campaign_id', '=', settings.campaignId)
      .where('status', '=', 'dialing')
      .execute();
    const orphanAttempts: FinalizeResult['orphanAttempts'] = [];
    const requeue: number[] = [];
    if (claimed.length > 0) {
      const attempts = await db
        .selectFrom('call_attempts')
        .select(['id', 'prospect_id', 'did_id', 'status'])
        .where(
          'id',
          'in',
          claimed.map((p) => attemptIdFor(p.id, p.attempt_count)),
        )
        .execute();
      const byProspect = new Map(attempts.map((a) => [a.prospect_id, a]));
      for (const p of claimed) {
        const attempt = byProspect.get(p.id);
        if (attempt && (attempt.status === 'originating' || attempt.status === 'in_progress')) {
          orphanAttempts.push({ attemptId: attempt.id, prospectId: p.id, didId: attempt.did_id });
        } else if (!attempt) {
          requeue.push(p.id);
        }
      }
      if (requeue.length > 0) {
        await sql`
          update prospects set status = 'queued', attempt_count = greatest(attempt_count - 1, 0),
                 next_attempt_at = now(), status_reason = 'recovered_claim', updated_at = now()
          where id = any(${sql.val(requeue)}::bigint[]) and status = 'dialing'`.execute(db);
      }
    }
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
    const outcomes = await db
      .selectFrom('call_attempts')
      .select((eb) => [
        'outcome',
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('duration_seconds').as('duration'),
      ])
      .where('campaign_id', '=', settings.campaignId)
      .where('status', '=', 'completed')
      .groupBy('outcome')
      .execute();
    const byOutcome: Record<string, number> = {};
    let completed = 0;
    let answered = 0;
    let answeredSeconds = 0;
    for (const row of outcomes) {
      const count = Number(row.count);
      byOutcome[row.outcome ?? 'unknown'] = count;
      completed += count;
      if (
        row.outcome === 'human_connected' ||
        row.outcome === 'human_hangup' ||
        row.outcome === 'voicemail'
      ) {
        answered += count;
        answeredSeconds += Number(row.duration ?? 0);
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
