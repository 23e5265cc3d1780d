import { sql } from 'kysely';
import { isAnswered, isCallOutcome } from '@engine/domain';
import type { Executor } from '../database';
import { cancelQueuedProspects } from './prospect-progress.repository';
import type { Campaign, CampaignChannel, CampaignStatus, CampaignUpdate } from '../tables/campaigns.table';

export interface CampaignPageRequest {
  customerId: string;
  status?: CampaignStatus;
  channel?: CampaignChannel;
  limit: number;
  /** Keyset position: the last row of the previous page (newest first), its `pageKey` as given. */
  after?: { createdAt: string; id: string };
}

/** A campaign with its exact keyset position. */
export type CampaignPageRow = Campaign & {
  /**
   * `created_at` to the microsecond (ISO 8601, UTC). A JS Date keeps milliseconds only: a cursor
   * built from it would skip the rows created in the same millisecond as a page's last row.
   */
  pageKey: string;
};

/** One customer's campaigns (not its call queue), newest first, keyset-paginated on (created_at, id). */
export async function listCampaignsPage(db: Executor, req: CampaignPageRequest): Promise<CampaignPageRow[]> {
  let query = db
    .selectFrom('campaigns')
    .selectAll()
    .select(
      sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('pageKey'),
    )
    .where('customer_id', '=', req.customerId)
    .where('kind', '=', 'campaign');
  if (req.status) query = query.where('status', '=', req.status);
  if (req.channel) query = query.where('channel', '=', req.channel);
  if (req.after) {
    const { createdAt, id } = req.after;
    query = query.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(req.limit).execute();
}

/**
 * Updates a campaign only while it is still `created` (its workflow has not loaded its settings
 * yet). Undefined when it is missing, another customer's, or no longer `created`.
 */
export async function updateCreatedCampaign(
  db: Executor,
  customerId: string,
  campaignId: string,
  patch: CampaignUpdate,
): Promise<Campaign | undefined> {
  return db
    .updateTable('campaigns')
    .set({ ...patch, updated_at: new Date() })
    .where('customer_id', '=', customerId)
    .where('id', '=', campaignId)
    .where('status', '=', 'created')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Cancels a campaign that never started (no workflow exists to do it) and every prospect waiting
 * in it, in one transaction. Undefined when the campaign is not `created` any more (a start won
 * the race: cancel it through its workflow instead).
 */
export async function cancelCreatedCampaign(
  db: Executor,
  customerId: string,
  campaignId: string,
  now: Date = new Date(),
): Promise<Campaign | undefined> {
  const campaign = await db
    .updateTable('campaigns')
    .set({ status: 'cancelled', pause_reason: null, updated_at: now, finished_at: now })
    .where('customer_id', '=', customerId)
    .where('id', '=', campaignId)
    .where('status', '=', 'created')
    .returningAll()
    .executeTakeFirst();
  if (!campaign) return undefined;
  await cancelQueuedProspects(db, campaignId, 'campaign_cancelled', now);
  return campaign;
}

/**
 * Claims the start of a created campaign for its workflow: the first of two concurrent starts (or
 * a start racing a cancel) wins; false for the loser.
 */
export async function claimCampaignStart(
  db: Executor,
  customerId: string,
  campaignId: string,
  workflowId: string,
  at: Date,
): Promise<boolean> {
  const claimed = await db
    .updateTable('campaigns')
    .set({ workflow_id: workflowId, updated_at: at })
    .where('id', '=', campaignId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'created')
    .where('workflow_id', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** The workflow could not be started: the claim is released so that the start can be retried. */
export async function releaseCampaignStart(db: Executor, campaignId: string): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({ workflow_id: null })
    .where('id', '=', campaignId)
    .where('status', '=', 'created')
    .execute();
}

/** Which of `campaignIds` belong to the customer. */
export async function ownedCampaignIds(
  db: Executor,
  customerId: string,
  campaignIds: readonly string[],
): Promise<Set<string>> {
  if (campaignIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('campaigns')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('id', 'in', [...campaignIds])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export interface CampaignAttemptStats {
  /** Attempts (calls, or messages for SMS) made so far. */
  attempts: number;
  /** Finished attempts by outcome (voice) or message status (SMS). */
  byOutcome: Record<string, number>;
  /** Answered calls (human_connected, human_hangup, voicemail) over calls with an outcome. */
  answerRate: number;
  /** Mean talk time of answered calls, in seconds. */
  averageDurationSeconds: number;
}

/** Aggregates a campaign's call attempts (or SMS messages) in one query. */
export async function campaignAttemptStats(
  db: Executor,
  campaignId: string,
  channel: CampaignChannel,
): Promise<CampaignAttemptStats> {
  if (channel === 'sms') {
    const rows = await db
      .selectFrom('sms_messages')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('campaign_id', '=', campaignId)
      .groupBy('status')
      .execute();
    const byOutcome = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    const attempts = rows.reduce((sum, r) => sum + Number(r.n), 0);
    const finished = (byOutcome['delivered'] ?? 0) + (byOutcome['failed'] ?? 0);
    return {
      attempts,
      byOutcome,
      answerRate: finished === 0 ? 0 : (byOutcome['delivered'] ?? 0) / finished,
      averageDurationSeconds: 0,
    };
  }
  const rows = await db
    .selectFrom('call_attempts')
    .select([
      'outcome',
      (eb) => eb.fn.countAll<string>().as('n'),
      (eb) => eb.fn.sum<string | null>('duration_seconds').as('seconds'),
    ])
    .where('campaign_id', '=', campaignId)
    .groupBy('outcome')
    .execute();
  let attempts = 0;
  let withOutcome = 0;
  let answered = 0;
  let answeredSeconds = 0;
  const byOutcome: Record<string, number> = {};
  for (const r of rows) {
    const n = Number(r.n);
    attempts += n;
    if (r.outcome === null) continue;
    byOutcome[r.outcome] = n;
    withOutcome += n;
    if (isCallOutcome(r.outcome) && isAnswered(r.outcome)) {
      answered += n;
      answeredSeconds += Number(r.seconds ?? 0);
    }
  }
  return {
    attempts,
    byOutcome,
    answerRate: withOutcome === 0 ? 0 : answered / withOutcome,
    averageDurationSeconds: answered === 0 ? 0 : answeredSeconds / answered,
  };
}

/** A customer's campaigns that are paused because no DID was usable (candidates for `didsChanged`). */
export async function campaignsPausedForNoDids(db: Executor, customerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('campaigns')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('status', '=', 'paused')
    .where('pause_reason', '=', 'no_dids')
    .execute();
  return rows.map((r) => r.id);
}
