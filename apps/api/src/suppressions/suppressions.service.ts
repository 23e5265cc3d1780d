import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database, Suppression, SuppressionInput, SuppressionSource } from '@engine/db';
import { addSuppressions, findSuppression, listSuppressionsPage, removeSuppression } from '@engine/db';
import { parsePhoneNumber } from '@engine/domain';
import type { CsvUpload } from '../common/csv-upload';
import { findColumn } from '../common/csv-upload';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../common/pagination';
import { IMPORT_BATCH_SIZE, RejectionList } from '../common/row-import';
import { DB } from '../infrastructure/tokens';
import type {
  BulkSuppressionResult,
  SuppressionCheck,
  SuppressionCreated,
  SuppressionPage,
  SuppressionView,
} from './suppression.dto';

const MAX_REASON = 500;

function toView(s: Suppression): SuppressionView {
  return { phone: s.phone, reason: s.reason, source: s.source, createdAt: s.created_at.toISOString() };
}

/** A phone from a URL path or a body: E.164 or a 400 that says what is wrong. */
export function e164OrBadRequest(phone: string, field = 'phone'): string {
  const parsed = parsePhoneNumber(phone);
  if (!parsed.ok)
    throw new BadRequestException(`${field} ${JSON.stringify(phone)} is invalid: ${parsed.reason}`);
  return parsed.e164;
}

const isPhoneCursor = (v: unknown): v is { p: string } =>
  typeof v === 'object' && v !== null && typeof (v as { p?: unknown }).p === 'string';

/** The customer's do-not-contact list. */
@Injectable()
export class SuppressionsService {
  constructor(@Inject(DB) private readonly db: Kysely<Database>) {}

  async addOne(customerId: string, phone: string, reason: string | undefined): Promise<SuppressionCreated> {
    const e164 = e164OrBadRequest(phone);
    const created =
      (await addSuppressions(this.db, customerId, [{ phone: e164, reason: reason ?? null, source: 'api' }])) >
      0;
    const entry = await findSuppression(this.db, customerId, e164);
    if (!entry) throw new NotFoundException(`suppression ${e164} vanished`);
    return { ...toView(entry), created };
  }

  /** Bulk add from a list or a CSV stream, in batches of 1,000. */
  async addMany(
    customerId: string,
    rows:
      AsyncIterable<{ phone: unknown; reason?: unknown }> | Iterable<{ phone: unknown; reason?: unknown }>,
    source: SuppressionSource,
    defaultReason: string | null,
  ): Promise<BulkSuppressionResult> {
    const rejected = new RejectionList();
    let added = 0;
    let duplicates = 0;
    let rowNumber = 0;
    let batch: SuppressionInput[] = [];
    const flush = async () => {
      const n = await addSuppressions(this.db, customerId, batch);
      added += n;
      duplicates += batch.length - n;
      batch = [];
    };
    for await (const row of rows) {
      rowNumber += 1;
      if (typeof row.phone !== 'string' && typeof row.phone !== 'number') {
        rejected.add(
          rowNumber,
          row.phone === undefined || row.phone === null ? 'phone is missing' : 'phone must be a string',
        );
        continue;
      }
      const parsed = parsePhoneNumber(String(row.phone));
      if (!parsed.ok) {
        rejected.add(rowNumber, `phone ${JSON.stringify(String(row.phone))}: ${parsed.reason}`);
        continue;
      }
      const reason =
        typeof row.reason === 'string' && row.reason !== '' ? row.reason.slice(0, MAX_REASON) : defaultReason;
      batch.push({ phone: parsed.e164, reason, source });
      if (batch.length >= IMPORT_BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
    return { added, duplicates, rejected: rejected.rows, rejectedCount: rejected.count };
  }

  async remove(customerId: string, phone: string): Promise<void> {
    const e164 = e164OrBadRequest(phone);
    if (!(await removeSuppression(this.db, customerId, e164)))
      throw new NotFoundException(`${e164} is not suppressed`);
  }

  async check(customerId: string, phone: string): Promise<SuppressionCheck> {
    const e164 = e164OrBadRequest(phone);
    const entry = await findSuppression(this.db, customerId, e164);
    return { phone: e164, suppressed: entry !== undefined, entry: entry ? toView(entry) : null };
  }

  async list(customerId: string, limit = DEFAULT_PAGE_SIZE, cursor?: string): Promise<SuppressionPage> {
    const after = decodeCursor(cursor, isPhoneCursor);
    const rows = await listSuppressionsPage(this.db, customerId, limit + 1, after?.p);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toView),
      nextCursor: rows.length > limit && last ? encodeCursor({ p: last.phone }) : null,
    };
  }
}

/** CSV rows for a suppression import: a `phone` column and an optional `reason`. */
export async function* suppressionsFromCsv(
  upload: CsvUpload,
): AsyncGenerator<{ phone: unknown; reason?: unknown }> {
  let phoneColumn: string | undefined;
  let reasonColumn: string | undefined;
  for await (const record of upload.records) {
    if (phoneColumn === undefined) {
      const header = upload.header ?? [];
      phoneColumn = findColumn(header, ['phone', 'phone_number', 'phonenumber', 'number']);
      if (phoneColumn === undefined) throw new BadRequestException('CSV has no "phone" column');
      reasonColumn = findColumn(header, ['reason']);
    }
    yield { phone: record[phoneColumn] ?? '', reason: reasonColumn ? record[reasonColumn] : undefined };
  }
  if (phoneColumn === undefined && !upload.header) {
    throw new BadRequestException('CSV upload is empty: expected a header row with a "phone" column');
  }
}
