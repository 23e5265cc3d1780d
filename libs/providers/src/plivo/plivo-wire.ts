/**
 * Small translations between the engine's conventions and Plivo's wire format, shared by the
 * adapter's parts.
 */

/** Plivo wants numbers as digits with the country code and no `+`; SIP URIs pass unchanged. */
export function toPlivoNumber(e164: string): string {
  return e164.startsWith('+') ? e164.slice(1) : e164;
}

/** Plivo reports numbers with or without the `+`; the engine keeps E.164 (`+` and digits). */
export function toE164(plivoNumber: string): string {
  const trimmed = plivoNumber.trim();
  return /^\d+$/.test(trimmed) ? `+${trimmed}` : trimmed;
}

/** True when two numbers are the same line, whatever the `+`. */
export function sameNumber(a: string | undefined, b: string): boolean {
  return a !== undefined && toE164(a) === toE164(b);
}

/**
 * Parses Plivo's timestamps (`2024-05-01 10:00:00`, with an optional fraction and offset such as
 * `+05:30`). Without an offset the time is taken as UTC, which is how Plivo's callbacks give it.
 */
export function parsePlivoTime(value: string | undefined): Date | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let iso = value.trim().replace(' ', 'T');
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) iso += 'Z';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the format of Plivo's `__gte` list filters. */
export function plivoFilterTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** A non-negative whole number of seconds from a Plivo field (`"12"`, `12`), else 0. */
export function seconds(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}
