import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGION_NAMES, regionForStateName, regionsForPostalCode } from '../../src/compliance';

describe('regionsForPostalCode: US ZIP codes', () => {
  it.each([
    ['33101', 'US-FL'],
    ['33101-1234', 'US-FL'],
    ['331011234', 'US-FL'],
    ['10001', 'US-NY'],
    ['00501', 'US-NY'],
    ['02903', 'US-RI'],
    ['03301', 'US-NH'],
    ['04101', 'US-ME'],
    ['06103', 'US-CT'],
    ['07102', 'US-NJ'],
    ['20500', 'US-DC'],
    ['20166', 'US-VA'],
    ['21201', 'US-MD'],
    ['30301', 'US-GA'],
    ['35203', 'US-AL'],
    ['39201', 'US-MS'],
    ['40202', 'US-KY'],
    ['55401', 'US-MN'],
    ['57101', 'US-SD'],
    ['66101', 'US-KS'],
    ['70112', 'US-LA'],
    ['73102', 'US-OK'],
    ['73301', 'US-TX'],
    ['75201', 'US-TX'],
    ['79901', 'US-TX'],
    ['88510', 'US-TX'],
    ['84101', 'US-UT'],
    ['89101', 'US-NV'],
    ['90210', 'US-CA'],
    ['96813', 'US-HI'],
    ['97201', 'US-OR'],
    ['98101', 'US-WA'],
    ['99501', 'US-AK'],
    ['15213', 'US-PA'],
    ['82001', 'US-WY'],
    ['00901', 'PR'],
    ['00802', 'VI'],
    ['96910', 'GU'],
    ['96950', 'MP'],
    ['96799', 'AS'],
  ])('%s is in %s', (zip, region) => {
    expect(regionsForPostalCode(zip)).toEqual([region]);
  });

  it.each([
    ['09001', 'APO/FPO AE'],
    ['34001', 'APO/FPO AA'],
    ['96201', 'APO/FPO AP'],
    ['96940', 'Palau'],
    ['00100', 'unassigned'],
    ['1234', 'too short'],
    ['123456', 'too long'],
    ['33101-12', 'broken ZIP+4'],
    ['', 'empty'],
  ])('%s (%s) has no region', (zip) => {
    expect(regionsForPostalCode(zip)).toBeUndefined();
  });

  it('property: every ZIP with a region names a known one, and ZIP+4 agrees with its ZIP', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9999 }), (zip, plus4) => {
        const five = String(zip).padStart(5, '0');
        const regions = regionsForPostalCode(five);
        expect(regionsForPostalCode(`${five}-${String(plus4).padStart(4, '0')}`)).toEqual(regions);
        for (const region of regions ?? []) expect(REGION_NAMES.has(region), five).toBe(true);
      }),
    );
  });
});

describe('regionsForPostalCode: Canadian postal codes', () => {
  it.each([
    ['A1C 5M2', ['CA-NL']],
    ['B3H 4R2', ['CA-NS']],
    ['C1A 4P3', ['CA-PE']],
    ['E1C 4M3', ['CA-NB']],
    ['H2X 1Y4', ['CA-QC']],
    ['G1R 4P5', ['CA-QC']],
    ['J8X 3X7', ['CA-QC']],
    ['K1A 0B1', ['CA-ON']],
    ['m5v3l9', ['CA-ON']],
    ['P3E 1A1', ['CA-ON']],
    ['R3C 4T3', ['CA-MB']],
    ['S4P 3V7', ['CA-SK']],
    ['T2P 1J9', ['CA-AB']],
    ['V6B 4Y8', ['CA-BC']],
    ['Y1A 2C6', ['CA-YT']],
    ['X1A 2L9', ['CA-NT']],
    ['X0E 0N0', ['CA-NT']],
    ['X0A 0H0', ['CA-NU']],
    ['X0C 0A0', ['CA-NU']],
    ['X0Z 0A0', ['CA-NT', 'CA-NU']],
    ['  K1A  ', ['CA-ON']],
  ])('%s is in %j', (code, regions) => {
    expect(regionsForPostalCode(code)).toEqual(regions);
  });

  it.each(['D1A 1A1', 'W1A 1A1', 'K1D 1A1', 'K1A 1O1', 'K1A-0B1', 'KK1 0B1'])('%s is malformed', (code) => {
    expect(regionsForPostalCode(code)).toBeUndefined();
  });
});

describe('regionForStateName', () => {
  it.each([
    ['FL', 'US-FL'],
    ['fl', 'US-FL'],
    ['Florida', 'US-FL'],
    ['  florida ', 'US-FL'],
    ['US-FL', 'US-FL'],
    ['us-fl', 'US-FL'],
    ['DC', 'US-DC'],
    ['Washington, D.C.', 'US-DC'],
    ['District of Columbia', 'US-DC'],
    ['Washington', 'US-WA'],
    ['West Virginia', 'US-WV'],
    ['CA', 'US-CA'],
    ['KY', 'US-KY'],
    ['MS', 'US-MS'],
    ['ON', 'CA-ON'],
    ['Ontario', 'CA-ON'],
    ['CA-ON', 'CA-ON'],
    ['Québec', 'CA-QC'],
    ['QUEBEC', 'CA-QC'],
    ['British Colombia', 'CA-BC'],
    ['P.E.I.', 'CA-PE'],
    ['Newfoundland', 'CA-NL'],
    ['PR', 'PR'],
    ['US-PR', 'PR'],
    ['Puerto Rico', 'PR'],
    ['U.S. Virgin Islands', 'VI'],
    ['Jamaica', 'JM'],
  ])('%s → %s', (text, region) => {
    expect(regionForStateName(text)).toBe(region);
  });

  it.each(['', 'Atlantis', 'XX', 'US-XX', 'Florida Keys', 'CA-FL'])('%s names no region', (text) => {
    expect(regionForStateName(text)).toBeUndefined();
  });

  it('reads every region back from its code and from each of its names', () => {
    for (const [region, names] of REGION_NAMES) {
      // A bare country code that is also a state's ('MS' Montserrat, 'KY' Cayman) reads as the state.
      const shadowedByState = REGION_NAMES.has(`US-${region}`);
      expect(regionForStateName(region), region).toBe(shadowedByState ? `US-${region}` : region);
      for (const name of names) expect(regionForStateName(name), name).toBe(region);
    }
  });

  it('reads US states and Canadian provinces from their bare two-letter codes without a clash', () => {
    const bare = [...REGION_NAMES.keys()].filter((r) => /^(US|CA)-[A-Z]{2}$/.test(r));
    const codes = bare.map((r) => r.slice(3));
    expect(new Set(codes).size).toBe(codes.length);
    for (const region of bare) expect(regionForStateName(region.slice(3).toLowerCase()), region).toBe(region);
  });
});
