import type { ApplyStatusInput, EngineEvent } from '@engine/contracts';
import { countProspectsByStatus, setCampaignStatus } from '@engine/db';
import type { CampaignActivityDeps } from './campaign-deps';
import { activityNow } from './campaign-deps';

/**
 * Writes the status the workflow decided and publishes its event, in one transaction (a reader
 * never sees the status without its event). Idempotent on `changeId`: the write is a plain SET
 * and the event carries `changeId` as its dedupe key.
 */
export function createApplyCampaignStatus({
  db,
  events,
  now,
}: Pick<CampaignActivityDeps, 'db' | 'events' | 'now'>) {
  return async function applyCampaignStatus(input: ApplyStatusInput): Promise<void> {
    const { settings, status, reason = null } = input;
    const base = { customerId: settings.customerId, campaignId: settings.campaignId };
    let event: EngineEvent;
    switch (input.event) {
      case 'campaign.started':
        event = { ...base, type: 'campaign.started', payload: { status: 'dialing' } };
        break;
      case 'campaign.resumed':
        event = { ...base, type: 'campaign.resumed', payload: { status: 'dialing' } };
        break;
      case 'campaign.paused':
        event = { ...base, type: 'campaign.paused', payload: { reason, auto: input.auto ?? false } };
        break;
      case 'campaign.paused.no_dids':
        event = {
          ...base,
          type: 'campaign.paused.no_dids',
          payload: { reason: 'no_dids', minScore: settings.minDidScore },
        };
        break;
      case 'campaign.paused.agent_unavailable':
        event = {
          ...base,
          type: 'campaign.paused.agent_unavailable',
          payload: { reason: 'agent_unavailable', message: input.detail ?? 'the AI agent is not answering' },
        };
        break;
      case 'campaign.paused.carrier_auth':
        event = {
          ...base,
          type: 'campaign.paused.carrier_auth',
          payload: { reason: 'carrier_auth', message: input.detail ?? 'the carrier refused the credentials' },
        };
        break;
      case 'campaign.cancelled':
        event = { ...base, type: 'campaign.cancelled', payload: { reason } };
        break;
      case 'campaign.completed':
        event = {
          ...base,
          type: 'campaign.completed',
          payload: { counts: await countProspectsByStatus(db, settings.campaignId) },
        };
        break;
    }
    await events.publish(event, input.changeId, {
      alongside: (tx) => setCampaignStatus(tx, settings.campaignId, status, reason, activityNow({ now })),
    });
  };
}
