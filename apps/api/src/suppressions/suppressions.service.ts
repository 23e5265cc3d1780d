import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database, Suppression, SuppressionInput, SuppressionSource } from '@engine/db';
import { addSuppressions, findSuppression, listSuppressionsPage, removeSuppression } from '@engine/db';
import { parsePhoneNumber } from '@engine/domain';
import type { CsvUpload } from '../common/csv-upload';
import { findColumn } from '../common/csv-upload';
import { decodeCursor, DEFAULT_PAGE_SIZE, keysetPage } from '../common/pagination';
import { IMPORT_BATCH_SIZE, RejectionList } from '../common/row-import';
import { DB } from '../infrastructure/tokens';
import { apiError, fieldError } from '../common/contract/error-body';
import type {
  BulkSuppressionResult,
  SuppressionCreated,
  SuppressionPage,
  SuppressionView,
} from './suppression.dto';
import { CSV_PHONE_COLUMNS, MAX_REASON } from './suppression.dto';

function toView(s: Suppression): SuppressionView {
  return { phone: s.phone, reason: s.reason, source: s.source, createdAt: s.created_at.toISOString() };
}

/**
 * A phone from a URL path or a body as E.164. The request schemas validated it already; the 400
 * naming the field stays for callers that did not.
 */
export function e164OrBadRequest(phone: string, field = 'phone'): string {
  const parsed = parsePhoneNumber(phone);
  if (!parsed.ok) throw fieldError(field, `${JSON.stringify(phone)} is invalid: ${parsed.reason}`);
  return parsed.e164;
}

// eslint-disable-next-line no-control-regex -- NUL is the character to drop
const NUL = /\u0000/g;

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
    // Lifted by a concurrent DELETE between the insert and this read: answer what was added.
    if (!entry)
      return {
        phone: e164,
        reason: reason ?? null,
        source: 'api',
        createdAt: new Date().toISOString(),
        created,
      };
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
      // A CSV's reason is free text, cut to fit: Postgres text cannot hold NUL, so those go too.
      const reason =
        typeof row.reason === 'string' && row.reason !== ''
          ? row.reason.replace(NUL, '').slice(0, MAX_REASON)
          : defaultReason;
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

  /** The number's entry; 404 when it is not suppressed, as after DELETE. */
  async get(customerId: string, phone: string): Promise<SuppressionView> {
    const e164 = e164OrBadRequest(phone);
    const entry = await findSuppression(this.db, customerId, e164);
    if (!entry) throw new NotFoundException(`${e164} is not suppressed`);
    return toView(entry);
  }

  async list(customerId: string, limit = DEFAULT_PAGE_SIZE, cursor?: string): Promise<SuppressionPage> {
    const after = decodeCursor(cursor, isPhoneCursor);
    const rows = await listSuppressionsPage(this.db, customerId, limit + 1, after?.p);
    return keysetPage(rows, limit, toView, (last) => ({ p: last.phone }));
  }
}

/** CSV rows for a suppression import: a `phone` column and an optional `reason`. */
export async function* suppressionsFromCsv(
  upload: CsvUpload,
): AsyncGenerator<{ phone: unknown; reason?: unknown }> {
  let columns: { phone: string; reason: string | undefined } | undefined;
  for await (const record of upload.records) {
    columns ??= csvColumns(upload.header);
    yield { phone: record[columns.phone] ?? '', reason: columns.reason ? record[columns.reason] : undefined };
  }
  // A header without rows is an empty list, but only with the phone column (the same file with
  // rows would be refused).
  if (columns === undefined) csvColumns(upload.header);
}

function csvColumns(header: string[] | undefined): { phone: string; reason: string | undefined } {
  if (header === undefined) {
    throw apiError(
      HttpStatus.BAD_REQUEST,
      'CSV upload is empty: expected a header row with a "phone" column',
      {
        code: 'invalid_csv',
      },
    );
  }
  const phone = findColumn(header, CSV_PHONE_COLUMNS);
  if (phone === undefined) {
    throw apiError(HttpStatus.BAD_REQUEST, 'CSV has no "phone" column', { code: 'invalid_csv' });
  }
  return { phone, reason: findColumn(header, ['reason']) };
}
