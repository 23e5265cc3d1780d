import { readFileSync } from 'node:fs';
import type { ReassignedAnswer, ReassignedNumbersDatabase, ReassignedQuery } from './reassigned-numbers';

/**
 * No Reassigned Numbers Database: every number is `no_data`, and nothing is asked of anyone. The
 * default (`REASSIGNED_NUMBERS=none`): contacts proceed on their consent as before.
 */
export class NoReassignedNumbersDatabase implements ReassignedNumbersDatabase {
  check(queries: readonly ReassignedQuery[]): Promise<Map<string, ReassignedAnswer>> {
    return Promise.resolve(new Map(queries.map((q) => [q.phone, 'no_data' as const])));
  }
}

/** A number the stub reports as permanently disconnected, and since when. */
export interface Disconnection {
  phone: string;
  disconnectedAt: Date;
}

const DAY_MS = 86_400_000;
/** The UTC day of a moment: the RND answers for dates, not times. */
const dayOf = (at: Date) => Math.floor(at.getTime() / DAY_MS);

/**
 * A stand-in RND answering from a list of disconnections (tests, demos; `REASSIGNED_NUMBERS=file`):
 * `yes` for a listed number disconnected on or after the consent's day (the same day counts:
 * when unsure, the number is not contacted), `no` for every other number.
 */
export class ListedReassignedNumbers implements ReassignedNumbersDatabase {
  private readonly disconnected = new Map<string, number>();

  constructor(disconnections: Iterable<Disconnection>) {
    for (const { phone, disconnectedAt } of disconnections) {
      // The latest disconnection is the one any consent date is compared with.
      const day = dayOf(disconnectedAt);
      this.disconnected.set(phone, Math.max(day, this.disconnected.get(phone) ?? day));
    }
  }

  check(queries: readonly ReassignedQuery[]): Promise<Map<string, ReassignedAnswer>> {
    const earliest = new Map<string, number>();
    for (const q of queries)
      earliest.set(q.phone, Math.min(dayOf(q.consentedAt), earliest.get(q.phone) ?? Infinity));
    const answers = new Map<string, ReassignedAnswer>();
    for (const [phone, consentDay] of earliest) {
      const disconnectedDay = this.disconnected.get(phone);
      answers.set(phone, disconnectedDay !== undefined && disconnectedDay >= consentDay ? 'yes' : 'no');
    }
    return Promise.resolve(answers);
  }
}

const E164 = /^\+[1-9]\d{6,14}$/;
const ISO_DAY_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Reads the stub's CSV: a header `phone,disconnected_at`, then one E.164 number and an ISO 8601
 * date (or date-time) per line. Blank lines and lines starting with `#` are skipped. A malformed
 * line throws, naming the line and the column, so a bad file stops the worker at start-up.
 */
export function parseDisconnectionsCsv(text: string, source = 'reassigned numbers file'): Disconnection[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').trim().toLowerCase().replace(/\s/g, '');
  if (header !== 'phone,disconnected_at')
    throw new Error(`${source}: line 1 must be the header "phone,disconnected_at"`);
  const entries: Disconnection[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (index === 0 || line === '' || line.startsWith('#')) continue;
    const [phone = '', date = '', ...rest] = line.split(',').map((c) => c.trim());
    const where = `${source}: line ${index + 1}`;
    if (rest.length > 0) throw new Error(`${where} has more than two columns`);
    if (!E164.test(phone))
      throw new Error(`${where}: phone ${JSON.stringify(phone)} is not E.164 (+14155550123)`);
    const at = ISO_DAY_OR_TIME.test(date)
      ? new Date(date.length === 10 ? `${date}T00:00:00Z` : date)
      : undefined;
    if (!at || Number.isNaN(at.getTime()))
      throw new Error(
        `${where}: disconnected_at ${JSON.stringify(date)} is not an ISO 8601 date (2025-03-01)`,
      );
    entries.push({ phone, disconnectedAt: at });
  }
  return entries;
}

/** How the worker answers reassigned-number questions (`REASSIGNED_NUMBERS`, `REASSIGNED_NUMBERS_FILE`). */
export type ReassignedNumbersSetting = { kind: 'none' } | { kind: 'file'; path: string };

/** The stub the setting names; a `file` is read (and checked) now, once. */
export function createReassignedNumbersDatabase(
  setting: ReassignedNumbersSetting,
): ReassignedNumbersDatabase {
  if (setting.kind === 'none') return new NoReassignedNumbersDatabase();
  const text = readFileSync(setting.path, 'utf8');
  return new ListedReassignedNumbers(parseDisconnectionsCsv(text, `REASSIGNED_NUMBERS_FILE ${setting.path}`));
}
