import { z } from 'zod';

/** How far ahead a call may be scheduled. */
export const MAX_SCHEDULE_DAYS = 90;
const DAY_MS = 86_400_000;

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;

/**
 * An ISO 8601 date-time with its offset (`Z` or `±hh:mm`), a real calendar time; undefined when
 * the text is not one. Without an offset a time would mean a different instant to each reader.
 */
export function parseIsoInstant(text: string): Date | undefined {
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', fraction = '', offset = 'Z'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${offset}`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/**
 * When a call is due: a time in the past (or now) means now; more than {@link MAX_SCHEDULE_DAYS}
 * days ahead is refused. JSON Schema cannot say "relative to now": the document names the check
 * with the `schedule-time` format.
 */
export const scheduledAt = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    const at = parseIsoInstant(value);
    if (!at) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an ISO 8601 date-time with an offset, e.g. 2025-01-15T14:30:00Z',
      });
    } else if (at.getTime() > Date.now() + MAX_SCHEDULE_DAYS * DAY_MS) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_SCHEDULE_DAYS} days ahead` });
    }
  })
  .meta({
    format: 'schedule-time',
    description:
      `when to call: an ISO 8601 date-time with its offset (Z or ±hh:mm), at most ${MAX_SCHEDULE_DAYS} days ` +
      'ahead; a time in the past means now. Absent: now',
    example: '2025-01-15T14:30:00Z',
  });
