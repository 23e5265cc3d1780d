import { describe, expect, it } from 'vitest';
import type { CallingChannel, ChannelWindows } from '../../src/calling-window';
import {
  CallingWindows,
  isCallable,
  nextWindowOpen,
  resolveRecipientZones,
  windowCloseAfter,
  zonesForAreaCode,
} from '../../src/calling-window';
import { at, utc, wall } from './local-time';

const NY = 'America/New_York';
const CHICAGO = 'America/Chicago';
const DENVER = 'America/Denver';
const PHOENIX = 'America/Phoenix';
const HONOLULU = 'Pacific/Honolulu';
const ANCHORAGE = 'America/Anchorage';
const ADAK = 'America/Adak';
const INDIANAPOLIS = 'America/Indiana/Indianapolis';
const ST_JOHNS = 'America/St_Johns';
const HALIFAX = 'America/Halifax';

/** The window (open, close) that the search finds from `from`, in UTC ISO. */
function windowFrom(
  from: Date,
  zones: readonly string[],
  channel: CallingChannel = 'voice',
  windows = CallingWindows,
) {
  const open = nextWindowOpen(from, channel, zones, { windows });
  return { open: open.toISOString(), close: windowCloseAfter(open, channel, zones, windows)?.toISOString() };
}

describe('US spring-forward, 2026-03-08 (02:00 local does not exist)', () => {
  it('opens New York voice at 08:00 EDT (12:00Z), not 08:00 EST, and closes at 21:00 EDT', () => {
    for (const from of [at('2026-03-07T21:00', NY), utc('2026-03-08T06:30'), utc('2026-03-08T07:00')]) {
      expect(windowFrom(from, [NY])).toEqual({
        open: '2026-03-08T12:00:00.000Z',
        close: '2026-03-09T01:00:00.000Z',
      });
    }
    expect(isCallable(utc('2026-03-08T11:59:59'), 'voice', [NY])).toBe(false);
    expect(isCallable(utc('2026-03-08T12:00:00'), 'voice', [NY])).toBe(true);
  });

  it('opens New York SMS at 07:00 EDT', () => {
    expect(windowFrom(utc('2026-03-08T06:30'), [NY], 'sms')).toEqual({
      open: '2026-03-08T11:00:00.000Z',
      close: '2026-03-08T23:00:00.000Z',
    });
  });

  it('opens Chicago voice at 08:00 CDT (13:00Z)', () => {
    expect(windowFrom(at('2026-03-07T22:00', CHICAGO), [CHICAGO])).toEqual({
      open: '2026-03-08T13:00:00.000Z',
      close: '2026-03-09T02:00:00.000Z',
    });
  });

  it('opens Indiana (America/Indiana/Indianapolis) like New York', () => {
    expect(windowFrom(at('2026-03-07T22:00', INDIANAPOLIS), [INDIANAPOLIS]).open).toBe(
      '2026-03-08T12:00:00.000Z',
    );
  });

  it('opens Alaska at 08:00 AKDT (16:00Z)', () => {
    expect(windowFrom(at('2026-03-07T22:00', ANCHORAGE), [ANCHORAGE]).open).toBe('2026-03-08T16:00:00.000Z');
  });

  it('opens a window that starts inside the missing hour at 03:00, when the clock first passes its start', () => {
    const windows: ChannelWindows = { ...CallingWindows, voice: { start: '02:30', end: '05:00' } };
    const open = nextWindowOpen(utc('2026-03-08T06:00'), 'voice', [NY], { windows });
    expect(open.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(wall(open, NY)).toBe('2026-03-08T03:00:00');
    expect(isCallable(new Date(open.getTime() - 1), 'voice', [NY], windows)).toBe(false);
  });
});

describe('US fall-back, 2026-11-01 (01:00-02:00 local happens twice)', () => {
  it('treats both 01:30s in New York as closed and opens at 08:00 EST (13:00Z)', () => {
    const firstOneThirty = utc('2026-11-01T05:30');
    const secondOneThirty = utc('2026-11-01T06:30');
    expect(wall(firstOneThirty, NY)).toBe('2026-11-01T01:30:00');
    expect(wall(secondOneThirty, NY)).toBe('2026-11-01T01:30:00');
    for (const from of [firstOneThirty, secondOneThirty, at('2026-10-31T21:00', NY)]) {
      expect(windowFrom(from, [NY])).toEqual({
        open: '2026-11-01T13:00:00.000Z',
        close: '2026-11-02T02:00:00.000Z',
      });
    }
  });

  it('closes the evening before at 21:00 EDT (01:00Z)', () => {
    expect(windowCloseAfter(at('2026-10-31T20:00', NY), 'voice', [NY])?.toISOString()).toBe(
      '2026-11-01T01:00:00.000Z',
    );
  });

  it('opens Chicago voice at 08:00 CST (14:00Z)', () => {
    expect(windowFrom(utc('2026-11-01T07:30'), [CHICAGO])).toEqual({
      open: '2026-11-01T14:00:00.000Z',
      close: '2026-11-02T03:00:00.000Z',
    });
  });

  it('handles a window that starts inside the repeated hour: open twice, closed in between', () => {
    const windows: ChannelWindows = { ...CallingWindows, voice: { start: '01:30', end: '05:00' } };
    const first = nextWindowOpen(utc('2026-11-01T05:00'), 'voice', [NY], { windows });
    expect(first.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    const close = windowCloseAfter(first, 'voice', [NY], windows);
    expect(close?.toISOString()).toBe('2026-11-01T06:00:00.000Z');
    expect(wall(close, NY)).toBe('2026-11-01T01:00:00');
    expect(nextWindowOpen(close ?? first, 'voice', [NY], { windows }).toISOString()).toBe(
      '2026-11-01T06:30:00.000Z',
    );
  });
});

describe('zones without DST', () => {
  it.each(['2026-01-15', '2026-03-08', '2026-07-01', '2026-11-01'])(
    'opens Arizona at 08:00 MST (15:00Z) and Hawaii at 08:00 HST (18:00Z) on %s',
    (day) => {
      expect(windowFrom(utc(`${day}T10:00`), [PHOENIX])).toEqual({
        open: `${day}T15:00:00.000Z`,
        close: new Date(Date.parse(`${day}T15:00:00Z`) + 13 * 3_600_000).toISOString(),
      });
      expect(windowFrom(utc(`${day}T10:00`), [HONOLULU]).open).toBe(`${day}T18:00:00.000Z`);
    },
  );

  it('gives 928 (Arizona + Navajo Nation) the narrower window in summer only', () => {
    const zones = zonesForAreaCode('928') ?? [];
    expect(zones).toEqual([PHOENIX, DENVER]);
    // Summer: Denver is UTC-6, Phoenix UTC-7: open 08:00 Phoenix, close 21:00 Denver = 20:00 Phoenix.
    const summer = windowFrom(utc('2026-07-01T10:00'), zones);
    expect(summer).toEqual({ open: '2026-07-01T15:00:00.000Z', close: '2026-07-02T03:00:00.000Z' });
    expect(isCallable(utc('2026-07-02T03:30'), 'voice', [PHOENIX])).toBe(true);
    expect(isCallable(utc('2026-07-02T03:30'), 'voice', zones)).toBe(false);
    // Winter: both UTC-7, the full 13 hours.
    expect(windowFrom(utc('2026-01-15T10:00'), zones)).toEqual({
      open: '2026-01-15T15:00:00.000Z',
      close: '2026-01-16T04:00:00.000Z',
    });
    // Denver's spring-forward day: Denver opens first (14:00Z), Phoenix decides the opening.
    expect(windowFrom(utc('2026-03-08T10:00'), zones)).toEqual({
      open: '2026-03-08T15:00:00.000Z',
      close: '2026-03-09T03:00:00.000Z',
    });
  });
});

describe('Alaska', () => {
  it('opens Anchorage at 08:00 AKDT in summer and 08:00 AKST in winter', () => {
    expect(windowFrom(utc('2026-07-01T10:00'), [ANCHORAGE]).open).toBe('2026-07-01T16:00:00.000Z');
    expect(windowFrom(utc('2026-01-15T10:00'), [ANCHORAGE]).open).toBe('2026-01-15T17:00:00.000Z');
  });

  it('gives 907 (Anchorage + Adak) 09:00-21:00 Anchorage time', () => {
    const zones = zonesForAreaCode('907') ?? [];
    expect(zones).toEqual([ANCHORAGE, ADAK]);
    const window = windowFrom(utc('2026-07-01T10:00'), zones);
    expect(window).toEqual({ open: '2026-07-01T17:00:00.000Z', close: '2026-07-02T05:00:00.000Z' });
    expect(wall(new Date(window.open), ANCHORAGE)).toBe('2026-07-01T09:00:00');
  });
});

describe('Newfoundland (UTC-3:30, -2:30 in summer)', () => {
  it.each([
    ['07:59:59', false],
    ['08:00:00', true],
    ['20:59:59', true],
    ['21:00:00', false],
  ])('voice at %s St. John’s time: %s', (time, expected) => {
    expect(isCallable(at(`2026-07-01T${time}`, ST_JOHNS), 'voice', [ST_JOHNS])).toBe(expected);
    expect(isCallable(at(`2026-01-15T${time}`, ST_JOHNS), 'voice', [ST_JOHNS])).toBe(expected);
  });

  it('opens at 08:00 NST (11:30Z) in winter and 08:00 NDT (10:30Z) from spring-forward day', () => {
    expect(windowFrom(utc('2026-01-15T06:00'), [ST_JOHNS])).toEqual({
      open: '2026-01-15T11:30:00.000Z',
      close: '2026-01-16T00:30:00.000Z',
    });
    expect(windowFrom(at('2026-03-08T00:30', ST_JOHNS), [ST_JOHNS]).open).toBe('2026-03-08T10:30:00.000Z');
    expect(windowFrom(at('2026-10-31T22:00', ST_JOHNS), [ST_JOHNS]).open).toBe('2026-11-01T11:30:00.000Z');
  });

  it('gives 709 (with Labrador on Atlantic time) 08:30-21:00 Newfoundland time', () => {
    const zones = zonesForAreaCode('709') ?? [];
    expect(zones).toEqual([ST_JOHNS, HALIFAX]);
    const window = windowFrom(utc('2026-07-01T06:00'), zones);
    expect(window).toEqual({ open: '2026-07-01T11:00:00.000Z', close: '2026-07-01T23:30:00.000Z' });
    expect(wall(new Date(window.open), ST_JOHNS)).toBe('2026-07-01T08:30:00');
  });
});

describe('area codes spanning two zones get the narrower window', () => {
  it('850 (Florida panhandle): opens 08:00 Central, closes 21:00 Eastern', () => {
    const { zones, source } = resolveRecipientZones({ e164: '+18505550123' });
    expect(source).toBe('area_code');
    const window = windowFrom(utc('2026-06-15T04:00'), zones);
    expect(window).toEqual({ open: '2026-06-15T13:00:00.000Z', close: '2026-06-16T01:00:00.000Z' });
    expect(wall(new Date(window.open), NY)).toBe('2026-06-15T09:00:00');
    expect(wall(new Date(window.close ?? 0), CHICAGO)).toBe('2026-06-15T20:00:00');
  });

  it('208 (Idaho): opens 08:00 Pacific, closes 21:00 Mountain', () => {
    const { zones } = resolveRecipientZones({ e164: '+12085550123' });
    expect(windowFrom(utc('2026-06-15T04:00'), zones)).toEqual({
      open: '2026-06-15T15:00:00.000Z',
      close: '2026-06-16T03:00:00.000Z',
    });
  });

  it('208 across the spring-forward night, when both zones change together', () => {
    const { zones } = resolveRecipientZones({ e164: '+12085550123' });
    expect(windowFrom(utc('2026-03-08T08:00'), zones)).toEqual({
      open: '2026-03-08T15:00:00.000Z',
      close: '2026-03-09T03:00:00.000Z',
    });
  });
});
