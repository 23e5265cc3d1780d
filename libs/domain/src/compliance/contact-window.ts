import type { IANAZone } from 'luxon';
import { DateTime } from 'luxon';
import { fnv1a32 } from '../calling-window/fnv1a';
import type { ClockWindow, DayRange } from '../calling-window/window-config';
import { DAY_MS, isInsideRange } from '../calling-window/window-config';
import { ianaZone, nextInstantInZone, zoneOffsetMs } from '../calling-window/zone-clock';
import type { DayRuleSource, DayWindow, RecipientRules } from './day-window';
import { dayWindow, dayWindowClock } from './day-window';

/** How far ahead a search for the next allowed instant looks (a week of Sunday and holiday bans fits). */
export const CONTACT_WINDOW_HORIZON_DAYS = 14;

/** A spread start always leaves at least this long before the window closes. */
const MIN_TIME_BEFORE_CLOSE_MS = 60_000;
const DEFAULT_SPREAD_MS = 900_000;
const MAX_ROUNDS = 1_000;

/** Thrown when a recipient has no allowed instant within {@link CONTACT_WINDOW_HORIZON_DAYS}. */
export class NoContactWindowError extends Error {
  readonly code = 'no_contact_window';
  constructor(message: string) {
    super(message);
    this.name = 'NoContactWindowError';
  }
}

/** A recipient's zones (several for a split area code) and the rules that bind them. */
export interface ContactWindowInput extends RecipientRules {
  readonly zones: readonly string[];
}

/** Options of {@link ContactWindow.nextAllowed}. */
export interface NextAllowedOptions {
  /** Stable per-recipient key: a closed window's opening is spread by a hash of it. */
  readonly spreadKey?: string | undefined;
  /** Width of the spread in milliseconds; default 15 minutes. */
  readonly spreadMs?: number | undefined;
}

/** What applied to one zone at an instant, for the compliance report. */
export interface ZoneExplanation {
  readonly zone: string;
  /** Local wall-clock time, ISO 8601 with offset. */
  readonly localTime: string;
  readonly allowedHours: ClockWindow | null;
  readonly sources: readonly DayRuleSource[];
}

/** Whether an instant was allowed, why, and the first allowed instant at or after it. */
export interface ContactExplanation {
  readonly allowed: boolean;
  readonly zones: readonly ZoneExplanation[];
  /** The instant itself when allowed; else the next allowed instant (null beyond the horizon). */
  readonly allowedFrom: Date | null;
}

/** A zone's local calendar day at an instant, by offset arithmetic (luxon objects cost ~100 µs). */
interface LocalDay {
  readonly date: string;
  readonly weekday: number;
  readonly timeOfDayMs: number;
}

function localDay(zone: IANAZone, t: number): LocalDay {
  const wall = t + zoneOffsetMs(zone, t);
  const dayNumber = Math.floor(wall / DAY_MS);
  return {
    date: new Date(dayNumber * DAY_MS).toISOString().slice(0, 10),
    // 1970-01-01 was a Thursday (4, counting Monday as 1 like luxon).
    weekday: ((((dayNumber + 3) % 7) + 7) % 7) + 1,
    timeOfDayMs: wall - dayNumber * DAY_MS,
  };
}

/** The first minute of a local day, to find the next local midnight with `nextInstantInZone`. */
const FIRST_MINUTE: DayRange = { startMs: 0, endMs: 60_000 };

/** The instant the next local day starts, strictly after `t`. */
function nextLocalMidnight(zone: IANAZone, t: number, tod: number): number {
  const from = tod < FIRST_MINUTE.endMs ? t + (FIRST_MINUTE.endMs - tod) : t;
  return nextInstantInZone(zone, from, FIRST_MINUTE, true);
}

/**
 * The one window function: the instants at which a recipient may be contacted are those allowed
 * in every one of its zones by the channel's federal window, every jurisdiction rule of its
 * regions (hours by weekday, Sunday and holiday bans), and the campaign's own hours. Calling-window
 * checks, re-queue times and the re-check right before the carrier all ask this object.
 */
export class ContactWindow {
  private readonly zones: readonly { readonly name: string; readonly zone: IANAZone }[];
  private readonly days = new Map<string, DayWindow>();

  constructor(private readonly input: ContactWindowInput) {
    if (input.zones.length === 0) throw new RangeError('at least one time zone is required');
    this.zones = input.zones.map((name) => ({ name, zone: ianaZone(name) }));
  }

  /** Whether the recipient may be contacted at `at`. */
  isAllowed(at: Date): boolean {
    const t = epoch(at);
    return this.zones.every(({ zone }) => this.allowedInZone(zone, t));
  }

