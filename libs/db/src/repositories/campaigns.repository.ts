import type { Executor } from '../database';
import type { Campaign, CampaignStatus, NewCampaign } from '../tables/campaigns.table';

export async function insertCampaign(db: Executor, campaign: NewCampaign): Promise<Campaign> {
  return db.insertInto('campaigns').values(campaign).returningAll().executeTakeFirstOrThrow();
}

/**
 * Tenant-scoped: another customer's campaign is indistinguishable from a missing one. A call
 * queue (kind `call_queue`) is not a campaign to the campaign API, so it is not found either.
 */
export async function findCampaign(
  db: Executor,
  customerId: string,
  campaignId: string,
): Promise<Campaign | undefined> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('id', '=', campaignId)
    .where('kind', '=', 'campaign')
    .executeTakeFirst();
}

/**
 * One of the customer's campaigns or its call queue (whose contacts have a compliance report like
 * a campaign's); undefined when it is another customer's or missing.
 */
export async function findCampaignOrCallQueue(
  db: Executor,
  customerId: string,
  campaignId: string,
): Promise<Campaign | undefined> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('id', '=', campaignId)
    .executeTakeFirst();
}

export async function getCampaignById(db: Executor, campaignId: string): Promise<Campaign | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', campaignId).executeTakeFirst();
}

/** Writes the status the campaign workflow decided (the workflow owns campaign status). */
export async function setCampaignStatus(
  db: Executor,
  campaignId: string,
  status: CampaignStatus,
  pauseReason: string | null = null,
  at: Date = new Date(),
): Promise<Campaign | undefined> {
  return db
    .updateTable('campaigns')
    .set({
      status,
      pause_reason: status === 'paused' ? pauseReason : null,
      updated_at: at,
      ...(status === 'dialing' ? { started_at: at } : {}),
      ...(status === 'completed' || status === 'cancelled' ? { finished_at: at } : {}),
    })
    .where('id', '=', campaignId)
    .returningAll()
    .executeTakeFirst();
}
