import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CallingChannel } from '../../src/calling-window';
import { CallingWindows, isCallable, nextWindowOpen, windowCloseAfter } from '../../src/calling-window';
import { oracleCallable } from './local-time';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Single zones and area-code intersections that cover DST, no DST, half-hour offsets and more. */
const ZONE_SETS: Record<string, readonly string[]> = {
  'New York': ['America/New_York'],
  Chicago: ['America/Chicago'],
  Denver: ['America/Denver'],
  'Los Angeles': ['America/Los_Angeles'],
  'Phoenix (no DST)': ['America/Phoenix'],
  'Honolulu (no DST)': ['Pacific/Honolulu'],
  Anchorage: ['America/Anchorage'],
  'Indiana/Indianapolis': ['America/Indiana/Indianapolis'],
  "St. John's (-3:30)": ['America/St_Johns'],
  'Regina (no DST)': ['America/Regina'],
  '928 Phoenix + Denver': ['America/Phoenix', 'America/Denver'],
  '907 Anchorage + Adak': ['America/Anchorage', 'America/Adak'],
  '709 St_Johns + Halifax': ['America/St_Johns', 'America/Halifax'],
  '850 New York + Chicago': ['America/New_York', 'America/Chicago'],
  '208 Boise + Los Angeles': ['America/Boise', 'America/Los_Angeles'],
  '867 four zones': ['America/Whitehorse', 'America/Edmonton', 'America/Winnipeg', 'America/Iqaluit'],
  'London (EU DST)': ['Europe/London'],
  'Lord Howe (30 min DST)': ['Australia/Lord_Howe'],
  'Kathmandu (+5:45)': ['Asia/Kathmandu'],
  'Santiago (southern DST)': ['America/Santiago'],
};

const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);

/** 2026 transitions of the zones above: US, EU, Chile and Lord Howe. */
const TRANSITIONS = [
  '2026-03-08',
  '2026-11-01',
  '2026-03-29',
  '2026-10-25',
  '2026-04-05',
  '2026-09-06',
  '2026-10-04',
].map((day) => Date.parse(`${day}T00:00:00Z`));

/** Instants over 2026, half of them within two days of a DST change. */
const instant = fc.oneof(
  fc.integer({ min: YEAR_START, max: YEAR_END }),
  fc
    .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -2 * DAY, max: 2 * DAY }))
    .map(([transition, delta]) => transition + delta),
);

const channel = fc.constantFrom<CallingChannel>('voice', 'sms');

const oracle = (at: number, ch: CallingChannel, zones: readonly string[]) =>
  oracleCallable(at, zones, CallingWindows[ch].startHour, CallingWindows[ch].endHour);

describe.each(Object.entries(ZONE_SETS))('calling window properties in %s', (_name, zones) => {
  it('nextWindowOpen is >= now, callable, and the instant just before it is not (unless it is now)', () => {
    fc.assert(
      fc.property(instant, channel, (now, ch) => {
        const open = nextWindowOpen(new Date(now), ch, zones).getTime();
        expect(open).toBeGreaterThanOrEqual(now);
        expect(open - now).toBeLessThan(2 * DAY);
        expect(oracle(open, ch, zones)).toBe(true);
        expect(isCallable(new Date(open), ch, zones)).toBe(true);
        if (open > now) {
          expect(oracle(open - 1, ch, zones)).toBe(false);
          expect(oracle(open - MINUTE, ch, zones)).toBe(false);
        }
        expect(oracle(now, ch, zones)).toBe(open === now);
      }),
      { numRuns: 150 },
    );
  });

  it('nothing between now and nextWindowOpen is callable (1-minute steps)', () => {
    fc.assert(
      fc.property(instant, channel, (now, ch) => {
        const open = nextWindowOpen(new Date(now), ch, zones).getTime();
        for (let t = now; t < open; t += MINUTE) expect(oracle(t, ch, zones)).toBe(false);
      }),
      { numRuns: 15 },
    );
  });

  it('a spread result is still callable, within spreadSeconds of the opening and a minute before the close', () => {
    fc.assert(
      fc.property(
        instant,
        channel,
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 4 * 3600 }),
        (now, ch, spreadKey, spreadSeconds) => {
          const open = nextWindowOpen(new Date(now), ch, zones).getTime();
          const spread = nextWindowOpen(new Date(now), ch, zones, { spreadKey, spreadSeconds }).getTime();
          if (open === now) {
            expect(spread).toBe(now);
            return;
          }
          expect(spread).toBeGreaterThanOrEqual(open);
          expect(spread - open).toBeLessThan(Math.max(1, spreadSeconds * 1000));
          expect(oracle(spread, ch, zones)).toBe(true);
          const close = windowCloseAfter(new Date(open), ch, zones)?.getTime() ?? Infinity;
          if (spread > open) expect(close - spread).toBeGreaterThanOrEqual(MINUTE);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('windowCloseAfter is the first non-callable instant after a callable now', () => {
    fc.assert(
      fc.property(instant, channel, (now, ch) => {
        const close = windowCloseAfter(new Date(now), ch, zones)?.getTime();
        if (!oracle(now, ch, zones)) {
          expect(close).toBeUndefined();
          return;
        }
        expect(close).toBeDefined();
        const end = close ?? now;
        expect(end).toBeGreaterThan(now);
        expect(oracle(end, ch, zones)).toBe(false);
        expect(oracle(end - 1, ch, zones)).toBe(true);
        for (let t = now; t < end; t += 10 * MINUTE) expect(oracle(t, ch, zones)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('classifies every hour (and half hour) of the DST weeks like the local hour computed by luxon', () => {
    for (const transition of TRANSITIONS) {
      for (let t = transition - 3 * DAY; t < transition + 4 * DAY; t += HOUR / 2) {
        for (const ch of ['voice', 'sms'] as const) {
          const expected = zones.every((zone) => {
            const hour = DateTime.fromMillis(t, { zone }).hour;
            return hour >= CallingWindows[ch].startHour && hour < CallingWindows[ch].endHour;
          });
          const minuteAligned = zones.every((zone) => DateTime.fromMillis(t, { zone }).minute === 0);
          // Off-hour instants (half-hour zones) are compared by hour and minute, which the oracle does.
          expect(isCallable(new Date(t), ch, zones), new Date(t).toISOString()).toBe(
            minuteAligned ? expected : oracle(t, ch, zones),
          );
        }
      }
    }
  });
});
