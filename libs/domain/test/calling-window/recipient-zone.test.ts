import { describe, expect, it } from 'vitest';
import {
  ALL_NANP_ZONES,
  DEFAULT_CAMPAIGN_TIME_ZONE,
  isValidTimeZone,
  resolveRecipientZones,
} from '../../src/calling-window';

const NYC = '+12125550123';
const BOISE = '+12085550123';
const TOLL_FREE = '+18005550199';
const LONDON = '+442071838750';

describe('resolveRecipientZones', () => {
  it("uses the prospect's own valid zone before the area code and the campaign", () => {
    expect(
      resolveRecipientZones({ prospectZone: 'America/Chicago', e164: NYC, campaignZone: 'America/Denver' }),
    ).toEqual({ zones: ['America/Chicago'], source: 'prospect' });
  });

  it('trims the explicit zone', () => {
    expect(resolveRecipientZones({ prospectZone: ' Europe/London ', e164: NYC })).toEqual({
      zones: ['Europe/London'],
      source: 'prospect',
    });
  });

  it('infers the zones from the area code before the campaign zone', () => {
    expect(resolveRecipientZones({ e164: NYC, campaignZone: 'America/Denver' })).toEqual({
      zones: ['America/New_York'],
      source: 'area_code',
    });
  });

  it('returns every zone of a straddling area code', () => {
    expect(resolveRecipientZones({ prospectZone: null, e164: BOISE })).toEqual({
      zones: ['America/Boise', 'America/Los_Angeles'],
      source: 'area_code',
    });
  });

  it.each(['Mars/Olympus_Mons', 'EST-5', '+05:00', '', '   ', 'America/New York'])(
    'ignores the invalid explicit zone %j and falls back to the area code',
    (prospectZone) => {
      expect(resolveRecipientZones({ prospectZone, e164: NYC, campaignZone: 'America/Denver' })).toEqual({
        zones: ['America/New_York'],
        source: 'area_code',
      });
    },
  );

  it('gives a +1 number in an area code the table lacks (new, toll-free) every NANP zone', () => {
    for (const e164 of [TOLL_FREE, '+15335550123']) {
      const { zones, source } = resolveRecipientZones({ e164, campaignZone: 'America/Denver' });
      expect(source).toBe('any_nanp_zone');
      expect(zones).toEqual(ALL_NANP_ZONES);
      for (const z of ['America/St_Johns', 'America/New_York', 'America/Los_Angeles'])
        expect(zones).toContain(z);
    }
  });

  it('falls back to the campaign zone for a non-NANP number', () => {
    for (const e164 of [LONDON, 'not a number']) {
      expect(resolveRecipientZones({ e164, campaignZone: 'America/Denver' })).toEqual({
        zones: ['America/Denver'],
        source: 'campaign',
      });
    }
  });

  it('defaults to America/Los_Angeles when the campaign has no zone or an invalid one', () => {
    expect(DEFAULT_CAMPAIGN_TIME_ZONE).toBe('America/Los_Angeles');
    for (const campaignZone of [undefined, null, 'Nowhere/Land']) {
      expect(resolveRecipientZones({ e164: LONDON, campaignZone })).toEqual({
        zones: ['America/Los_Angeles'],
        source: 'campaign',
      });
    }
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names', () => {
    for (const zone of [
      'America/New_York',
      'America/Indiana/Indianapolis',
      'UTC',
      'Etc/GMT+5',
      'Asia/Kolkata',
    ]) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
  });

  it('rejects unknown names, offsets and non-strings', () => {
    for (const zone of ['Mars/Olympus_Mons', '+05:00', '-0300', '', undefined, null]) {
      expect(isValidTimeZone(zone), String(zone)).toBe(false);
    }
  });
});
