import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallingChannel } from '../../src/calling-window';
import type { CampaignCallingHours, JurisdictionRule } from '../../src/compliance';
import { ContactWindow, NoContactWindowError } from '../../src/compliance';
import { at, wall } from '../calling-window/local-time';
import { oracleAllowed } from './contact-window-oracle';

/** Rows shaped like the real table's, kept here so these tests do not move with its data. */
const RULES: readonly JurisdictionRule[] = [
  {
    id: 'T-FL',
    regions: ['US-FL'],
    channels: ['voice', 'sms'],
    weekdays: { start: '08:00', end: '20:00' },
    maxContactsPer24h: 3,
    citation: 'test',
    effective: '2021-07-01',
    certainty: 'verified',
  },
  {
    id: 'T-TX',
    regions: ['US-TX'],
    channels: ['voice', 'sms'],
    weekdays: { start: '09:00', end: '21:00' },
    sunday: { start: '12:00', end: '21:00' },
    citation: 'test',
    effective: '2000-01-01',
    certainty: 'verified',
  },
  {
    id: 'T-LA',
    regions: ['US-LA'],
    channels: ['voice'],
    weekdays: { start: '08:00', end: '20:00' },
    sunday: null,
    noContactOnHolidays: true,
    citation: 'test',
    effective: '2000-01-01',
    certainty: 'uncertain',
  },
  {
    id: 'T-FUTURE',
    regions: ['US-WA'],
    channels: ['voice'],
    weekdays: { start: '10:00', end: '11:00' },
    citation: 'test',
    effective: '2030-01-01',
    certainty: 'verified',
  },
];

const windowFor = (
  channel: CallingChannel,
  zones: string[],
  regions: string[],
  campaignHours?: CampaignCallingHours,
) => new ContactWindow({ channel, zones, regions, jurisdictionRules: RULES, campaignHours });

describe('ContactWindow (federal ∩ state ∩ holidays ∩ campaign hours ∩ zones)', () => {
  const NY = 'America/New_York';
  const CHI = 'America/Chicago';

  it('narrows the federal window by the state row: Florida stops at 20:00, not 21:00', () => {
    const fl = windowFor('voice', [NY], ['US-FL']);
    expect(fl.isAllowed(at('2026-12-02T19:59', NY))).toBe(true);
    expect(fl.isAllowed(at('2026-12-02T20:00', NY))).toBe(false);
    expect(wall(fl.nextAllowed(at('2026-12-02T20:00', NY)), NY)).toBe('2026-12-03T08:00:00');
    expect(windowFor('voice', [NY], ['US-NY']).isAllowed(at('2026-12-02T20:30', NY))).toBe(true);
  });

  it('applies the Sunday hours of Texas and the weekday ones on Saturday', () => {
    const tx = windowFor('voice', [CHI], ['US-TX']);
    // 2026-12-06 is a Sunday.
    expect(tx.isAllowed(at('2026-12-06T11:59', CHI))).toBe(false);
    expect(wall(tx.nextAllowed(at('2026-12-06T08:00', CHI)), CHI)).toBe('2026-12-06T12:00:00');
    expect(tx.isAllowed(at('2026-12-05T09:00', CHI))).toBe(true);
    expect(tx.isAllowed(at('2026-12-05T08:59', CHI))).toBe(false);
  });

  it('bans Sundays and the state holidays of Louisiana (Christmas, Mardi Gras), on voice only', () => {
    const la = windowFor('voice', [CHI], ['US-LA']);
    expect(la.isAllowed(at('2026-12-06T12:00', CHI))).toBe(false);
    // Friday 2026-12-25: Christmas; Saturday the 26th opens at 08:00.
    expect(wall(la.nextAllowed(at('2026-12-24T20:00', CHI)), CHI)).toBe('2026-12-26T08:00:00');
    // Mardi Gras 2027-02-09 is a Louisiana holiday (date-holidays), not a federal one.
    expect(la.isAllowed(at('2027-02-09T10:00', CHI))).toBe(false);
    expect(windowFor('voice', [CHI], ['US-TX']).isAllowed(at('2027-02-09T10:00', CHI))).toBe(true);
    expect(windowFor('sms', [CHI], ['US-LA']).isAllowed(at('2026-12-06T12:00', CHI))).toBe(true);
  });

  it('takes the most restrictive of several regions and zones', () => {
    const both = windowFor('voice', [NY, CHI], ['US-FL', 'US-TX']);
    // 09:00-20:00 in both zones: 10:00 NY (09:00 Chicago) to 20:00 NY.
    expect(wall(both.nextAllowed(at('2026-12-02T07:00', NY)), NY)).toBe('2026-12-02T10:00:00');
    expect(both.closesAfter(at('2026-12-02T12:00', NY))?.toISOString()).toBe(
      at('2026-12-02T20:00', NY).toISOString(),
    );
  });

  it('lets a campaign narrow (hours, days) but never widen', () => {
    const narrow = windowFor('voice', [NY], ['US-NY'], {
      start: '10:00',
      end: '16:00',
      days: ['mon', 'tue'],
    });
    expect(narrow.isAllowed(at('2026-12-01T10:00', NY))).toBe(true); // a Tuesday
    expect(narrow.isAllowed(at('2026-12-02T10:00', NY))).toBe(false); // Wednesday
    expect(wall(narrow.nextAllowed(at('2026-12-01T16:00', NY)), NY)).toBe('2026-12-07T10:00:00');
    const wide = windowFor('voice', [NY], ['US-FL'], { start: '06:00', end: '23:30' });
    expect(wide.isAllowed(at('2026-12-02T07:30', NY))).toBe(false);
    expect(wide.isAllowed(at('2026-12-02T20:30', NY))).toBe(false);
  });

  it('ignores a row before its effective date', () => {
    const wa = windowFor('voice', ['America/Los_Angeles'], ['US-WA']);
    expect(wa.isAllowed(at('2026-12-02T12:00', 'America/Los_Angeles'))).toBe(true);
    expect(wa.isAllowed(at('2030-01-02T12:00', 'America/Los_Angeles'))).toBe(false);
  });

  it('opens at 08:00 local on both DST change days', () => {
    const fl = windowFor('voice', [NY], ['US-FL']);
    expect(wall(fl.nextAllowed(at('2026-03-08T01:00', NY)), NY)).toBe('2026-03-08T08:00:00');
    expect(wall(fl.nextAllowed(at('2026-11-01T01:30', NY)), NY)).toBe('2026-11-01T08:00:00');
  });

  it('spreads a re-queued opening by the key, leaving a minute before the close', () => {
    const w = windowFor('voice', [NY], ['US-FL'], { start: '19:55', end: '23:00' });
    const open = at('2026-12-02T19:55', NY).getTime();
    for (const key of ['1', '2', '3', 'abc']) {
      const t = w.nextAllowed(at('2026-12-02T12:00', NY), { spreadKey: key }).getTime();
      expect(t).toBeGreaterThanOrEqual(open);
      expect(t).toBeLessThan(at('2026-12-02T19:59', NY).getTime());
    }
  });

  it('explains an instant: local time, allowed hours and the rules that set them', () => {
    const la = windowFor('voice', [CHI], ['US-LA']);
    const e = la.explain(at('2026-12-25T10:00', CHI));
    expect(e.allowed).toBe(false);
    expect(e.zones[0]?.localTime).toBe('2026-12-25T10:00:00-06:00');
    expect(e.zones[0]?.allowedHours).toBeNull();
    expect(e.zones[0]?.sources.map((s) => s.id)).toEqual(['federal.voice', 'holiday:T-LA']);
    expect(e.allowedFrom && wall(e.allowedFrom, CHI)).toBe('2026-12-26T08:00:00');
  });

  it('says so when nothing is ever allowed', () => {
    const never = windowFor('voice', [NY], ['US-NY'], { start: '10:00', end: '11:00', days: [] });
    expect(() => never.nextAllowed(new Date())).toThrow(NoContactWindowError);
  });
});

