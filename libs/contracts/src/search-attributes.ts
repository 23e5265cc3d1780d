import type { SearchAttributePair } from '@temporalio/common';
import { defineSearchAttributeKey } from '@temporalio/common';

/**
 * Custom search attributes every dev server and cluster must register (temporal.dev.yaml lists
 * them for the dev stack; docker-compose registers them for the production-shaped one).
 */
export const CampaignSearchAttributes = {
  CampaignId: 'Keyword',
  CustomerId: 'Keyword',
  CampaignChannel: 'Keyword',
  CampaignStatus: 'Keyword',
} as const;

export type CampaignSearchAttributeName = keyof typeof CampaignSearchAttributes;

/** Typed keys of {@link CampaignSearchAttributes}, for starting, upserting and listing campaigns. */
export const CampaignIdKey = defineSearchAttributeKey('CampaignId', 'KEYWORD');
export const CustomerIdKey = defineSearchAttributeKey('CustomerId', 'KEYWORD');
export const CampaignChannelKey = defineSearchAttributeKey('CampaignChannel', 'KEYWORD');
export const CampaignStatusKey = defineSearchAttributeKey('CampaignStatus', 'KEYWORD');

/** The search attributes a campaign's workflow carries, e.g. when it is started (`status: 'created'`). */
export function campaignSearchAttributes(campaign: {
  campaignId: string;
  customerId: string;
  channel: string;
  status: string;
}): SearchAttributePair[] {
  return [
    { key: CampaignIdKey, value: campaign.campaignId },
    { key: CustomerIdKey, value: campaign.customerId },
    { key: CampaignChannelKey, value: campaign.channel },
    { key: CampaignStatusKey, value: campaign.status },
  ];
}
