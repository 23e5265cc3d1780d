import type { IANAZone } from 'luxon';
import { fnv1a32 } from './fnv1a';
import type { CallingChannel, ChannelWindows, DayRange } from './window-config';
import { CallingWindows, DAY_MS, isInsideRange, toDayRange } from './window-config';
import { ianaZone, localTimeOfDayMs, nextInstantInZone } from './zone-clock';

/** Default spread of {@link nextWindowOpen}: 15 minutes. */
export const DEFAULT_SPREAD_SECONDS = 900;

/** How far ahead {@link nextWindowOpen} looks before declaring that a window never opens. */
export const MAX_WINDOW_SEARCH_DAYS = 8;

/** A spread start always leaves at least this long before the window closes. */
const MIN_TIME_BEFORE_CLOSE_MS = 60_000;

/** Guards the search loop; a week of real windows takes a handful of iterations. */
const MAX_SEARCH_ITERATIONS = 10_000;

/** Options of {@link nextWindowOpen}. */
export interface NextWindowOpenOptions {
  /**
   * Stable per-recipient key (a prospect id, say). When set and the window is closed at `now`,
   * the result is pushed into the window by a deterministic offset derived from it, so that a
   * window opening does not release every re-queued recipient in the same second.
   */
  readonly spreadKey?: string | undefined;
  /** Width of the spread in seconds; default {@link DEFAULT_SPREAD_SECONDS}. */
  readonly spreadSeconds?: number | undefined;
  /** Windows to apply; default {@link CallingWindows}. */
  readonly windows?: ChannelWindows | undefined;
}

interface Check {
  readonly zones: readonly IANAZone[];
  readonly range: DayRange;
}

function check(channel: CallingChannel, zones: readonly string[], windows: ChannelWindows): Check {
  const spec = (windows as Partial<ChannelWindows>)[channel];
  if (spec === undefined) throw new RangeError(`no calling window for channel ${JSON.stringify(channel)}`);
  // An empty list would make "open in every zone" vacuously true: callable around the clock.
  if (zones.length === 0) throw new RangeError('at least one time zone is required');
  return { zones: zones.map(ianaZone), range: toDayRange(spec) };
}

function epochMs(now: Date): number {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('now is an invalid Date');
  return ms;
}

function callableAt(c: Check, instant: number): boolean {
  return c.zones.every((zone) => isInsideRange(c.range, localTimeOfDayMs(zone, instant)));
}

/**
 * No instant before the latest next opening among the zones can be callable, so jumping there
 * skips nothing; repeating until every zone is open at once finds the first common instant.
 */
function firstCallableFrom(c: Check, from: number, limit: number): number | undefined {
  let instant = from;
  for (let i = 0; i < MAX_SEARCH_ITERATIONS && instant <= limit; i++) {
    let latest = instant;
    for (const zone of c.zones) latest = Math.max(latest, nextInstantInZone(zone, instant, c.range, true));
    if (latest === instant) return instant;
    instant = latest;
  }
  return undefined;
}

/** The first instant >= `from` at which some zone's window is closed; `from` must be callable. */
function firstClosedFrom(c: Check, from: number): number {
  return Math.min(...c.zones.map((zone) => nextInstantInZone(zone, from, c.range, false)));
}

/**
 * Whether `now` is inside the channel's window in every one of `zones`, by local wall-clock time
 * (start inclusive, end exclusive). Several zones (an area code straddling a time-zone line) give
 * the intersection: the later opening and the earlier closing.
 *
 * @throws RangeError when `zones` is empty or names an unknown zone, `now` is an invalid Date, or
 *   the window is malformed.
 */
export function isCallable(
  now: Date,
  channel: CallingChannel,
  zones: readonly string[],
  windows: ChannelWindows = CallingWindows,
): boolean {
  return callableAt(check(channel, zones, windows), epochMs(now));
}

/**
 * The earliest instant >= `now` at which {@link isCallable} is true; `now` itself when already
 * callable. Correct across DST changes (a window opening at 08:00 opens at 08:00 of whatever
 * offset is in force that day), in zones without DST and with half-hour offsets.
 *
 * With `options.spreadKey`, and only when the window is closed at `now`, the opening is delayed
 * by `fnv1a32(spreadKey) mod spreadSeconds` (in ms). The spread is narrowed when the window is
 * short so that the result still leaves at least a minute before the window closes.
 *
 * @throws Error when the window does not open within {@link MAX_WINDOW_SEARCH_DAYS} days: an empty
 *   window, or zones too far apart for their windows to overlap.
 * @throws RangeError on the bad input {@link isCallable} rejects, or a negative `spreadSeconds`.
 */
export function nextWindowOpen(
  now: Date,
  channel: CallingChannel,
  zones: readonly string[],
  options: NextWindowOpenOptions = {},
): Date {
  const { spreadKey, spreadSeconds = DEFAULT_SPREAD_SECONDS, windows = CallingWindows } = options;
  if (!(Number.isFinite(spreadSeconds) && spreadSeconds >= 0)) {
    throw new RangeError(`spreadSeconds must be a non-negative number, got ${spreadSeconds}`);
  }
  const c = check(channel, zones, windows);
  const from = epochMs(now);

  const open = firstCallableFrom(c, from, from + MAX_WINDOW_SEARCH_DAYS * DAY_MS);
  if (open === undefined) {
    throw new Error(
      `the ${channel} calling window never opens within ${MAX_WINDOW_SEARCH_DAYS} days in ` +
        `${zones.join(' + ')}: the window is empty or the zones' windows never overlap`,
    );
  }
  if (open === from || spreadKey === undefined) return new Date(open);

  const openFor = firstClosedFrom(c, open) - open;
  const spreadMs = Math.min(Math.floor(spreadSeconds * 1000), openFor - MIN_TIME_BEFORE_CLOSE_MS);
  return new Date(spreadMs >= 1 ? open + (fnv1a32(spreadKey) % spreadMs) : open);
}

/**
 * When the window that `now` is in closes: the first instant after `now` at which
 * {@link isCallable} is false. `undefined` when `now` is not callable, or when the window never
 * closes (a 24-hour window).
 *
 * @throws RangeError on the bad input {@link isCallable} rejects.
 */
export function windowCloseAfter(
  now: Date,
  channel: CallingChannel,
  zones: readonly string[],
  windows: ChannelWindows = CallingWindows,
): Date | undefined {
  const c = check(channel, zones, windows);
  const from = epochMs(now);
  if (!callableAt(c, from)) return undefined;
  const close = firstClosedFrom(c, from);
  return Number.isFinite(close) ? new Date(close) : undefined;
}
