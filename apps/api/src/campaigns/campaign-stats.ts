import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { settingsFromCampaign } from '@engine/activities';
import type { CampaignStateView } from '@engine/contracts';
import { campaignWorkflowId, stateQuery } from '@engine/contracts';
import type { Campaign, Database } from '@engine/db';
import { campaignAttemptStats, countProspectsByStatus, countUsableDids } from '@engine/db';
import { withTimeout } from '../common/wait';
import type { CampaignStatsView } from './campaign.view';

const STATE_QUERY_TIMEOUT_MS = 2_000;

/**
 * A campaign's figures: prospects by status, attempts by outcome, answer rate and talk time from
 * the database; calls in flight and the run from the workflow's `state` query while it runs (a
 * slow or absent workflow leaves them out rather than holding the answer); and an estimate of the
 * time left at the campaign's pace (voice) or drip (SMS: the gap over the usable caller IDs).
 */
export async function computeCampaignStats(
  db: Kysely<Database>,
  temporal: Client,
  campaign: Campaign,
): Promise<Omit<CampaignStatsView, 'asOf'>> {
  const campaignId = campaign.id;
  const settings = settingsFromCampaign(campaign);
  const [byStatus, attempts] = await Promise.all([
    countProspectsByStatus(db, campaignId),
    campaignAttemptStats(db, campaignId, campaign.channel),
  ]);
  let workflow: CampaignStatsView['workflow'] = null;
  let currentDialRate = 0;
  if (campaign.status === 'dialing' || campaign.status === 'paused') {
    const state = await withTimeout<CampaignStateView | null>(
      temporal.workflow.getHandle(campaignWorkflowId(campaignId)).query(stateQuery),
      STATE_QUERY_TIMEOUT_MS,
      null,
    );
    if (state) {
      workflow = {
        inFlight: state.inFlight,
        dialed: state.counters.dialed,
        historyLength: state.historyLength,
        run: state.run,
      };
      if (state.status === 'dialing') currentDialRate = state.pacing.callsPerSecond;
    }
  }
  const queued = byStatus.queued ?? 0;
  let estimatedSecondsToFinish: number | null = queued === 0 ? 0 : null;
  if (queued > 0 && campaign.channel === 'voice') {
    estimatedSecondsToFinish = Math.ceil(queued / settings.callsPerSecond);
  } else if (queued > 0) {
    const dids = await countUsableDids(db, campaign.customer_id, settings.minDidScore, settings.callerIds);
    estimatedSecondsToFinish = dids > 0 ? Math.ceil((queued * settings.smsGapMinutes * 60) / dids) : null;
  }
  return {
    campaignId,
    status: campaign.status,
    totalProspects: Object.values(byStatus).reduce((sum, n) => sum + (n ?? 0), 0),
    byStatus,
    byOutcome: attempts.byOutcome,
    attempts: attempts.attempts,
    answerRate: Math.round(attempts.answerRate * 10_000) / 10_000,
    averageDurationSeconds: Math.round(attempts.averageDurationSeconds * 100) / 100,
    currentDialRate,
    callsPerSecond: settings.callsPerSecond,
    estimatedSecondsToFinish,
    workflow,
  };
}
