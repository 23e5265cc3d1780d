import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClockWindow } from '../../src/calling-window';
import type { JurisdictionRule } from '../../src/compliance';
import {
  AREA_CODE_REGIONS,
  JURISDICTION_RULES,
  REGION_NAMES,
  STRICTEST_CONTACTS_PER_24H,
  ruleEffectiveFrom,
  rulesFor,
} from '../../src/compliance';

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? NaN) * 60 + (m ?? NaN);
}

/** Every window a row sets (weekdays, Saturday, Sunday), skipping absent ones and bans (`null`). */
function windowsOf(rule: JurisdictionRule): ClockWindow[] {
  return [rule.weekdays, rule.saturday, rule.sunday].filter((w): w is ClockWindow => w != null);
}

/**
 * The national window a row must stay inside. US: the federal TCPA/TSR window, 08:00-21:00 for
 * calls and texts alike (the engine's narrower SMS window is intersected later). Canada: the
 * CRTC's widest, weekdays to 21:30.
 */
function nationalEnvelope(rule: JurisdictionRule): { start: number; end: number } {
  const canadian = rule.regions.every((region) => region.startsWith('CA-'));
  return canadian ? { start: 9 * 60, end: 21 * 60 + 30 } : { start: 8 * 60, end: 21 * 60 };
}

function byId(id: string): JurisdictionRule {
  const rule = JURISDICTION_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no row ${id}`);
  return rule;
}

function onlyRuleFor(region: string): JurisdictionRule {
  const rows = JURISDICTION_RULES.filter((r) => r.regions.length === 1 && r.regions[0] === region);
  expect(rows, region).toHaveLength(1);
  return rows[0] as JurisdictionRule;
}

describe('JURISDICTION_RULES: every row', () => {
  it('has a unique, stable id', () => {
    const ids = JURISDICTION_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z]{2}(-[A-Z]{2})?\.[a-z0-9-]+$/);
  });

  it('names only regions the area-code and state tables know, at least one, no duplicates', () => {
    const served = new Set([...AREA_CODE_REGIONS.values()].flat());
    for (const rule of JURISDICTION_RULES) {
      expect(rule.regions.length, rule.id).toBeGreaterThan(0);
      expect(new Set(rule.regions).size, rule.id).toBe(rule.regions.length);
      for (const region of rule.regions) {
        expect(REGION_NAMES.has(region), `${rule.id}: ${region}`).toBe(true);
        expect(served.has(region), `${rule.id}: ${region} has no area code`).toBe(true);
      }
    }
  });

  it('covers voice, plus SMS only alongside known channels', () => {
    for (const rule of JURISDICTION_RULES) {
      expect(rule.channels, rule.id).toContain('voice');
      for (const channel of rule.channels) expect(['voice', 'sms'], rule.id).toContain(channel);
    }
  });

  it('has well-formed, non-empty windows no wider than the national window', () => {
    for (const rule of JURISDICTION_RULES) {
      const envelope = nationalEnvelope(rule);
      for (const window of windowsOf(rule)) {
        expect(window.start, rule.id).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(window.end, rule.id).toMatch(/^([01]\d|2[0-3]):[0-5]\d|24:00$/);
        expect(minutes(window.start), rule.id).toBeLessThan(minutes(window.end));
        expect(minutes(window.start), rule.id).toBeGreaterThanOrEqual(envelope.start);
        expect(minutes(window.end), rule.id).toBeLessThanOrEqual(envelope.end);
      }
    }
  });

  it('narrows something: hours, a banned day, holidays or a cap', () => {
    for (const rule of JURISDICTION_RULES) {
      const narrows =
        windowsOf(rule).length > 0 ||
        rule.saturday === null ||
        rule.sunday === null ||
        rule.noContactOnHolidays === true ||
        rule.maxContactsPer24h !== undefined;
      expect(narrows, rule.id).toBe(true);
    }
  });

  it('has a citation, a real ISO effective date, and a note when uncertain', () => {
    for (const rule of JURISDICTION_RULES) {
      expect(rule.citation.trim().length, rule.id).toBeGreaterThan(5);
      expect(rule.effective, rule.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${rule.effective}T00:00:00Z`).toISOString().slice(0, 10), rule.id).toBe(
        rule.effective,
      );
      if (rule.certainty === 'uncertain') expect(rule.note?.length ?? 0, rule.id).toBeGreaterThan(20);
    }
  });

  it('has caps that are positive integers', () => {
    for (const rule of JURISDICTION_RULES) {
      if (rule.maxContactsPer24h === undefined) continue;
      expect(Number.isInteger(rule.maxContactsPer24h) && rule.maxContactsPer24h > 0, rule.id).toBe(true);
    }
  });
});

