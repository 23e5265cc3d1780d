import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { areaCodeOf, NANP_AREA_CODE_ZONES, zonesForAreaCode } from '../../src/calling-window';

describe('NANP area-code table', () => {
  it('covers every state and province: at least 330 area codes', () => {
    expect(NANP_AREA_CODE_ZONES.size).toBeGreaterThanOrEqual(330);
  });

  it('maps only well-formed NPAs to a non-empty list of distinct, valid IANA zones', () => {
    for (const [areaCode, zones] of NANP_AREA_CODE_ZONES) {
      expect(areaCode).toMatch(/^[2-9]\d{2}$/);
      expect(zones.length, areaCode).toBeGreaterThan(0);
      expect(new Set(zones).size, areaCode).toBe(zones.length);
      for (const zone of zones) expect(IANAZone.isValidZone(zone), `${areaCode} -> ${zone}`).toBe(true);
    }
  });

  it('has no non-geographic codes: toll-free, premium, personal, N11, 710', () => {
    const nonGeographic = ['800', '833', '844', '855', '866', '877', '888', '900', '500', '521', '533'];
    const more = ['544', '566', '577', '588', '600', '622', '700', '710', '211', '311', '411', '911'];
    for (const code of [...nonGeographic, ...more]) expect(zonesForAreaCode(code), code).toBeUndefined();
  });

  it.each([
    ['201', 'America/New_York'],
    ['202', 'America/New_York'],
    ['205', 'America/Chicago'],
    ['206', 'America/Los_Angeles'],
    ['212', 'America/New_York'],
    ['213', 'America/Los_Angeles'],
    ['214', 'America/Chicago'],
    ['215', 'America/New_York'],
    ['303', 'America/Denver'],
    ['305', 'America/New_York'],
    ['312', 'America/Chicago'],
    ['313', 'America/Detroit'],
    ['317', 'America/Indiana/Indianapolis'],
    ['332', 'America/New_York'],
    ['347', 'America/New_York'],
    ['404', 'America/New_York'],
    ['415', 'America/Los_Angeles'],
    ['480', 'America/Phoenix'],
    ['503', 'America/Los_Angeles'],
    ['504', 'America/Chicago'],
    ['505', 'America/Denver'],
    ['512', 'America/Chicago'],
    ['520', 'America/Phoenix'],
    ['602', 'America/Phoenix'],
    ['612', 'America/Chicago'],
    ['617', 'America/New_York'],
    ['623', 'America/Phoenix'],
    ['646', 'America/New_York'],
    ['702', 'America/Los_Angeles'],
    ['713', 'America/Chicago'],
    ['718', 'America/New_York'],
    ['720', 'America/Denver'],
    ['801', 'America/Denver'],
    ['808', 'Pacific/Honolulu'],
    ['816', 'America/Chicago'],
    ['917', 'America/New_York'],
    ['929', 'America/New_York'],
    ['253', 'America/Los_Angeles'],
    ['307', 'America/Denver'],
    ['406', 'America/Denver'],
    ['787', 'America/Puerto_Rico'],
    ['939', 'America/Puerto_Rico'],
    ['340', 'America/St_Thomas'],
    ['671', 'Pacific/Guam'],
    ['670', 'Pacific/Saipan'],
    ['684', 'Pacific/Pago_Pago'],
    ['242', 'America/Nassau'],
    ['876', 'America/Jamaica'],
    ['809', 'America/Santo_Domingo'],
    ['441', 'Atlantic/Bermuda'],
    ['416', 'America/Toronto'],
    ['514', 'America/Toronto'],
    ['613', 'America/Toronto'],
    ['604', 'America/Vancouver'],
    ['204', 'America/Winnipeg'],
    ['306', 'America/Regina'],
    ['639', 'America/Regina'],
    ['474', 'America/Regina'],
    ['403', 'America/Edmonton'],
    ['780', 'America/Edmonton'],
    ['902', 'America/Halifax'],
    ['506', 'America/Moncton'],
  ])('maps %s to exactly %s', (areaCode, zone) => {
    expect(zonesForAreaCode(areaCode)).toEqual([zone]);
  });

  it.each([
    ['907', ['America/Anchorage', 'America/Adak']],
    ['709', ['America/St_Johns', 'America/Halifax']],
    ['928', ['America/Phoenix', 'America/Denver']],
    ['208', ['America/Boise', 'America/Los_Angeles']],
    ['986', ['America/Boise', 'America/Los_Angeles']],
    ['541', ['America/Los_Angeles', 'America/Boise']],
    ['605', ['America/Chicago', 'America/Denver']],
    ['701', ['America/Chicago', 'America/Denver']],
    ['308', ['America/Chicago', 'America/Denver']],
    ['620', ['America/Chicago', 'America/Denver']],
    ['785', ['America/Chicago', 'America/Denver']],
    ['432', ['America/Chicago', 'America/Denver']],
    ['850', ['America/New_York', 'America/Chicago']],
    ['270', ['America/New_York', 'America/Chicago']],
    ['423', ['America/New_York', 'America/Chicago']],
    ['931', ['America/New_York', 'America/Chicago']],
    ['812', ['America/Indiana/Indianapolis', 'America/Chicago']],
    ['219', ['America/Indiana/Indianapolis', 'America/Chicago']],
    ['574', ['America/Indiana/Indianapolis', 'America/Chicago']],
    ['930', ['America/Indiana/Indianapolis', 'America/Chicago']],
    ['906', ['America/Detroit', 'America/Menominee']],
    ['807', ['America/Toronto', 'America/Winnipeg']],
  ])('maps the straddling code %s to %j', (areaCode, zones) => {
    expect(zonesForAreaCode(areaCode)).toEqual(zones);
  });

  it('maps El Paso (915) to Mountain time only', () => {
    expect(zonesForAreaCode('915')).toEqual(['America/Denver']);
  });

  it('returns undefined for unknown or malformed codes', () => {
    for (const code of ['000', '123', '999', '21', '2120', '', 'abc'])
      expect(zonesForAreaCode(code)).toBeUndefined();
  });

  it('hands out frozen lists, shared by every caller', () => {
    expect(Object.isFrozen(zonesForAreaCode('208'))).toBe(true);
  });

  it('does not answer for Object.prototype keys', () => {
    expect(zonesForAreaCode('constructor')).toBeUndefined();
    expect(zonesForAreaCode('__proto__')).toBeUndefined();
  });
});

describe('areaCodeOf', () => {
  it('returns the three digits after +1 of a NANP number', () => {
    expect(areaCodeOf('+12125550123')).toBe('212');
    expect(areaCodeOf('+14168675309')).toBe('416');
    expect(areaCodeOf('+18005550199')).toBe('800');
  });

  it('returns undefined for other countries and malformed numbers', () => {
    for (const e164 of [
      '+442071838750',
      '+33142685300',
      '12125550123',
      '+1212555012',
      '+121255501234',
      '+11125550123',
      '+12121550123',
      '+1 212 555 0123',
      '',
    ]) {
      expect(areaCodeOf(e164), e164).toBeUndefined();
    }
  });
});
