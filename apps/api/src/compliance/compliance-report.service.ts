import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { settingsFromCampaign } from '@engine/activities';
import type { Campaign, ConsentEvent, ContactAttemptPosition, ContactAttemptRow, Database } from '@engine/db';
import { consentHistory, findCampaignOrCallQueue, listContactAttempts } from '@engine/db';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../common/pagination';
import { DB } from '../infrastructure/tokens';
import type {
  ComplianceReportPage,
  ComplianceReportQuery,
  ComplianceSummaryView,
} from './compliance-report.dto';
import type { ComplianceItem, ReportSettings } from './compliance-report.evaluate';
import { evaluateAttempt } from './compliance-report.evaluate';

/** Attempts read per query when a filter or the CSV walks the campaign. */
const SCAN_BATCH = 500;

/**
 * At most this many attempts are read for one `flagged=true` page: a campaign with few flags
 * answers with a shorter page and a cursor rather than holding the request for minutes.
 */
export const MAX_FLAGGED_SCAN = 20_000;

const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isPosition = (v: unknown): v is ContactAttemptPosition => {
  const { attemptKey, attemptId } = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  return (
    typeof attemptKey === 'string' &&
    KEY.test(attemptKey) &&
    !Number.isNaN(Date.parse(attemptKey)) &&
    typeof attemptId === 'string' &&
    UUID.test(attemptId)
  );
};

/** An evaluated attempt and its keyset position. */
interface Evaluated {
  readonly item: ComplianceItem;
  readonly position: ContactAttemptPosition;
}

const positionOf = (row: ContactAttemptRow): ContactAttemptPosition => ({
  attemptKey: row.attemptKey,
  attemptId: row.attemptId,
});

@Injectable()
export class ComplianceReportService {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  /** The customer's campaign; 404 for a missing or another customer's one. */
  async campaign(customerId: string, campaignId: string): Promise<Campaign> {
    // A call queue's id too (from GET /api/queue/status): its calls are reported like a campaign's.
    const campaign = await findCampaignOrCallQueue(this.db, customerId, campaignId);
    if (!campaign) throw new NotFoundException(`campaign ${campaignId} not found`);
    return campaign;
  }

  /** One page of the report; with `flagged=true`, of its flagged attempts (see {@link MAX_FLAGGED_SCAN}). */
  async page(campaign: Campaign, query: ComplianceReportQuery): Promise<ComplianceReportPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, isPosition);
    const flaggedOnly = query.flagged === 'true';
    // Unfiltered, one query of limit + 1 rows says whether more follow.
    const batch = flaggedOnly ? Math.max(SCAN_BATCH, limit + 1) : limit + 1;
    const kept: Evaluated[] = [];
    let scanned = 0;
    let last: ContactAttemptPosition | undefined;
    for await (const evaluated of this.evaluate(campaign, after, batch)) {
      scanned += 1;
      last = evaluated.position;
      if (!flaggedOnly || evaluated.item.flags.length > 0) kept.push(evaluated);
      if (kept.length > limit) break;
      if (flaggedOnly && scanned >= MAX_FLAGGED_SCAN) break;
    }
    const items = kept.slice(0, limit);
    let next: ContactAttemptPosition | undefined;
    if (kept.length > limit) next = items[items.length - 1]?.position;
    else if (flaggedOnly && scanned >= MAX_FLAGGED_SCAN) next = last;
    return {
      campaignId: campaign.id,
      items: items.map((e) => e.item),
      nextCursor: next === undefined ? null : encodeCursor(next),
    };
  }

  /** Every attempt of the campaign, evaluated, in order (for the CSV). */
  async *items(campaign: Campaign, flaggedOnly: boolean): AsyncGenerator<ComplianceItem> {
    for await (const { item } of this.evaluate(campaign, undefined, SCAN_BATCH)) {
      if (!flaggedOnly || item.flags.length > 0) yield item;
    }
  }

  /** Counts over the whole campaign. */
  async summary(campaign: Campaign): Promise<ComplianceSummaryView> {
    const summary = {
      campaignId: campaign.id,
      attempts: 0,
      flagged: 0,
      byFlag: { outside_window: 0, after_opt_out: 0 },
    };
    for await (const item of this.items(campaign, false)) {
      summary.attempts += 1;
      if (item.flags.length > 0) summary.flagged += 1;
      for (const flag of item.flags) summary.byFlag[flag] += 1;
    }
    return summary;
  }

  /**
   * The campaign's attempts after `after`, evaluated a batch at a time: one query for the
   * attempts, one for the consent history of their numbers.
   */
  private async *evaluate(
    campaign: Campaign,
    after: ContactAttemptPosition | undefined,
    batch: number,
  ): AsyncGenerator<Evaluated> {
    const run = settingsFromCampaign(campaign);
    const settings: ReportSettings = { timezone: run.timezone, callingHours: run.callingHours };
    let position = after;
    for (;;) {
      const rows = await listContactAttempts(this.db, campaign.id, batch, position);
      const lastRow = rows[rows.length - 1];
      if (lastRow === undefined) return;
      const history = await consentHistory(
        this.db,
        campaign.customer_id,
        rows.map((r) => r.phone),
        lastRow.attemptedAt,
      );
      const byPhone = new Map<string, ConsentEvent[]>();
      for (const event of history) {
        const events = byPhone.get(event.phone);
        if (events) events.push(event);
        else byPhone.set(event.phone, [event]);
      }
      for (const row of rows) {
        yield {
          item: evaluateAttempt(row, settings, byPhone.get(row.phone) ?? []),
          position: positionOf(row),
        };
      }
      if (rows.length < batch) return;
      position = positionOf(lastRow);
    }
  }
}