describe('JURISDICTION_RULES: the rows the issue names', () => {
  it.each(['US-FL', 'US-OK', 'US-MD'])(
    '%s: 08:00-20:00 and 3 contacts per 24 h, texts included',
    (region) => {
      const rule = onlyRuleFor(region);
      expect(rule.weekdays).toEqual({ start: '08:00', end: '20:00' });
      expect(rule.saturday).toBeUndefined();
      expect(rule.sunday).toBeUndefined();
      expect(rule.maxContactsPer24h).toBe(3);
      expect(rule.channels).toEqual(['voice', 'sms']);
    },
  );

  it('WA: 08:00-20:00 every day', () => {
    expect(onlyRuleFor('US-WA')).toMatchObject({ weekdays: { start: '08:00', end: '20:00' } });
  });

  it('TX: 09:00-21:00, Sundays 12:00-21:00', () => {
    expect(onlyRuleFor('US-TX')).toMatchObject({
      weekdays: { start: '09:00', end: '21:00' },
      sunday: { start: '12:00', end: '21:00' },
    });
  });

  it.each(['US-LA', 'US-AL', 'US-UT', 'US-RI'])('%s: no contact on Sundays or holidays', (region) => {
    expect(onlyRuleFor(region)).toMatchObject({ sunday: null, noContactOnHolidays: true });
  });

  it('MS: no Sundays, but holidays allowed since the PSC rules were repealed', () => {
    const rule = onlyRuleFor('US-MS');
    expect(rule.sunday).toBeNull();
    expect(rule.noContactOnHolidays).not.toBe(true);
  });

  it('RI: 09:00-18:00 on weekdays and 10:00-17:00 on Saturdays', () => {
    expect(onlyRuleFor('US-RI')).toMatchObject({
      weekdays: { start: '09:00', end: '18:00' },
      saturday: { start: '10:00', end: '17:00' },
    });
  });

  it('ME and SD: automated calls on weekdays only', () => {
    for (const region of ['US-ME', 'US-SD'])
      expect(onlyRuleFor(region)).toMatchObject({ saturday: null, sunday: null });
  });

  it('CRTC: weekdays 09:00-21:30, weekends 10:00-18:00, every province and territory', () => {
    const rule = byId('CA.crtc-telemarketing-rules');
    expect(rule).toMatchObject({
      weekdays: { start: '09:00', end: '21:30' },
      saturday: { start: '10:00', end: '18:00' },
      sunday: { start: '10:00', end: '18:00' },
    });
    const provinces = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];
    expect([...rule.regions].sort()).toEqual(provinces.map((p) => `CA-${p}`));
  });

  it('every jurisdiction the issue lists as stricter has a row', () => {
    const listed = ['FL', 'OK', 'MD', 'WA', 'TX', 'LA', 'AL', 'MS', 'RI', 'UT', 'CT', 'MA', 'KY', 'MN', 'PA'];
    const more = ['NV', 'SD', 'ME', 'WY'];
    const bound = new Set(JURISDICTION_RULES.flatMap((r) => r.regions));
    for (const state of [...listed, ...more]) expect(bound.has(`US-${state}`), state).toBe(true);
  });
});

