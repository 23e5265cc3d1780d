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
