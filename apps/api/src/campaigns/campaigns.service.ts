import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import type { Kysely } from 'kysely';
import type { EngineConfig } from '@engine/config';
import {
  CAMPAIGN_WORKFLOW_TYPE,
  campaignSearchAttributes,
  campaignWorkflowId,
  cancelSignal,
  pauseSignal,
  resumeSignal,
} from '@engine/contracts';
import type { Campaign, CampaignStatus, CampaignUpdate, Database } from '@engine/db';
import {
  cancelCreatedCampaign,
  claimCampaignStart,
  findCampaign,
  insertCampaign,
  isUuid,
  listCampaignsPage,
  releaseCampaignStart,
  updateCreatedCampaign,
} from '@engine/db';
import type { EventBus } from '@engine/redis';
import { CoalescingCache } from '../common/coalescing-cache';
import { decodeCursor, DEFAULT_PAGE_SIZE, keysetPage } from '../common/pagination';
import { pollUntil } from '../common/wait';
import { DB, ENGINE_CONFIG, EVENT_BUS, TEMPORAL_CLIENT } from '../infrastructure/tokens';
import { assertValidTemplate, modeJson, normaliseCallerIds, scheduleJson } from './campaign-input';
import type { CreateCampaignDto, ListCampaignsQuery, UpdateCampaignDto } from './campaign-input.schema';
import { computeCampaignStats } from './campaign-stats';
import type { CampaignPage, CampaignStatsView, CampaignTransitionView, CampaignView } from './campaign.view';
import { toCampaignView } from './campaign.view';
import { mapTemporalError } from './temporal-errors';

/** How long a start/pause/resume/cancel waits for the workflow to write the new status. */
const TRANSITION_WAIT_MS = 5_000;
const FINISHED: readonly CampaignStatus[] = ['completed', 'cancelled'];