describe('STRICTEST_CONTACTS_PER_24H', () => {
  it('is the smallest cap in the table, which is 3 today', () => {
    const caps = JURISDICTION_RULES.flatMap((r) =>
      r.maxContactsPer24h === undefined ? [] : [r.maxContactsPer24h],
    );
    expect(STRICTEST_CONTACTS_PER_24H).toBe(Math.min(...caps));
    expect(STRICTEST_CONTACTS_PER_24H).toBe(3);
  });
});

describe('rulesFor', () => {
  const now = new Date('2026-12-01T15:00:00Z');

  it('returns the rows binding any of the regions for the channel', () => {
    expect(rulesFor(['US-FL'], 'voice', now).map((r) => r.id)).toEqual(['US-FL.telemarketing-act']);
    expect(rulesFor(['US-FL'], 'sms', now).map((r) => r.id)).toEqual(['US-FL.telemarketing-act']);
    const nsAndPei = rulesFor(['CA-NS', 'CA-PE'], 'voice', now).map((r) => r.id);
    expect(nsAndPei).toEqual(['CA.crtc-telemarketing-rules']);
    expect(rulesFor(['CA-BC'], 'voice', now).map((r) => r.id)).toEqual([
      'CA.crtc-telemarketing-rules',
      'CA-BC.telemarketer-licensing',
    ]);
  });

  it('returns nothing for a region with no stricter rule, or no region at all', () => {
    expect(rulesFor(['US-NY'], 'voice', now)).toEqual([]);
    expect(rulesFor([], 'voice', now)).toEqual([]);
  });

  it('leaves out a channel the row does not cover', () => {
    const voiceOnly: JurisdictionRule = {
      ...byId('US-WA.commercial-telephone-solicitation'),
      channels: ['voice'],
    };
    expect(rulesFor(['US-WA'], 'sms', now, [voiceOnly])).toEqual([]);
    expect(rulesFor(['US-WA'], 'voice', now, [voiceOnly])).toEqual([voiceOnly]);
  });

  it('applies a row from its effective date in the earliest zone, never later', () => {
    // Maryland: 2024-01-01. The day starts first at UTC+14, i.e. 2023-12-31T10:00Z.
    expect(rulesFor(['US-MD'], 'voice', new Date('2023-12-31T09:59:59Z'))).toEqual([]);
    expect(rulesFor(['US-MD'], 'voice', new Date('2023-12-31T10:00:00Z'))).toHaveLength(1);
    // Pennsylvania: the holiday ban (2019) binds now; SB 992's row only from 2026-10-18.
    const before = rulesFor(['US-PA'], 'voice', new Date('2026-10-01T12:00:00Z')).map((r) => r.id);
    expect(before).toEqual(['US-PA.legal-holidays']);
    expect(rulesFor(['US-PA'], 'voice', now).map((r) => r.id)).toEqual([
      'US-PA.legal-holidays',
      'US-PA.sb-992',
    ]);
  });

  it('rejects an invalid instant, and a row with a malformed effective date', () => {
    expect(() => rulesFor(['US-FL'], 'voice', new Date(Number.NaN))).toThrow(RangeError);
    const broken: JurisdictionRule = { ...byId('US-FL.telemarketing-act'), effective: '2021-13-01' };
    expect(() => ruleEffectiveFrom(broken)).toThrow(/US-FL.telemarketing-act/);
  });

  it('property: a row is returned exactly when it matches region, channel and date', () => {
    const regions = [...new Set(JURISDICTION_RULES.flatMap((r) => r.regions)), 'US-NY', 'PR'];
    fc.assert(
      fc.property(
        fc.subarray(regions),
        fc.constantFrom('voice' as const, 'sms' as const),
        fc.date({ min: new Date('1985-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        (picked, channel, at) => {
          const got = new Set(rulesFor(picked, channel, at).map((r) => r.id));
          for (const rule of JURISDICTION_RULES) {
            const matches =
              rule.regions.some((r) => picked.includes(r)) &&
              rule.channels.includes(channel) &&
              ruleEffectiveFrom(rule).getTime() <= at.getTime();
            expect(got.has(rule.id), rule.id).toBe(matches);
          }
        },
      ),
    );
  });
});
