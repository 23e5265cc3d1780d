import type { RegionCode } from './jurisdiction-rule';

/*
 * Regions of postal codes: US ZIP codes by their 3-digit prefix (the USPS sectional centre
 * ranges), Canadian postal codes by their first letter (the postal district). Military (APO/FPO
 * AA, AE, AP) and unassigned prefixes answer `undefined`: they say nothing about local time.
 */

/** Inclusive 3-digit prefix ranges → region; unlisted prefixes are unassigned or military. */
const ZIP_PREFIX_RANGES: readonly (readonly [number, number, RegionCode])[] = [
  [5, 5, 'US-NY'], // Holtsville (IRS)
  [6, 7, 'PR'],
  [8, 8, 'VI'],
  [9, 9, 'PR'],
  [10, 27, 'US-MA'],
  [28, 29, 'US-RI'],
  [30, 38, 'US-NH'],
  [39, 49, 'US-ME'],
  [50, 54, 'US-VT'],
  [55, 55, 'US-MA'], // Andover (IRS)
  [56, 59, 'US-VT'],
  [60, 69, 'US-CT'],
  [70, 89, 'US-NJ'],
  [100, 149, 'US-NY'],
  [150, 196, 'US-PA'],
  [197, 199, 'US-DE'],
  [200, 200, 'US-DC'],
  [201, 201, 'US-VA'], // Dulles
  [202, 205, 'US-DC'],
  [206, 219, 'US-MD'],
  [220, 246, 'US-VA'],
  [247, 268, 'US-WV'],
  [270, 289, 'US-NC'],
  [290, 299, 'US-SC'],
  [300, 319, 'US-GA'],
  [320, 339, 'US-FL'],
  [341, 349, 'US-FL'],
  [350, 369, 'US-AL'],
  [370, 385, 'US-TN'],
  [386, 397, 'US-MS'],
  [398, 399, 'US-GA'],
  [400, 427, 'US-KY'],
  [430, 459, 'US-OH'],
  [460, 479, 'US-IN'],
  [480, 499, 'US-MI'],
  [500, 528, 'US-IA'],
  [530, 549, 'US-WI'],
  [550, 567, 'US-MN'],
  [569, 569, 'US-DC'],
  [570, 577, 'US-SD'],
  [580, 588, 'US-ND'],
  [590, 599, 'US-MT'],
  [600, 629, 'US-IL'],
  [630, 658, 'US-MO'],
  [660, 679, 'US-KS'],
  [680, 693, 'US-NE'],
  [700, 714, 'US-LA'],
  [716, 729, 'US-AR'],
  [730, 732, 'US-OK'],
  [733, 733, 'US-TX'], // Austin (IRS)
  [734, 749, 'US-OK'],
  [750, 799, 'US-TX'],
  [800, 816, 'US-CO'],
  [820, 831, 'US-WY'],
  [832, 838, 'US-ID'],
  [840, 847, 'US-UT'],
  [850, 865, 'US-AZ'],
  [870, 884, 'US-NM'],
  [885, 885, 'US-TX'], // El Paso
  [889, 898, 'US-NV'],
  [900, 961, 'US-CA'],
  [967, 968, 'US-HI'],
  [970, 979, 'US-OR'],
  [980, 994, 'US-WA'],
  [995, 999, 'US-AK'],
];

/**
 * Five-digit exceptions inside a prefix: American Samoa shares Hawaii's 967, and 969 is split
 * between Guam, the Northern Marianas and the freely associated states (which have no NANP rules).
 */
const ZIP_EXCEPTIONS: readonly (readonly [number, number, RegionCode])[] = [
  [96799, 96799, 'AS'],
  [96910, 96932, 'GU'],
  [96950, 96952, 'MP'],
];

function rangeLookup(
  table: readonly (readonly [number, number, RegionCode])[],
  key: number,
): RegionCode | undefined {
  return table.find(([low, high]) => key >= low && key <= high)?.[2];
}

function zipRegion(zip5: number): RegionCode | undefined {
  const exception = rangeLookup(ZIP_EXCEPTIONS, zip5);
  if (exception !== undefined) return exception;
  const prefix = Math.floor(zip5 / 100);
  // 969 outside the exceptions: Palau, Micronesia, the Marshall Islands.
  if (prefix === 969) return undefined;
  return rangeLookup(ZIP_PREFIX_RANGES, prefix);
}

/** Canada Post's first letter (postal district) → province or territory. */
const CANADIAN_DISTRICTS: Readonly<Record<string, readonly RegionCode[]>> = {
  A: ['CA-NL'],
  B: ['CA-NS'],
  C: ['CA-PE'],
  E: ['CA-NB'],
  G: ['CA-QC'],
  H: ['CA-QC'],
  J: ['CA-QC'],
  K: ['CA-ON'],
  L: ['CA-ON'],
  M: ['CA-ON'],
  N: ['CA-ON'],
  P: ['CA-ON'],
  R: ['CA-MB'],
  S: ['CA-SK'],
  T: ['CA-AB'],
  V: ['CA-BC'],
  // X covers both northern territories; the forward sortation area tells them apart.
  X: ['CA-NT', 'CA-NU'],
  Y: ['CA-YT'],
};

/** Nunavut's forward sortation areas (X0A Baffin, X0B Kitikmeot, X0C Kivalliq); other X are NT. */
const NUNAVUT_FSAS = new Set(['X0A', 'X0B', 'X0C']);
const NORTHWEST_TERRITORIES_FSAS = new Set(['X0E', 'X0G', 'X1A']);

const US_ZIP = /^(\d{5})(?:-?\d{4})?$/;
/** A full postal code (`A1A 1A1`) or just its forward sortation area (`A1A`). */
const CANADIAN_POSTAL_CODE = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(?: ?\d[ABCEGHJ-NPRSTV-Z]\d)?$/;

function canadianRegions(fsa: string): readonly RegionCode[] | undefined {
  if (NUNAVUT_FSAS.has(fsa)) return ['CA-NU'];
  if (NORTHWEST_TERRITORIES_FSAS.has(fsa)) return ['CA-NT'];
  return CANADIAN_DISTRICTS[fsa.charAt(0)];
}

/**
 * The regions a postal code lies in: `['US-FL']` for `'33101'` or `'33101-1234'`, `['PR']` for
 * `'00901'`, `['CA-ON']` for `'K1A 0B1'`. Usually one region; an X code whose sortation area is
 * not a known one answers both northern territories (`['CA-NT', 'CA-NU']`), and the caller
 * applies the rules of both. Case and surrounding spaces are ignored. `undefined` for military,
 * unassigned or malformed codes.
 */
export function regionsForPostalCode(code: string): readonly RegionCode[] | undefined {
  const text = code.trim().toUpperCase();
  const zip = US_ZIP.exec(text);
  if (zip?.[1] !== undefined) {
    const region = zipRegion(Number(zip[1]));
    return region === undefined ? undefined : [region];
  }
  const canadian = CANADIAN_POSTAL_CODE.exec(text);
  return canadian?.[1] === undefined ? undefined : canadianRegions(canadian[1]);
}
