import { defineSearchAttributeKey } from '@temporalio/common';

/** Typed keys of the campaign search attributes (registered by temporal.dev.yaml / compose). */
export const CampaignIdKey = defineSearchAttributeKey('CampaignId', 'KEYWORD');
export const CustomerIdKey = defineSearchAttributeKey('CustomerId', 'KEYWORD');
export const CampaignChannelKey = defineSearchAttributeKey('CampaignChannel', 'KEYWORD');
export const CampaignStatusKey = defineSearchAttributeKey('CampaignStatus', 'KEYWORD');
