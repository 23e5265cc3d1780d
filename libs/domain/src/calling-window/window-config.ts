/** Channels that may only reach a recipient inside their local calling window. */
export const CallingChannels = { voice: 'voice', sms: 'sms' } as const;

/** One channel; see {@link CallingChannels}. */
export type CallingChannel = (typeof CallingChannels)[keyof typeof CallingChannels];

/** A local wall-clock window in hours (fractions allowed): `startHour` inclusive, `endHour` exclusive. */
export interface HourWindow {
  readonly startHour: number;
  readonly endHour: number;
}

/** A local wall-clock window as `HH:mm` (`24:00` allowed as `end`): `start` inclusive, `end` exclusive. */
export interface ClockWindow {
  readonly start: string;
  readonly end: string;
}

/** Either form of a calling window. */
export type WindowSpec = HourWindow | ClockWindow;

/** The calling window of each channel. */
export type ChannelWindows = Readonly<Record<CallingChannel, WindowSpec>>;

/** The legal windows from the design: voice 08:00-21:00, SMS 07:00-19:00, in the recipient's local time. */
export const CallingWindows = {
  voice: { startHour: 8, endHour: 21 },
  sms: { startHour: 7, endHour: 19 },
} as const satisfies ChannelWindows;

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** A window as milliseconds since local midnight; empty when `startMs >= endMs`. */
export interface DayRange {
  readonly startMs: number;
  readonly endMs: number;
}

const CLOCK = /^(\d{2}):(\d{2})$/;

function clockMs(value: string, field: string): number {
  const match = CLOCK.exec(value);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`calling window ${field} must be "HH:mm" between 00:00 and 24:00, got "${value}"`);
  }
  return hours * HOUR_MS + minutes * MINUTE_MS;
}

function hourMs(value: number, field: string): number {
  if (!(Number.isFinite(value) && value >= 0 && value <= 24)) {
    throw new RangeError(`calling window ${field} must be a number of hours between 0 and 24, got ${value}`);
  }
  return Math.round(value * HOUR_MS);
}

/**
 * The window in milliseconds since local midnight.
 *
 * @throws RangeError when a bound is malformed or out of range. A window whose start is not
 *   before its end is not rejected here: it is empty (never callable), which callers report.
 */
export function toDayRange(spec: WindowSpec): DayRange {
  if ('startHour' in spec) {
    return { startMs: hourMs(spec.startHour, 'startHour'), endMs: hourMs(spec.endHour, 'endHour') };
  }
  return { startMs: clockMs(spec.start, 'start'), endMs: clockMs(spec.end, 'end') };
}

/** Whether a time of day (ms since local midnight) is inside the range. */
export function isInsideRange(range: DayRange, timeOfDayMs: number): boolean {
  return timeOfDayMs >= range.startMs && timeOfDayMs < range.endMs;
}
