import type { CampaignActivities } from '@engine/contracts';
import { createCancelQueuedCalls } from '../call-queue/cancel-queued-calls';
import { createCheckAgentAvailable } from './agent-availability';
import { createApplyCampaignStatus } from './apply-campaign-status';
import type { CampaignActivityDeps } from './campaign-deps';
import {
  createCancelQueuedProspects,
  createCountUsableDids,
  createFinalizeCampaign,
  createPublishCampaignStats,
} from './campaign-housekeeping';
import { createDialNextBatch } from './dial/dial-next-batch';
import { createEngineMetrics, withEngineMetrics } from './engine-metrics';
import { createLoadCampaignSettings } from './load-campaign-settings';
import { createRecordCallOutcomes } from './record-call-outcomes';
import { createResolveStaleAttempts } from './resolve-stale-attempts';
import { withKeepAlive } from './keep-alive';
import { createExpireSmsReceipts } from './sms/expire-sms-receipts';
import { createSendNextSms } from './sms/send-next-sms';

export type { CampaignActivityDeps } from './campaign-deps';
export { attemptIdFor } from './attempt-id';
export { EngineMetricNames, createEngineMetrics, withEngineMetrics } from './engine-metrics';
export type { EngineMetrics } from './engine-metrics';
export { settingsFromCampaign } from './load-campaign-settings';
export { AgentAvailability } from './agent-availability';
export { carrierActivityDeps, publicApiUrl, simulatorUrl } from './carrier-wiring';
export type { CarrierActivityDeps, CarrierWiringOptions } from './carrier-wiring';
export { reassignedNumbersFromEnv } from './reassigned-wiring';
export type { AgentAvailabilityOptions } from './agent-availability';

/** The campaign workflow's activities, bound to their dependencies. */
export function createCampaignActivities(deps: CampaignActivityDeps): CampaignActivities {
  const activities: CampaignActivities = {
    loadCampaignSettings: createLoadCampaignSettings(deps),
    applyCampaignStatus: createApplyCampaignStatus(deps),
    dialNextBatch: createDialNextBatch(deps),
    recordCallOutcomes: createRecordCallOutcomes(deps),
    resolveStaleAttempts: createResolveStaleAttempts(deps),
    cancelQueuedProspects: createCancelQueuedProspects(deps),
    cancelQueuedCalls: createCancelQueuedCalls(deps),
    countUsableDids: createCountUsableDids(deps),
    checkAgentAvailable: createCheckAgentAvailable(deps),
    finalizeCampaign: createFinalizeCampaign(deps),
    publishCampaignStats: createPublishCampaignStats(deps),
    sendNextSms: createSendNextSms(deps),
    expireSmsReceipts: createExpireSmsReceipts(deps),
  };
  const counted = deps.metricMeter
    ? withEngineMetrics(activities, createEngineMetrics(deps.metricMeter))
    : activities;
  // Every campaign activity heartbeats while it runs (see withKeepAlive: a dead worker is noticed in seconds).
  return withKeepAlive(counted);
}
export { activityServerClock } from './activity-clock';
export { createExpireSmsReceipts } from './sms/expire-sms-receipts';
export { createSendNextSms } from './sms/send-next-sms';
