import { describe, expect, it } from 'vitest';
import { NANP_AREA_CODE_ZONES } from '../../src/calling-window';
import { AREA_CODE_REGIONS, REGION_NAMES, regionsForAreaCode } from '../../src/compliance';

describe('area-code regions', () => {
  it('answers for exactly the area codes of the zone table', () => {
    expect([...AREA_CODE_REGIONS.keys()].sort()).toEqual([...NANP_AREA_CODE_ZONES.keys()].sort());
    for (const areaCode of NANP_AREA_CODE_ZONES.keys()) {
      expect(regionsForAreaCode(areaCode)?.length ?? 0, areaCode).toBeGreaterThan(0);
    }
  });

  it('names only known regions, each at most once per code', () => {
    for (const [areaCode, regions] of AREA_CODE_REGIONS) {
      expect(new Set(regions).size, areaCode).toBe(regions.length);
      for (const region of regions) expect(REGION_NAMES.has(region), `${areaCode}: ${region}`).toBe(true);
    }
  });

  it('serves every state, DC, territory, province and NANP country the region table knows', () => {
    const served = new Set([...AREA_CODE_REGIONS.values()].flat());
    expect([...REGION_NAMES.keys()].filter((region) => !served.has(region))).toEqual([]);
  });

  it('is undefined for non-geographic and unknown codes', () => {
    for (const code of ['800', '888', '900', '500', '533', '211', '911', '000', '12', 'abc']) {
      expect(regionsForAreaCode(code), code).toBeUndefined();
    }
  });

  it.each([
    ['212', ['US-NY']],
    ['305', ['US-FL']],
    ['728', ['US-FL']],
    ['202', ['US-DC']],
    ['787', ['PR']],
    ['340', ['VI']],
    ['671', ['GU']],
    ['416', ['CA-ON']],
    ['514', ['CA-QC']],
    ['257', ['CA-BC']],
    ['902', ['CA-NS', 'CA-PE']],
    ['867', ['CA-YT', 'CA-NT', 'CA-NU']],
    ['876', ['JM']],
    ['809', ['DO']],
  ])('%s is in %j', (areaCode, regions) => {
    expect(regionsForAreaCode(areaCode)).toEqual(regions);
  });

  it('hands out frozen lists', () => {
    expect(Object.isFrozen(regionsForAreaCode('305'))).toBe(true);
  });
});
