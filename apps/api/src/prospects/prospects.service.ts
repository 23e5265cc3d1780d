import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database, NewProspect, Prospect } from '@engine/db';
import { insertProspects, listProspectsPage } from '@engine/db';
import { parsePhoneNumber } from '@engine/domain';
import { CampaignNotifier } from '../campaigns/campaign-notifier';
import { CampaignsService } from '../campaigns/campaigns.service';
import type { CsvUpload } from '../common/csv-upload';
import { findColumn } from '../common/csv-upload';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../common/pagination';
import { IMPORT_BATCH_SIZE, RejectionList } from '../common/row-import';
import { isKnownTimeZone } from '../common/time-zones';
import { DB } from '../infrastructure/tokens';
import type { ImportResultView, ListProspectsQuery, ProspectPage, ProspectView } from './prospect.dto';

/** One prospect as uploaded, before validation. */
export interface RawProspect {
  phone?: unknown;
  timezone?: unknown;
  variables?: unknown;
}

const PHONE_COLUMNS = ['phone', 'phone_number', 'phonenumber'];
const TIMEZONE_COLUMNS = ['timezone', 'time_zone', 'tz'];
const MAX_VARIABLES = 100;
const MAX_VARIABLE_NAME = 100;
const MAX_VARIABLE_VALUE = 2000;

type Checked = { ok: true; prospect: NewProspect } | { ok: false; reason: string };

/** Validates one uploaded prospect: E.164 phone, IANA zone, flat string variables. */
export function checkProspect(campaignId: string, raw: unknown): Checked {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'row must be an object' };
  const { phone, timezone, variables } = raw as RawProspect;
  if (typeof phone !== 'string' && typeof phone !== 'number') {
    return {
      ok: false,
      reason: phone === undefined || phone === null ? 'phone is missing' : 'phone must be a string',
    };
  }
  const parsed = parsePhoneNumber(String(phone));
  if (!parsed.ok) return { ok: false, reason: `phone ${JSON.stringify(String(phone))}: ${parsed.reason}` };

  let zone: string | null = null;
  if (timezone !== undefined && timezone !== null && timezone !== '') {
    if (typeof timezone !== 'string' || !isKnownTimeZone(timezone.trim())) {
      return {
        ok: false,
        reason: `timezone ${JSON.stringify(timezone)} is not an IANA time zone such as "America/Chicago"`,
      };
    }
    zone = timezone.trim();
  }

  const vars: Record<string, string> = {};
  if (variables !== undefined && variables !== null) {
    if (typeof variables !== 'object' || Array.isArray(variables))
      return { ok: false, reason: 'variables must be an object' };
    const entries = Object.entries(variables as Record<string, unknown>);
    if (entries.length > MAX_VARIABLES)
      return { ok: false, reason: `variables has more than ${MAX_VARIABLES} entries` };
    for (const [key, value] of entries) {
      if (key.length === 0 || key.length > MAX_VARIABLE_NAME) {
        return { ok: false, reason: `variable names must be 1 to ${MAX_VARIABLE_NAME} characters` };
      }
      if (value === null || value === undefined) continue;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        return { ok: false, reason: `variables.${key} must be a string, number or boolean` };
      }
      const text = String(value);
      if (text.length > MAX_VARIABLE_VALUE) {
        return { ok: false, reason: `variables.${key} is longer than ${MAX_VARIABLE_VALUE} characters` };
      }
      vars[key] = text;
    }
  }
  return {
    ok: true,
    prospect: {
      campaign_id: campaignId,
      phone: parsed.e164,
      area_code: parsed.nanpAreaCode ?? null,
      timezone: zone,
      variables: JSON.stringify(vars),
    },
  };
}

/** Turns CSV records into prospects: the `phone` and `timezone` columns, the others as variables. */
export async function* prospectsFromCsv(upload: CsvUpload): AsyncGenerator<RawProspect> {
  let phoneColumn: string | undefined;
  let zoneColumn: string | undefined;
  for await (const record of upload.records) {
    if (phoneColumn === undefined) {
      const header = upload.header ?? [];
      phoneColumn = findColumn(header, PHONE_COLUMNS);
      if (phoneColumn === undefined) {
        throw new BadRequestException(
          `CSV has no "phone" column (header: ${header.join(', ').slice(0, 200)})`,
        );
      }
      zoneColumn = findColumn(header, TIMEZONE_COLUMNS);
    }
    const variables: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) {
      if (key !== phoneColumn && key !== zoneColumn && value !== undefined && value !== '')
        variables[key] = value;
    }
    yield {
      phone: record[phoneColumn] ?? '',
      timezone: zoneColumn ? record[zoneColumn] : undefined,
      variables,
    };
  }
  if (phoneColumn === undefined) {
    const header = upload.header;
    if (!header)
      throw new BadRequestException('CSV upload is empty: expected a header row with a "phone" column');
    if (!findColumn(header, PHONE_COLUMNS)) {
      throw new BadRequestException(`CSV has no "phone" column (header: ${header.join(', ').slice(0, 200)})`);
    }
  }
}

function toProspectView(p: Prospect): ProspectView {
  return {
    id: p.id,
    phone: p.phone,
    areaCode: p.area_code,
    timezone: p.timezone,
    variables: p.variables,
    status: p.status,
    attemptCount: p.attempt_count,
    nextAttemptAt: p.next_attempt_at.toISOString(),
    lastOutcome: p.last_outcome,
    statusReason: p.status_reason,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
  };
}

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
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toProspectView),
      nextCursor: rows.length > limit && last ? encodeCursor({ id: last.id }) : null,
    };
  }
}
