import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { parsePhoneNumber } from '@engine/domain';
import { isKnownTimeZone } from '../time-zones';

/**
 * Zod building blocks shared by the request schemas. Each is validation and documentation at once
 * (nestjs-zod renders the OpenAPI document from them), so the two cannot drift apart.
 */

const DIGITS = /^-?\d{1,16}$/;

/**
 * An integer query parameter. Query values arrive as text: only plain decimal digits become a
 * number (no `1e3`, hex, blanks or `Infinity`, which `Number()` would accept), then the bounds
 * apply, so an absurd value such as `1.8e308` is a 400 naming the parameter, never a database error.
 */
export function queryInt(min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && DIGITS.test(value) ? Number(value) : value),
    z.number().int().min(min).max(max),
  );
}

/**
 * A phone number in any common format, normalised later to E.164. The check is libphonenumber's
 * (a number must be valid for its region's numbering plan), which no JSON Schema pattern can say:
 * the document names it with the `phone` format.
 */
export const phoneNumber = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    const parsed = parsePhoneNumber(value);
    if (!parsed.ok)
      ctx.addIssue({
        code: 'custom',
        message: `invalid phone number ${JSON.stringify(value)}: ${parsed.reason}`,
      });
  })
  .meta({
    format: 'phone',
    description: 'a phone number valid for its region, E.164 or national (US default) format',
    example: '+14155550100',
  });

/** An IANA zone name the engine can compute calling windows in. */
export const timeZone = z
  .string()
  .max(64)
  .refine((value) => isKnownTimeZone(value), {
    message: 'must be an IANA time zone such as "America/Chicago"',
  })
  .meta({ format: 'time-zone', description: 'an IANA time-zone name', example: 'America/Chicago' });

/* eslint-disable no-control-regex -- NUL is the character these refuse */
const NO_NUL = /^[^\u0000]*$/;
const NO_NUL_NOT_BLANK = /^[^\u0000]*[^\u0000\t\n\r ][^\u0000]*$/;
/* eslint-enable no-control-regex */

// With the `u` flag a surrogate pair is one character: only a lone surrogate matches.
const LONE_SURROGATE = /[\ud800-\udfff]/gu;

/**
 * Replaces each lone surrogate (a JSON `"\ud800"` escape) with U+FFFD, as Postgres does for text
 * columns, where jsonb would refuse the whole value. Not a pattern: generators cannot use one
 * that names surrogates, and no client but JavaScript can produce them anyway.
 */
export const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\ufffd');

/**
 * Text that is stored: Postgres text cannot hold a NUL character (the insert would fail, a 500),
 * so the pattern refuses it. `nonBlank`: it must also contain a character other than space, tab,
 * CR and LF (spelled out: `\s` means different sets in JavaScript and in other regex engines that
 * read the document). Lone surrogates are replaced (see {@link wellFormed}).
 */
export function storedText(max: number, options: { nonBlank?: boolean } = {}) {
  const text = options.nonBlank
    ? z.string().max(max).regex(NO_NUL_NOT_BLANK, 'must not be blank or contain NUL (\\u0000) characters')
    : z.string().max(max).regex(NO_NUL, 'must not contain NUL (\\u0000) characters');
  return text.overwrite(wellFormed);
}

/** A resource id: any RFC 4122-shaped UUID, as Postgres stores them. */
export const uuid = z.guid({ error: 'must be a UUID' }).meta({ format: 'uuid' });

/** `:id` path parameter. */
export class IdParams extends createZodDto(z.object({ id: uuid }).strict()) {}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** `?limit=&cursor=`, the same on every list. */
export const pageQuery = {
  limit: queryInt(1, MAX_PAGE_SIZE)
    .optional()
    .meta({ description: `page size (default ${DEFAULT_PAGE_SIZE})`, default: DEFAULT_PAGE_SIZE }),
  cursor: z.string().max(500).optional().meta({
    format: 'cursor',
    description:
      "the previous page's nextCursor, opaque; absent or empty for the first page. A cursor this list did not return is a 400",
  }),
};
