import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { SuppressionSource } from '@engine/db';
import { SuppressionSources } from '@engine/db';
import { pageQuery, phoneNumber, storedText } from '../common/contract/fields';
import { createUnionDto } from '../common/contract/union-dto';
import { jsonOrCsvBody } from '../common/contract/upload-body';

export const MAX_BULK_SUPPRESSIONS = 100_000;
export const MAX_REASON = 500;
/** Names the phone column may have in a CSV (any case). */
export const CSV_PHONE_COLUMNS = ['phone', 'phone_number', 'phonenumber', 'number'] as const;

/**
 * A CSV the import reads, as a pattern (RFC 4180 fields: quoted with "" escapes, or without quotes,
 * commas or line breaks; spaces around them ignored; records end all with CRLF or all with LF)
 * whose header row has a phone column. It is
 * the document's statement of what the parser takes, so that a client (or the contract fuzz)
 * reading the schema knows which text is a CSV and which a 400.
 */
const CSV_PATTERN = (() => {
  const anyCase = (word: string) =>
    [...word].map((c) => (c === '_' ? '_' : `[${c.toUpperCase()}${c}]`)).join('');
  const phoneName = `(?:${CSV_PHONE_COLUMNS.map(anyCase).join('|')})`;
  const field = '(?:[ \\t]*"(?:[^"]|"")*"[ \\t]*|[^",\\r\\n]*)';
  const phoneField = `(?:[ \\t]*"[ \\t]*${phoneName}[ \\t]*"[ \\t]*|[ \\t]*${phoneName}[ \\t]*)`;
  const header = `(?:${field},)*${phoneField}(?:,${field})*`;
  const row = `${field}(?:,${field})*`;
  // The parser takes the first line break as the record delimiter: CRLF or LF, not a mix.
  return `^\\uFEFF?${header}(?:(?:\\r\\n${row})+|(?:\\n${row})+)?$`;
})();

const CSV_TEXT = {
  type: 'string',
  pattern: CSV_PATTERN,
  description:
    'CSV with a header row naming a phone column (phone, phone_number, phonenumber or number, any case) and ' +
    'optionally reason; other columns are ignored. Streamed: up to 512 MiB, records up to 64 KiB.',
};

/** The body of POST /suppressions, per media type: JSON (one or many), or a CSV streamed. */
export const SUPPRESSIONS_BODY = (jsonRef: string) =>
  jsonOrCsvBody({
    jsonRef,
    csv: CSV_TEXT,
    filePart: { ...CSV_TEXT, description: `the CSV file part. ${CSV_TEXT.description}` },
  });

const reason = storedText(MAX_REASON).meta({ description: 'why (kept with the entry)' });

const OneSuppression = z
  .object({
    phone: phoneNumber.meta({ description: 'one number, any common format; stored as E.164' }),
    reason: reason.optional(),
  })
  .strict();

const ManySuppressions = z
  .object({
    phones: z.array(z.string().max(40)).min(1).max(MAX_BULK_SUPPRESSIONS).meta({
      description: 'many numbers; one that is not a valid phone number is reported in `rejected`',
    }),
    reason: reason.optional(),
  })
  .strict();

/** The JSON body: one number or many (the document's `anyOf`; the two never both fit). */
const CreateSuppressionSchema = z.union([OneSuppression, ManySuppressions]);

export type CreateSuppression = z.output<typeof CreateSuppressionSchema>;

/**
 * The schema of the JSON body by the shape it names (`phones` present: many; else one), so a 400
 * names the field that failed instead of "fits neither shape"; `{phone, phones}` is then an
 * unknown field `phone`.
 */
export function createSuppressionSchemaFor(body: unknown) {
  const many = typeof body === 'object' && body !== null && 'phones' in body;
  return many ? ManySuppressions : OneSuppression;
}

/** Either one number (`phone`) or many (`phones`), with an optional reason. */
export class CreateSuppressionDto extends createUnionDto(CreateSuppressionSchema) {}

export class PhoneParams extends createZodDto(
  z
    .object({
      phone: phoneNumber.meta({
        description: 'URL-encode the +, e.g. %2B14155550123; national formats work too',
      }),
    })
    .strict(),
) {}

export class ListSuppressionsQuery extends createZodDto(z.object({ ...pageQuery }).strict()) {}

export class SuppressionView {
  @ApiProperty({ description: 'E.164', example: '+14155550123' }) phone!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({
    enum: SuppressionSources,
    description:
      'api / import: added by you; opt_out: the recipient replied STOP; manual: added by an operator',
  })
  source!: SuppressionSource;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SuppressionCreated extends SuppressionView {
  @ApiProperty({ description: 'false when the number was already suppressed (its original entry is kept)' })
  created!: boolean;
}

export class RejectedRow {
  @ApiProperty({ type: 'integer', minimum: 1, description: '1-based position in the list or CSV' })
  row!: number;
  @ApiProperty() reason!: string;
}

export class BulkSuppressionResult {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'numbers newly suppressed' }) added!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'valid numbers that were already suppressed (or repeated)',
  })
  duplicates!: number;
  @ApiProperty({ type: [RejectedRow], description: 'the first 1,000 rejected rows' })
  rejected!: RejectedRow[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'all rejected rows' }) rejectedCount!: number;
}

export class SuppressionPage {
  @ApiProperty({ type: [SuppressionView], description: 'by phone number' }) items!: SuppressionView[];
  @ApiProperty({ nullable: true, type: String, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
