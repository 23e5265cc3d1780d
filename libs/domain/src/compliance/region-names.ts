import type { RegionCode } from './jurisdiction-rule';

/*
 * The regions the compliance tables know, with the names people write for them. The first name is
 * the official one; the others are common spellings (French names of Canadian provinces,
 * abbreviations). Territories that are their own ISO country keep the bare country code.
 */

/** US states and the District of Columbia, by USPS code. */
const US_STATES: Readonly<Record<string, readonly string[]>> = {
  AL: ['Alabama'],
  AK: ['Alaska'],
  AZ: ['Arizona'],
  AR: ['Arkansas'],
  CA: ['California'],
  CO: ['Colorado'],
  CT: ['Connecticut'],
  DE: ['Delaware'],
  DC: ['District of Columbia', 'Washington DC'],
  FL: ['Florida'],
  GA: ['Georgia'],
  HI: ['Hawaii'],
  ID: ['Idaho'],
  IL: ['Illinois'],
  IN: ['Indiana'],
  IA: ['Iowa'],
  KS: ['Kansas'],
  KY: ['Kentucky'],
  LA: ['Louisiana'],
  ME: ['Maine'],
  MD: ['Maryland'],
  MA: ['Massachusetts'],
  MI: ['Michigan'],
  MN: ['Minnesota'],
  MS: ['Mississippi'],
  MO: ['Missouri'],
  MT: ['Montana'],
  NE: ['Nebraska'],
  NV: ['Nevada'],
  NH: ['New Hampshire'],
  NJ: ['New Jersey'],
  NM: ['New Mexico'],
  NY: ['New York'],
  NC: ['North Carolina'],
  ND: ['North Dakota'],
  OH: ['Ohio'],
  OK: ['Oklahoma'],
  OR: ['Oregon'],
  PA: ['Pennsylvania'],
  RI: ['Rhode Island'],
  SC: ['South Carolina'],
  SD: ['South Dakota'],
  TN: ['Tennessee'],
  TX: ['Texas'],
  UT: ['Utah'],
  VT: ['Vermont'],
  VA: ['Virginia'],
  WA: ['Washington', 'Washington State'],
  WV: ['West Virginia'],
  WI: ['Wisconsin'],
  WY: ['Wyoming'],
};

/** Canadian provinces and territories, by Canada Post code. */
const CANADIAN_PROVINCES: Readonly<Record<string, readonly string[]>> = {
  AB: ['Alberta'],
  // libphonenumber's geocoder spells it "British Colombia"; user input copied from it does too.
  BC: ['British Columbia', 'Colombie-Britannique', 'British Colombia'],
  MB: ['Manitoba'],
  NB: ['New Brunswick', 'Nouveau-Brunswick'],
  NL: ['Newfoundland and Labrador', 'Newfoundland', 'Terre-Neuve-et-Labrador'],
  NS: ['Nova Scotia', 'Nouvelle-Ecosse'],
  NT: ['Northwest Territories', 'Territoires du Nord-Ouest'],
  NU: ['Nunavut'],
  ON: ['Ontario'],
  PE: ['Prince Edward Island', 'PEI', 'Ile-du-Prince-Edouard'],
  QC: ['Quebec'],
  SK: ['Saskatchewan'],
  YT: ['Yukon', 'Yukon Territory'],
};

/** US territories with their own ISO 3166-1 code (also ISO 3166-2 `US-XX`). */
const US_TERRITORIES: Readonly<Record<string, readonly string[]>> = {
  AS: ['American Samoa'],
  GU: ['Guam'],
  MP: ['Northern Mariana Islands'],
  PR: ['Puerto Rico'],
  VI: ['U.S. Virgin Islands', 'US Virgin Islands', 'United States Virgin Islands', 'Virgin Islands'],
};

/** Caribbean and Atlantic NANP countries, by ISO 3166-1 code. */
const NANP_COUNTRIES: Readonly<Record<string, readonly string[]>> = {
  AG: ['Antigua and Barbuda'],
  AI: ['Anguilla'],
  BB: ['Barbados'],
  BM: ['Bermuda'],
  BS: ['Bahamas'],
  DM: ['Dominica'],
  DO: ['Dominican Republic'],
  GD: ['Grenada'],
  JM: ['Jamaica'],
  KN: ['Saint Kitts and Nevis', 'St Kitts and Nevis'],
  KY: ['Cayman Islands'],
  LC: ['Saint Lucia', 'St Lucia'],
  MS: ['Montserrat'],
  SX: ['Sint Maarten'],
  TC: ['Turks and Caicos Islands'],
  TT: ['Trinidad and Tobago'],
  VC: ['Saint Vincent and the Grenadines', 'St Vincent and the Grenadines', 'St Vincent Grenadines'],
  VG: ['British Virgin Islands'],
};

function withPrefix(
  prefix: string,
  table: Readonly<Record<string, readonly string[]>>,
): [RegionCode, readonly string[]][] {
  return Object.entries(table).map(([code, names]) => [`${prefix}${code}`, names]);
}

/** Every region code the compliance tables know, with its names (official name first). */
export const REGION_NAMES: ReadonlyMap<RegionCode, readonly string[]> = new Map([
  ...withPrefix('US-', US_STATES),
  ...withPrefix('CA-', CANADIAN_PROVINCES),
  ...withPrefix('', US_TERRITORIES),
  ...withPrefix('', NANP_COUNTRIES),
]);

/** Every Canadian province and territory, e.g. for a national rule such as the CRTC's. */
export const CANADIAN_REGIONS: readonly RegionCode[] = Object.keys(CANADIAN_PROVINCES).map(
  (code) => `CA-${code}`,
);

/** Upper case, accents and dots dropped, commas and runs of spaces made one space: `'Québec'` → `'QUEBEC'`. */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\./g, '')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

const BY_TEXT: ReadonlyMap<string, RegionCode> = buildTextIndex();

function buildTextIndex(): Map<string, RegionCode> {
  const index = new Map<string, RegionCode>();
  const add = (text: string, region: RegionCode): void => {
    index.set(normalise(text), region);
  };
  for (const [region, names] of REGION_NAMES) {
    add(region, region);
    for (const name of names) add(name, region);
  }
  // Bare two-letter codes of states and provinces ('FL', 'ON') never collide: checked by a test.
  for (const code of Object.keys(US_STATES)) add(code, `US-${code}`);
  for (const code of Object.keys(CANADIAN_PROVINCES)) add(code, `CA-${code}`);
  // Territories are also ISO 3166-2 subdivisions of the US ('US-PR').
  for (const code of Object.keys(US_TERRITORIES)) add(`US-${code}`, code);
  return index;
}

/**
 * The region a state or province is written as: a USPS or Canada Post code (`'FL'`, `'fl'`,
 * `'ON'`), an ISO 3166-2 code (`'US-FL'`, `'CA-ON'`, `'US-PR'`), or a name (`'Florida'`,
 * `'Québec'`, `'Puerto Rico'`). Case, accents, dots and extra spaces are ignored. `undefined`
 * when the text names no known region. Territories and NANP countries answer their bare ISO
 * country code (`'PR'`); a bare two-letter code is read as a state or province first, so `'KY'`
 * is Kentucky, never the Cayman Islands.
 */
export function regionForStateName(text: string): RegionCode | undefined {
  return BY_TEXT.get(normalise(text));
}
