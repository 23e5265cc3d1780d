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
  /** A queued call's id (seed 001), on its `call-<id>` workflow. */
  CallId: 'Keyword',
  /** The caller's own id of a queued call, when it gave one. */
  CustomCallId: 'Keyword',
} as const;

export type CampaignSearchAttributeName = keyof typeof CampaignSearchAttributes;

/** Typed keys of {@link CampaignSearchAttributes}, for starting, upserting and listing campaigns. */
export const CampaignIdKey = defineSearchAttributeKey('CampaignId', 'KEYWORD');
export const CustomerIdKey = defineSearchAttributeKey('CustomerId', 'KEYWORD');
export const CampaignChannelKey = defineSearchAttributeKey('CampaignChannel', 'KEYWORD');
export const CampaignStatusKey = defineSearchAttributeKey('CampaignStatus', 'KEYWORD');
export const CallIdKey = defineSearchAttributeKey('CallId', 'KEYWORD');
export const CustomCallIdKey = defineSearchAttributeKey('CustomCallId', 'KEYWORD');

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

/** The search attributes of a queued call's workflow: findable by its id or the caller's. */
export function queuedCallSearchAttributes(call: {
  callId: string;
  customerId: string;
  queueId: string;
  customCallId: string | null;
}): SearchAttributePair[] {
  return [
    { key: CallIdKey, value: call.callId },
    { key: CustomerIdKey, value: call.customerId },
    { key: CampaignIdKey, value: call.queueId },
    ...(call.customCallId ? [{ key: CustomCallIdKey, value: call.customCallId }] : []),
  ];
}
