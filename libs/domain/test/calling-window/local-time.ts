import { DateTime } from 'luxon';

/**
 * The instant at which the zone's wall clock shows `iso` (no offset in it). Throws for a local
 * time that does not exist, so a test can never silently probe the wrong instant.
 */
export function at(iso: string, zone: string): Date {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`invalid local time ${iso} in ${zone}: ${dt.invalidExplanation}`);
  return dt.toJSDate();
}

/** An instant given in UTC, e.g. `utc('2026-11-01T05:30')`. */
export function utc(iso: string): Date {
  return DateTime.fromISO(iso, { zone: 'UTC' }).toJSDate();
}

/** The zone's wall-clock time at the instant as `yyyy-MM-ddTHH:mm:ss`, for readable assertions. */
export function wall(instant: Date | undefined, zone: string): string | undefined {
  return instant && DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** Minutes since local midnight per luxon: an oracle independent of the code under test. */
export function luxonMinuteOfDay(instant: number, zone: string): number {
  const dt = DateTime.fromMillis(instant, { zone });
  return dt.hour * 60 + dt.minute;
}

/** Whether every zone's luxon wall clock is in [startHour, endHour). */
export function oracleCallable(
  instant: number,
  zones: readonly string[],
  startHour: number,
  endHour: number,
) {
  return zones.every((zone) => {
    const minute = luxonMinuteOfDay(instant, zone);
    return minute >= startHour * 60 && minute < endHour * 60;
  });
}