  /**
   * The earliest allowed instant >= `from` (`from` itself when allowed). With a spread key and a
   * closed window, the opening is pushed by a hash of the key so that an opening does not release
   * every waiting recipient in the same second, always leaving a minute before it closes.
   *
   * @throws NoContactWindowError when nothing is allowed within the horizon.
   */
  nextAllowed(from: Date, options: NextAllowedOptions = {}): Date {
    const start = epoch(from);
    const open = this.firstAllowedFrom(start);
    if (open === undefined) {
      throw new NoContactWindowError(
        `no ${this.input.channel} contact allowed within ${CONTACT_WINDOW_HORIZON_DAYS} days in ` +
          `${this.input.zones.join(' + ')} under the rules of ${this.input.regions.join(', ') || 'no state'}`,
      );
    }
    if (open === start || options.spreadKey === undefined) return new Date(open);
    const closes = this.closeAfter(open) ?? open;
    const spread = Math.min(options.spreadMs ?? DEFAULT_SPREAD_MS, closes - open - MIN_TIME_BEFORE_CLOSE_MS);
    return new Date(spread >= 1 ? open + (fnv1a32(options.spreadKey) % spread) : open);
  }

  /** When the allowed stretch containing `at` ends; `undefined` when `at` is not allowed. */
  closesAfter(at: Date): Date | undefined {
    const close = this.closeAfter(epoch(at));
    return close === undefined ? undefined : new Date(close);
  }

  /** The local times, allowed hours and rules of every zone at `at`, for the compliance report. */
  explain(at: Date): ContactExplanation {
    const t = epoch(at);
    const zones = this.zones.map(({ name, zone }) => {
      const day = localDay(zone, t);
      const window = this.dayOf(day);
      return {
        zone: name,
        localTime: DateTime.fromMillis(t, { zone }).toISO({ suppressMilliseconds: true }) ?? '',
        allowedHours: dayWindowClock(window),
        sources: window.sources,
      };
    });
    const next = this.firstAllowedFrom(t);
    return { allowed: next === t, zones, allowedFrom: next === undefined ? null : new Date(next) };
  }

  private allowedInZone(zone: IANAZone, t: number): boolean {
    const day = localDay(zone, t);
    return isInsideRange(this.dayOf(day).range, day.timeOfDayMs);
  }

  private closeAfter(t: number): number | undefined {
    let close = Infinity;
    for (const { zone } of this.zones) {
      const day = localDay(zone, t);
      const { range } = this.dayOf(day);
      if (!isInsideRange(range, day.timeOfDayMs)) return undefined;
      close = Math.min(close, nextInstantInZone(zone, t, range, false));
    }
    return close;
  }

  /** No instant before the latest per-zone opening can be allowed: jump there until all agree. */
  private firstAllowedFrom(from: number): number | undefined {
    const limit = from + CONTACT_WINDOW_HORIZON_DAYS * DAY_MS;
    let t = from;
    for (let round = 0; round < MAX_ROUNDS && t <= limit; round++) {
      let latest = t;
      for (const { zone } of this.zones) {
        const next = this.nextInZone(zone, t, limit);
        if (next === undefined) return undefined;
        latest = Math.max(latest, next);
      }
      if (latest === t) return t;
      t = latest;
    }
    return undefined;
  }

  /**
   * The earliest instant >= `from` allowed in the zone: that day's allowed range entered (wall-clock
   * arithmetic that handles DST gaps, see `nextInstantInZone`), else the next day's, and so on.
   */
  private nextInZone(zone: IANAZone, from: number, limit: number): number | undefined {
    let t = from;
    while (t <= limit) {
      const day = localDay(zone, t);
      const { range } = this.dayOf(day);
      if (range.startMs < range.endMs) {
        const open = nextInstantInZone(zone, t, range, true);
        if (localDay(zone, open).date === day.date) return open;
      }
      t = nextLocalMidnight(zone, t, day.timeOfDayMs);
    }
    return undefined;
  }

  private dayOf(day: LocalDay): DayWindow {
    let window = this.days.get(day.date);
    if (window === undefined) {
      window = dayWindow(this.input, day.date, day.weekday);
      // Bounded: one recipient asks about a handful of days; a long-lived object must not grow.
      if (this.days.size > 64) this.days.clear();
      this.days.set(day.date, window);
    }
    return window;
  }
}

function epoch(at: Date): number {
  const t = at.getTime();
  if (!Number.isFinite(t)) throw new RangeError('the instant is an invalid Date');
  return t;
}