/** A `pageKey` as the repository writes it: UTC, to the microsecond. */
const PAGE_KEY = /^(19[7-9]\d|[2-9]\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The cursor of a list page: the last row's exact creation time and id (anything else is a 400). */
function isCampaignCursor(v: unknown): v is { t: string; id: string } {
  const c = v as { t?: unknown; id?: unknown } | null;
  if (typeof c !== 'object' || c === null || typeof c.t !== 'string' || typeof c.id !== 'string')
    return false;
  if (!PAGE_KEY.test(c.t) || !isUuid(c.id)) return false;
  // A real calendar time (no 30 February), so that Postgres reads it as we do.
  const millis = `${c.t.slice(0, 23)}Z`;
  const date = new Date(millis);
  return !Number.isNaN(date.getTime()) && date.toISOString() === millis;
}

/**
 * Campaigns of the authenticated customer. The campaign workflow owns `status`: the transitions
 * here check the current status, start or signal the workflow, and wait briefly for the workflow
 * to write the new status.
 */
@Injectable()
export class CampaignsService {
  private readonly logger = new Logger('campaigns');

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    @Inject(EVENT_BUS) private readonly events: EventBus,
  ) {
    this.statsCache = new CoalescingCache(config.env.STATS_CACHE_MS);
  }

  private readonly statsCache: CoalescingCache<Omit<CampaignStatsView, 'asOf'>>;

  /** The customer's campaign, or 404 (another customer's campaign is indistinguishable from none). */
  async find(customerId: string, campaignId: string): Promise<Campaign> {
    const campaign = await findCampaign(this.db, customerId, campaignId);
    if (!campaign) throw new NotFoundException(`campaign ${campaignId} not found`);
    return campaign;
  }

  async get(customerId: string, campaignId: string): Promise<CampaignView> {
    return toCampaignView(await this.find(customerId, campaignId));
  }

  async create(customerId: string, dto: CreateCampaignDto): Promise<CampaignView> {
    if (dto.message !== undefined) assertValidTemplate(dto.message, dto.mode);
    const callerIds = dto.callerIds ? normaliseCallerIds(dto.callerIds) : [];
    const campaign = await insertCampaign(this.db, {
      customer_id: customerId,
      name: dto.name.trim(),
      channel: dto.channel,
      mode: modeJson(dto.mode),
      schedule: scheduleJson({}, dto.schedule),
      caller_ids: callerIds.length > 0 ? callerIds : null,
      message: dto.message ?? null,
    });
    return toCampaignView(campaign);
  }

  async list(customerId: string, query: ListCampaignsQuery): Promise<CampaignPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, isCampaignCursor);
    const after = cursor ? { createdAt: cursor.t, id: cursor.id } : undefined;
    const rows = await listCampaignsPage(this.db, {
      customerId,
      status: query.status,
      channel: query.channel,
      limit: limit + 1,
      after,
    });
    return keysetPage(rows, limit, toCampaignView, (last) => ({ t: last.pageKey, id: last.id }));
  }

  async update(customerId: string, campaignId: string, dto: UpdateCampaignDto): Promise<CampaignView> {
    const current = await this.find(customerId, campaignId);
    if (current.status !== 'created') {
      throw new ConflictException(
        `campaign is ${current.status}; only a campaign that has not started can be changed`,
      );
    }
    const patch: CampaignUpdate = {};
    if (dto.name !== undefined) patch.name = dto.name.trim();
    const mode = dto.mode !== undefined ? { ...current.mode, ...modeJson(dto.mode) } : current.mode;
    if (dto.mode !== undefined) patch.mode = mode;
    if (dto.schedule !== undefined) patch.schedule = scheduleJson(current.schedule, dto.schedule);
    if (dto.callerIds !== undefined) {
      const ids = dto.callerIds ? normaliseCallerIds(dto.callerIds) : [];
      patch.caller_ids = ids.length > 0 ? ids : null;
    }
    if (dto.message !== undefined) patch.message = dto.message;
    // The template is checked against the mode it will run with, whichever of the two changed.
    const message = dto.message ?? current.message;
    if (message !== null && (dto.message !== undefined || dto.mode !== undefined)) {
      assertValidTemplate(message, mode);
    }
    if (Object.keys(patch).length === 0) return toCampaignView(current);
    const updated = await updateCreatedCampaign(this.db, customerId, campaignId, patch);
    if (!updated) {
      const now = await this.find(customerId, campaignId);
      throw new ConflictException(
        `campaign is ${now.status}; only a campaign that has not started can be changed`,
      );
    }
    return toCampaignView(updated);
  }

  async start(customerId: string, campaignId: string): Promise<CampaignTransitionView> {
    const campaign = await this.find(customerId, campaignId);
    if (campaign.status !== 'created') {
      throw new ConflictException(`campaign is ${campaign.status}; only a created campaign can be started`);
    }
    const workflowId = campaignWorkflowId(campaignId);
    // Claim the start: a concurrent start (or a cancel of the unstarted campaign) loses here.
    const claimed = await claimCampaignStart(this.db, customerId, campaignId, workflowId, new Date());
    if (!claimed) throw new ConflictException('campaign has already been started');
    try {
      await this.temporal.workflow.start(CAMPAIGN_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.taskQueue,
        args: [{ campaignId }],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: campaignSearchAttributes({
          campaignId,
          customerId,
          channel: campaign.channel,
          status: 'created',
        }),
      });
    } catch (err) {
      const mapped = mapTemporalError(err);
      if (!(mapped instanceof ConflictException)) {
        // The workflow was not started: release the claim so that the start can be retried.
        await releaseCampaignStart(this.db, campaignId);
      }
      throw mapped;
    }
    return this.awaitStatus(customerId, campaignId, (s) => s !== 'created');
  }

  async pause(
    customerId: string,
    campaignId: string,
    reason: string | undefined,
  ): Promise<CampaignTransitionView> {
    const campaign = await this.find(customerId, campaignId);
    if (campaign.status !== 'dialing') {
      throw new ConflictException(`campaign is ${campaign.status}; only a dialing campaign can be paused`);
    }
    await this.signal(campaignId, pauseSignal, reason ? { reason } : {});
    return this.awaitStatus(customerId, campaignId, (s) => s === 'paused' || FINISHED.includes(s));
  }

  async resume(customerId: string, campaignId: string): Promise<CampaignTransitionView> {
    const campaign = await this.find(customerId, campaignId);
    if (campaign.status !== 'paused') {
      throw new ConflictException(`campaign is ${campaign.status}; only a paused campaign can be resumed`);
    }
    await this.signal(campaignId, resumeSignal);
    return this.awaitStatus(customerId, campaignId, (s) => s === 'dialing' || FINISHED.includes(s));
  }

  async cancel(
    customerId: string,
    campaignId: string,
    reason: string | undefined,
  ): Promise<CampaignTransitionView> {
    const campaign = await this.find(customerId, campaignId);
    if (FINISHED.includes(campaign.status)) {
      throw new ConflictException(`campaign is already ${campaign.status}`);
    }
    if (campaign.status === 'created' && campaign.workflow_id === null) {
      // No workflow exists (and none can start: the start claims workflow_id first), so nothing
      // else will write this campaign's status: cancel it here.
      const cancelled = await this.cancelUnstarted(customerId, campaignId, reason);
      if (cancelled) return cancelled;
    }
    try {
      await this.temporal.workflow
        .getHandle(campaignWorkflowId(campaignId))
        .signal(cancelSignal, reason ? { reason } : {});
    } catch (err) {
      // A start whose workflow never ran (it failed before writing a status) leaves nothing to
      // signal: the campaign is still `created`, so it can be cancelled directly.
      if (err instanceof WorkflowNotFoundError && campaign.status === 'created') {
        const cancelled = await this.cancelUnstarted(customerId, campaignId, reason);
        if (cancelled) return cancelled;
      }
      throw mapTemporalError(err);
    }
    return this.awaitStatus(customerId, campaignId, (s) => FINISHED.includes(s));
  }

  private async cancelUnstarted(
    customerId: string,
    campaignId: string,
    reason: string | undefined,
  ): Promise<CampaignTransitionView | undefined> {
    const cancelled = await this.db
      .transaction()
      .execute((trx) => cancelCreatedCampaign(trx, customerId, campaignId));
    if (!cancelled) return undefined;
    await this.events
      .publish(
        { type: 'campaign.cancelled', customerId, campaignId, payload: { reason: reason ?? null } },
        `${campaignId}:cancel:unstarted`,
      )
      .catch((err: unknown) => this.logger.warn(`campaign.cancelled event not published: ${String(err)}`));
    return { ...toCampaignView(cancelled), applied: true };
  }

  /**
   * Stats of the customer's campaign. The tenant check runs on every request; the aggregate over
   * the campaign's prospects and attempts is shared by concurrent callers and kept for
   * `STATS_CACHE_MS` (a status change starts a fresh one), so polling dashboards cost one query.
   */
  async stats(customerId: string, campaignId: string): Promise<CampaignStatsView> {
    const campaign = await this.find(customerId, campaignId);
    const { value, computedAt } = await this.statsCache.get(`${campaignId}:${campaign.status}`, () =>
      computeCampaignStats(this.db, this.temporal, campaign),
    );
    return { ...value, asOf: new Date(computedAt).toISOString() };
  }

  private async signal<Args extends unknown[]>(
    campaignId: string,
    def: SignalDefinition<Args>,
    ...args: Args
  ): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(campaignWorkflowId(campaignId)).signal(def, ...args);
    } catch (err) {
      throw mapTemporalError(err);
    }
  }

  private async awaitStatus(
    customerId: string,
    campaignId: string,
    done: (status: CampaignStatus) => boolean,
  ): Promise<CampaignTransitionView> {
    const { value, done: applied } = await pollUntil(
      () => this.find(customerId, campaignId),
      (c) => done(c.status),
      TRANSITION_WAIT_MS,
    );
    return { ...toCampaignView(value), applied };
  }
}
