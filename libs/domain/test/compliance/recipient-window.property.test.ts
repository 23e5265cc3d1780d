import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CallingChannel } from '../../src/calling-window';
import { NANP_AREA_CODE_ZONES } from '../../src/calling-window';
import {
  AREA_CODE_REGIONS,
  JURISDICTION_RULES,
  contactWindowFor,
  publicHolidays,
  resolveRecipientPlace,
} from '../../src/compliance';
import { oracleAllowed } from './contact-window-oracle';

/*
 * The real table, every NANP area code, every state row, both DST changes and three years of
 * holidays: no instant the window allows breaks any rule that applies (checked by an oracle that
 * reads wall clocks with luxon and asks date-holidays itself), and the next opening is the
 * earliest allowed instant.
 */

/** Every area code of the table, and two it lacks (a toll-free and a personal code). */
const AREA_CODES = [...NANP_AREA_CODE_ZONES.keys(), '800', '533'];
const REGIONS = [...new Set(JURISDICTION_RULES.flatMap((r) => r.regions))];
const START = Date.UTC(2026, 11, 1);
const END = Date.UTC(2029, 11, 1);
const MINUTE = 60_000;

const numberIn = (areaCode: string) => `+1${areaCode}5550123`;

function check(t: number, e164: string, channel: CallingChannel, state?: string) {
  const window = contactWindowFor({ e164, state }, { channel });
  const place = resolveRecipientPlace({ e164, state });
  const o = {
    channel,
    zones: place.zones,
    regions: place.regions,
    rules: JURISDICTION_RULES,
    holidayCalendars: place.holidayCalendars,
  };
  return { window, o };
}

const channel = fc.constantFrom<CallingChannel>('voice', 'sms');

describe('contact window over the real rules table', () => {
  it('agrees with the oracle at any instant, for every area code, with or without a stated state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AREA_CODES),
        fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
        channel,
        fc.integer({ min: START, max: END }),
        (areaCode, state, ch, t) => {
          const { window, o } = check(t, numberIn(areaCode), ch, state);
          expect(window.isAllowed(new Date(t))).toBe(oracleAllowed(t, o));
        },
      ),
      { numRuns: 4000 },
    );
  }, 120_000);

  it('holds every rule row in each of its regions at hourly instants around both DST changes', () => {
    const days = ['2027-03-14', '2027-11-07', '2028-03-12', '2028-11-05'];
    for (const rule of JURISDICTION_RULES) {
      for (const region of rule.regions.slice(0, 3)) {
        const areaCode = AREA_CODES.find((code) => AREA_CODE_REGIONS.get(code)?.includes(region));
        if (areaCode === undefined) continue;
        for (const ch of rule.channels) {
          for (const day of days) {
            const from = DateTime.fromISO(day, { zone: 'UTC' }).minus({ days: 1 }).toMillis();
            for (let t = from; t < from + 3 * 86_400_000; t += 30 * MINUTE) {
              const { window, o } = check(t, numberIn(areaCode), ch);
              if (window.isAllowed(new Date(t)) !== oracleAllowed(t, o))
                throw new Error(`${rule.id} ${region} ${areaCode} ${ch} at ${new Date(t).toISOString()}`);
            }
          }
        }
      }
    }
  }, 120_000);

  it('contacts nobody on a holiday of a state that bans holiday contacts, over three years', () => {
    for (const rule of JURISDICTION_RULES.filter((r) => r.noContactOnHolidays)) {
      for (const region of rule.regions) {
        const areaCode = AREA_CODES.find((code) => AREA_CODE_REGIONS.get(code)?.includes(region));
        if (areaCode === undefined) continue;
        const window = contactWindowFor(
          { e164: numberIn(areaCode) },
          { channel: rule.channels[0] ?? 'voice' },
        );
        const zones = resolveRecipientPlace({ e164: numberIn(areaCode) }).zones;
        for (const year of [2027, 2028, 2029]) {
          for (const date of publicHolidays(region, year).keys()) {
            if (date < rule.effective) continue;
            for (const zone of zones) {
              for (const hour of [9, 12, 15, 18]) {
                const t = DateTime.fromISO(`${date}T${String(hour).padStart(2, '0')}:00`, {
                  zone,
                }).toJSDate();
                if (window.isAllowed(t))
                  throw new Error(`${rule.id}: ${areaCode} allowed on ${date} ${hour}:00 ${zone}`);
              }
            }
          }
        }
      }
    }
  }, 120_000);

  it('gives the earliest allowed instant as the next opening', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AREA_CODES),
        fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
        channel,
        fc.integer({ min: START, max: END }),
        (areaCode, state, ch, t) => {
          const { window, o } = check(t, numberIn(areaCode), ch, state);
          const next = window.nextAllowed(new Date(t)).getTime();
          expect(oracleAllowed(next, o)).toBe(true);
          expect(oracleAllowed(t, o)).toBe(next === t);
          // Every edge falls on a whole minute: each minute up to `next` is every chance to be earlier.
          for (let m = Math.ceil(t / MINUTE) * MINUTE; m < next; m += MINUTE)
            if (oracleAllowed(m, o)) throw new Error(`allowed at ${new Date(m).toISOString()}`);
        },
      ),
      { numRuns: 120 },
    );
  }, 180_000);

  it('gives a number nobody can place the narrowest window: never at 20:30 Pacific, which is 23:30 Eastern', () => {
    for (const e164 of ['+18005550199', '+15335550123']) {
      const place = resolveRecipientPlace({ e164 });
      expect(place.zoneSource).toBe('any_nanp_zone');
      expect(place.regionSources).toEqual(['every_region']);
      const window = contactWindowFor({ e164 }, { channel: 'voice' });
      const evening = DateTime.fromISO('2027-03-03T20:30', { zone: 'America/Los_Angeles' }).toJSDate();
      expect(window.isAllowed(evening)).toBe(false);
      const next = window.nextAllowed(evening);
      for (const zone of ['America/St_Johns', 'America/New_York', 'America/Los_Angeles']) {
        const local = DateTime.fromJSDate(next, { zone });
        expect(local.hour * 60 + local.minute).toBeGreaterThanOrEqual(8 * 60);
        expect(local.hour * 60 + local.minute).toBeLessThan(21 * 60);
      }
    }
  });
});
