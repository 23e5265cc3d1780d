import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database, NewProspect } from '@engine/db';
import { insertProspects, listProspectsPage } from '@engine/db';
import { CampaignNotifier } from '../campaigns/campaign-notifier';
import { CampaignsService } from '../campaigns/campaigns.service';
import { decodeCursor, DEFAULT_PAGE_SIZE, keysetPage } from '../common/pagination';
import { IMPORT_BATCH_SIZE, RejectionList } from '../common/row-import';
import { DB } from '../infrastructure/tokens';
import type { ListProspectsQuery } from './prospect-input.schema';
import { checkProspect } from './prospect-rows';
import type { ImportResultView, ProspectPage } from './prospect.view';
import { toProspectView } from './prospect.view';

const isIdCursor = (v: unknown): v is { id: number } =>
  typeof v === 'object' && v !== null && Number.isSafeInteger((v as { id?: unknown }).id);

@Injectable()
export class ProspectsService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly campaigns: CampaignsService,
    private readonly notifier: CampaignNotifier,
  ) {}

  /** 404 for a missing or foreign campaign, 409 for one that has finished. */
  async assertCanLoad(customerId: string, campaignId: string): Promise<void> {
    const campaign = await this.campaigns.find(customerId, campaignId);
    if (campaign.status === 'completed' || campaign.status === 'cancelled') {
      throw new ConflictException(`campaign is ${campaign.status}; prospects can no longer be added`);
    }
  }

  /**
   * Loads prospects in batches of 1,000 inside one transaction (a malformed file loads nothing),
   * consuming `rows` as they arrive; then tells a running campaign about them.
   */
  async import(
    customerId: string,
    campaignId: string,
    rows: AsyncIterable<unknown> | Iterable<unknown>,
  ): Promise<ImportResultView> {
    await this.assertCanLoad(customerId, campaignId);
    const started = Date.now();
    const rejected = new RejectionList();
    let accepted = 0;
    let duplicates = 0;
    let rowNumber = 0;
    await this.db.transaction().execute(async (trx) => {
      let batch: NewProspect[] = [];
      const flush = async () => {
        const inserted = await insertProspects(trx, batch);
        accepted += inserted;
        duplicates += batch.length - inserted;
        batch = [];
      };
      for await (const raw of rows) {
        rowNumber += 1;
        const checked = checkProspect(campaignId, raw);
        if (!checked.ok) {
          rejected.add(rowNumber, checked.reason);
          continue;
        }
        batch.push(checked.prospect);
        if (batch.length >= IMPORT_BATCH_SIZE) await flush();
      }
      if (batch.length > 0) await flush();
    });
    if (accepted > 0) {
      const campaign = await this.campaigns.find(customerId, campaignId);
      await this.notifier.prospectsAdded(campaign);
    }
    return {
      accepted,
      rejected: rejected.rows,
      rejectedCount: rejected.count,
      duplicates,
      durationMs: Date.now() - started,
    };
  }

  async list(customerId: string, campaignId: string, query: ListProspectsQuery): Promise<ProspectPage> {
    await this.campaigns.find(customerId, campaignId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, isIdCursor);
    const rows = await listProspectsPage(this.db, {
      campaignId,
      status: query.status,
      limit: limit + 1,
      afterId: cursor?.id,
    });
    return keysetPage(rows, limit, toProspectView, (last) => ({ id: last.id }));
  }
}
