import { describe, expect, it } from 'vitest';
import type { ChannelWindows } from '../../src/calling-window';
import {
  CallingWindows,
  DEFAULT_SPREAD_SECONDS,
  fnv1a32,
  isCallable,
  nextWindowOpen,
  windowCloseAfter,
} from '../../src/calling-window';
import { at, wall } from './local-time';

const NY = 'America/New_York';
const LA = 'America/Los_Angeles';
const DAY = '2026-06-15';

const voiceAt = (time: string, zone = NY) => isCallable(at(`${DAY}T${time}`, zone), 'voice', [zone]);
const smsAt = (time: string, zone = NY) => isCallable(at(`${DAY}T${time}`, zone), 'sms', [zone]);

describe('CallingWindows', () => {
  it('are voice 08:00-21:00 and SMS 07:00-19:00', () => {
    expect(CallingWindows).toEqual({
      voice: { startHour: 8, endHour: 21 },
      sms: { startHour: 7, endHour: 19 },
    });
    expect(DEFAULT_SPREAD_SECONDS).toBe(900);
  });
});

describe('isCallable at the window edges (local wall clock)', () => {
  it.each([
    ['07:59:59', false],
    ['07:59:59.999', false],
    ['08:00:00', true],
    ['12:00:00', true],
    ['20:59:59', true],
    ['20:59:59.999', true],
    ['21:00:00', false],
    ['23:30:00', false],
    ['00:00:00', false],
  ])('voice at %s local: %s', (time, expected) => {
    expect(voiceAt(time)).toBe(expected);
    expect(voiceAt(time, LA)).toBe(expected);
  });

  it.each([
    ['06:59:00', false],
    ['06:59:59.999', false],
    ['07:00:00', true],
    ['18:59:00', true],
    ['18:59:59.999', true],
    ['19:00:00', false],
  ])('SMS at %s local: %s', (time, expected) => {
    expect(smsAt(time)).toBe(expected);
    expect(smsAt(time, LA)).toBe(expected);
  });

  it('judges each zone by its own clock: 08:00 in New York is 05:00 in Los Angeles', () => {
    const nyOpening = at(`${DAY}T08:00`, NY);
    expect(isCallable(nyOpening, 'voice', [NY])).toBe(true);
    expect(isCallable(nyOpening, 'voice', [LA])).toBe(false);
    expect(isCallable(nyOpening, 'voice', [NY, LA])).toBe(false);
  });

  it('accepts minute-precise overrides as HH:mm or fractional hours', () => {
    const windows: ChannelWindows = {
      voice: { start: '08:30', end: '20:45' },
      sms: { startHour: 9.5, endHour: 17.25 },
    };
    const voice = (time: string) => isCallable(at(`${DAY}T${time}`, NY), 'voice', [NY], windows);
    const sms = (time: string) => isCallable(at(`${DAY}T${time}`, NY), 'sms', [NY], windows);
    expect([voice('08:29:59'), voice('08:30'), voice('20:44:59'), voice('20:45')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect([sms('09:29:59'), sms('09:30'), sms('17:14:59'), sms('17:15')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('treats a window whose start is not before its end as never open', () => {
    const empty: ChannelWindows = { ...CallingWindows, voice: { start: '10:00', end: '10:00' } };
    expect(isCallable(at(`${DAY}T10:00`, NY), 'voice', [NY], empty)).toBe(false);
  });
});

describe('bad input is rejected, never treated as callable', () => {
  const now = at(`${DAY}T12:00`, NY);

  it('rejects an empty zone list', () => {
    expect(() => isCallable(now, 'voice', [])).toThrow(RangeError);
    expect(() => nextWindowOpen(now, 'voice', [])).toThrow(RangeError);
    expect(() => windowCloseAfter(now, 'voice', [])).toThrow(RangeError);
  });

  it('rejects an unknown zone, naming it', () => {
    expect(() => isCallable(now, 'voice', [NY, 'Mars/Olympus_Mons'])).toThrow(/Mars\/Olympus_Mons/);
  });

  it('rejects an invalid Date', () => {
    expect(() => isCallable(new Date(Number.NaN), 'voice', [NY])).toThrow(RangeError);
  });

  it('rejects an unknown channel', () => {
    expect(() => isCallable(now, 'fax' as 'voice', [NY])).toThrow(/fax/);
  });

  it.each([
    { start: '8:00', end: '21:00' },
    { start: '08:00', end: '24:30' },
    { start: '08:60', end: '21:00' },
    { startHour: -1, endHour: 21 },
    { startHour: 8, endHour: 25 },
    { startHour: Number.NaN, endHour: 21 },
  ])('rejects the malformed window %j', (voice) => {
    expect(() => isCallable(now, 'voice', [NY], { ...CallingWindows, voice })).toThrow(RangeError);
  });

  it('rejects a negative spread', () => {
    expect(() => nextWindowOpen(now, 'voice', [NY], { spreadKey: 'p', spreadSeconds: -1 })).toThrow(
      RangeError,
    );
  });
});

describe('nextWindowOpen', () => {
  it('returns now itself when already callable', () => {
    const now = at(`${DAY}T12:34:56.789`, NY);
    expect(nextWindowOpen(now, 'voice', [NY]).getTime()).toBe(now.getTime());
  });

  it('opens at 08:00 the same day from just before it', () => {
    expect(wall(nextWindowOpen(at(`${DAY}T07:59:59`, NY), 'voice', [NY]), NY)).toBe(`${DAY}T08:00:00`);
    expect(wall(nextWindowOpen(at(`${DAY}T00:00`, NY), 'voice', [NY]), NY)).toBe(`${DAY}T08:00:00`);
  });

  it('opens at 08:00 the next day from the closing instant on', () => {
    expect(wall(nextWindowOpen(at(`${DAY}T21:00`, NY), 'voice', [NY]), NY)).toBe('2026-06-16T08:00:00');
    expect(wall(nextWindowOpen(at(`${DAY}T23:59:59`, NY), 'voice', [NY]), NY)).toBe('2026-06-16T08:00:00');
  });

  it('uses the SMS window for SMS', () => {
    expect(wall(nextWindowOpen(at(`${DAY}T06:00`, NY), 'sms', [NY]), NY)).toBe(`${DAY}T07:00:00`);
    expect(wall(nextWindowOpen(at(`${DAY}T19:00`, NY), 'sms', [NY]), NY)).toBe('2026-06-16T07:00:00');
  });

  it('throws a clear error for an empty window', () => {
    const empty: ChannelWindows = { ...CallingWindows, sms: { start: '10:00', end: '09:00' } };
    expect(() => nextWindowOpen(at(`${DAY}T12:00`, NY), 'sms', [NY], { windows: empty })).toThrow(
      /sms calling window never opens within 8 days/,
    );
  });

  it('throws when the zones are too far apart for their windows to overlap', () => {
    const short: ChannelWindows = { ...CallingWindows, voice: { startHour: 8, endHour: 10 } };
    expect(() =>
      nextWindowOpen(at(`${DAY}T12:00`, NY), 'voice', [LA, 'Asia/Kolkata'], { windows: short }),
    ).toThrow(/never opens.*America\/Los_Angeles \+ Asia\/Kolkata/);
  });
});

describe('nextWindowOpen with a spread', () => {
  const closed = at(`${DAY}T21:30`, NY);
  const opening = at('2026-06-16T08:00', NY).getTime();

  it('is deterministic per key and stays within the default 15 minutes', () => {
    const first = nextWindowOpen(closed, 'voice', [NY], { spreadKey: 'prospect-42' });
    const again = nextWindowOpen(closed, 'voice', [NY], { spreadKey: 'prospect-42' });
    expect(again.getTime()).toBe(first.getTime());
    expect(first.getTime() - opening).toBe(fnv1a32('prospect-42') % 900_000);
  });

  it('spreads many keys over the interval instead of releasing them together', () => {
    const offsets = Array.from(
      { length: 500 },
      (_, i) => nextWindowOpen(closed, 'voice', [NY], { spreadKey: `prospect-${i}` }).getTime() - opening,
    );
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(900_000);
    expect(new Set(offsets.map((ms) => Math.floor(ms / 1000))).size).toBeGreaterThan(300);
    expect(offsets.filter((ms) => ms < 450_000).length).toBeGreaterThan(175);
    expect(offsets.filter((ms) => ms >= 450_000).length).toBeGreaterThan(175);
  });

  it('honours spreadSeconds, and 0 means no spread', () => {
    const hour = nextWindowOpen(closed, 'voice', [NY], { spreadKey: 'k', spreadSeconds: 3600 });
    expect(hour.getTime() - opening).toBe(fnv1a32('k') % 3_600_000);
    expect(nextWindowOpen(closed, 'voice', [NY], { spreadKey: 'k', spreadSeconds: 0 }).getTime()).toBe(
      opening,
    );
  });

  it('does not delay a recipient whose window is already open', () => {
    const now = at(`${DAY}T12:00`, NY);
    expect(nextWindowOpen(now, 'voice', [NY], { spreadKey: 'prospect-42' }).getTime()).toBe(now.getTime());
  });

  it('narrows the spread to keep a minute before the close of a short window', () => {
    const tenMinutes: ChannelWindows = { ...CallingWindows, voice: { start: '08:00', end: '08:10' } };
    const close = at('2026-06-16T08:10', NY).getTime();
    for (let i = 0; i < 300; i++) {
      const result = nextWindowOpen(closed, 'voice', [NY], {
        spreadKey: `p${i}`,
        spreadSeconds: 3600,
        windows: tenMinutes,
      }).getTime();
      expect(result).toBeGreaterThanOrEqual(opening);
      expect(result).toBeLessThanOrEqual(close - 60_000);
    }
  });

  it('does not spread at all inside a window of a minute or less', () => {
    const oneMinute: ChannelWindows = { ...CallingWindows, voice: { start: '08:00', end: '08:01' } };
    const result = nextWindowOpen(closed, 'voice', [NY], { spreadKey: 'p', windows: oneMinute });
    expect(result.getTime()).toBe(opening);
  });
});

describe('windowCloseAfter', () => {
  it('is the end of the current window', () => {
    expect(wall(windowCloseAfter(at(`${DAY}T08:00`, NY), 'voice', [NY]), NY)).toBe(`${DAY}T21:00:00`);
    expect(wall(windowCloseAfter(at(`${DAY}T20:59:59`, NY), 'voice', [NY]), NY)).toBe(`${DAY}T21:00:00`);
    expect(wall(windowCloseAfter(at(`${DAY}T07:00`, NY), 'sms', [NY]), NY)).toBe(`${DAY}T19:00:00`);
  });

  it('is undefined outside the window', () => {
    expect(windowCloseAfter(at(`${DAY}T21:00`, NY), 'voice', [NY])).toBeUndefined();
    expect(windowCloseAfter(at(`${DAY}T06:59`, NY), 'sms', [NY])).toBeUndefined();
  });

  it('is undefined for a window that never closes', () => {
    const allDay: ChannelWindows = { ...CallingWindows, voice: { start: '00:00', end: '24:00' } };
    expect(windowCloseAfter(at(`${DAY}T03:00`, NY), 'voice', [NY], allDay)).toBeUndefined();
  });
});

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});
