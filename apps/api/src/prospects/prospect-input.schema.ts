import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ProspectStatuses } from '@engine/db';
import { pageQuery, storedText } from '../common/contract/fields';

/**
 * Request schemas of /api/campaigns/:id/prospects. A JSON upload is refused as a whole (400
 * naming the row's path) only when a row is malformed: wrong types, unknown keys, limits. A row
 * that is well formed but unusable (a number no numbering plan has, an unknown zone) is reported
 * in the answer's `rejected` list while the others load, exactly as for a CSV row.
 */

/** Most prospects one JSON request may carry; a bigger list goes as a streamed CSV. */
export const MAX_JSON_PROSPECTS = 100_000;
export const MAX_VARIABLES = 100;
export const MAX_VARIABLE_NAME = 100;
export const MAX_VARIABLE_VALUE = 2000;

/** An optional text field whose content is checked per row (a bad value rejects the row, not the request). */
const optionalText = (max: number, description: string, example: string) =>
  z.string().max(max).nullable().optional().meta({ description, example });

const complianceFields = {
  state: optionalText(
    64,
    "the number's US state, territory or Canadian province: 2-letter code ('FL'), name ('Florida') or " +
      "ISO 3166-2 code ('US-FL'); stored as the ISO code. An unknown one rejects the row",
    'FL',
  ),
  zip: optionalText(
    16,
    'US ZIP (12345 or 12345-6789) or Canadian postal code (A1A 1A1); same as `postal_code`. A malformed one rejects the row',
    '33101',
  ),
  postal_code: optionalText(16, 'same as `zip`', 'M5V 2T6'),
  consent_date: optionalText(
    40,
    'when the person consented to be contacted: ISO 8601 date or date-time (no offset: UTC), not in the ' +
      'future; same as `consented_at`. Numbers reassigned since then are not contacted. A malformed one rejects the row',
    '2025-03-01',
  ),
  consented_at: optionalText(40, 'same as `consent_date`', '2025-03-01T14:30:00Z'),
};

const ProspectRowSchema = z
  .object({
    phone: z
      .union(
        [z.string().max(40).meta({ format: 'phone' }), z.number().int().min(0).max(999_999_999_999_999)],
        {
          error: (issue) =>
            issue.code === 'invalid_union' ? 'must be a string, or a number made of the digits' : undefined,
        },
      )
      .meta({
        description:
          'any common format (a bare number is read as its digits); stored as E.164. A number that is not ' +
          'valid for its region rejects the row (listed in `rejected`), not the request',
        example: '+14155550123',
      }),
    timezone: z
      .string()
      .max(64)
      .nullable()
      .optional()
      .meta({
        format: 'time-zone',
        description:
          "the prospect's IANA zone; absent, null or empty: inferred from the area code, else the campaign's. " +
          'An unknown zone rejects the row (listed in `rejected`), not the request',
      }),
    ...complianceFields,
    variables: z
      .record(
        storedText(MAX_VARIABLE_NAME).min(1),
        z.union([storedText(MAX_VARIABLE_VALUE), z.number(), z.boolean(), z.null()], {
          error: (issue) =>
            issue.code === 'invalid_union' ? 'must be a string, number, boolean or null' : undefined,
        }),
      )
      .refine((vars) => Object.keys(vars).length <= MAX_VARIABLES, {
        message: `at most ${MAX_VARIABLES} variables`,
      })
      .nullable()
      .optional()
      .meta({
        description: 'template variables; numbers and booleans are stored as text, null values are left out',
        maxProperties: MAX_VARIABLES,
      }),
  })
  .strict()
  .meta({ id: 'ProspectInput' });

export class ProspectsUploadDto extends createZodDto(
  z
    .object({
      prospects: z
        .array(ProspectRowSchema)
        .max(MAX_JSON_PROSPECTS, `at most ${MAX_JSON_PROSPECTS} prospects per JSON request; upload a CSV`),
    })
    .strict(),
) {}

export class ListProspectsQuery extends createZodDto(
  z
    .object({
      status: z.enum(ProspectStatuses).optional(),
      ...pageQuery,
    })
    .strict(),
) {}