const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'Pacific/Honolulu',
  'America/St_Johns',
];
const REGIONS = ['US-FL', 'US-TX', 'US-LA', 'US-WA', 'US-NY'];
const START = Date.UTC(2026, 0, 1);
const END = Date.UTC(2029, 0, 1);
const MINUTE = 60_000;

const recipient = fc.record({
  channel: fc.constantFrom<CallingChannel>('voice', 'sms'),
  zones: fc.uniqueArray(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 2 }),
  regions: fc.uniqueArray(fc.constantFrom(...REGIONS), { minLength: 0, maxLength: 2 }),
  campaign: fc.option(
    fc.record({
      start: fc.constantFrom('07:30', '09:00', '10:15'),
      end: fc.constantFrom('17:00', '20:45', '22:00'),
      days: fc.option(
        fc.uniqueArray(fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun' as const), {
          minLength: 1,
        }),
        { nil: undefined },
      ),
    }),
    { nil: undefined },
  ),
});

describe('ContactWindow properties (against an independent oracle)', () => {
  it('allows exactly what every rule allows, over three years and both DST changes', () => {
    fc.assert(
      fc.property(recipient, fc.integer({ min: START, max: END }), (r, t) => {
        const w = windowFor(r.channel, r.zones, r.regions, r.campaign);
        const o = { ...r, rules: RULES, campaignHours: r.campaign };
        expect(w.isAllowed(new Date(t))).toBe(oracleAllowed(t, o));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('finds the earliest allowed instant: allowed itself, nothing allowed before it', () => {
    fc.assert(
      fc.property(recipient, fc.integer({ min: START, max: END }), (r, t) => {
        const w = windowFor(r.channel, r.zones, r.regions, r.campaign);
        const o = { ...r, rules: RULES, campaignHours: r.campaign };
        let next: number;
        try {
          next = w.nextAllowed(new Date(t)).getTime();
        } catch (err) {
          expect(err).toBeInstanceOf(NoContactWindowError);
          return;
        }
        expect(oracleAllowed(next, o)).toBe(true);
        // Every rule's edges fall on whole minutes: checking t and each minute after it up to
        // `next` covers every instant at which the answer could change.
        expect(oracleAllowed(t, o)).toBe(next === t);
        for (let m = Math.ceil(t / MINUTE) * MINUTE; m < next; m += MINUTE) {
          if (oracleAllowed(m, o))
            throw new Error(
              `allowed at ${new Date(m).toISOString()}, before ${new Date(next).toISOString()}`,
            );
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
