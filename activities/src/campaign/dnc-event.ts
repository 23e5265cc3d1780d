import type { CampaignSettings, EngineEvent } from '@engine/contracts';

/**
 * `campaign.prospect.dnc` for a prospect found on the customer's suppression list, keyed so that a
 * retried activity (or a second check of the same prospect) publishes it once.
 */
export function dncEvent(
  settings: Pick<CampaignSettings, 'customerId' | 'campaignId'>,
  prospect: { id: number; phone: string },
): { event: EngineEvent; dedupeKey: string } {
  return {
    event: {
      type: 'campaign.prospect.dnc',
      customerId: settings.customerId,
      campaignId: settings.campaignId,
      payload: { prospectId: prospect.id, phone: prospect.phone },
    },
    dedupeKey: `dnc:${prospect.id}`,
  };
}
