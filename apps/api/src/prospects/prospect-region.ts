/**
 * A prospect's `state` as imported, read as an ISO 3166-2 region code. A stop-gap until the
 * domain's `regionForStateName` (libs/domain/src/compliance/postal-code-regions.ts) is available:
 * the same job, kept to what the import needs.
 */

/** US states, DC and the inhabited territories (ISO 3166-2:US codes), with their names. */
const US_REGIONS: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho',
  IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana',
  ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada',
  NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina',
  ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas',
  UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia',
  WI: 'Wisconsin', WY: 'Wyoming', DC: 'District of Columbia', AS: 'American Samoa', GU: 'Guam',
  MP: 'Northern Mariana Islands', PR: 'Puerto Rico', VI: 'U.S. Virgin Islands',
  UM: 'United States Minor Outlying Islands',
}; // prettier-ignore

/** Canadian provinces and territories (ISO 3166-2:CA codes), with their names. */
const CA_REGIONS: Readonly<Record<string, string>> = {
  AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick',
  NL: 'Newfoundland and Labrador', NS: 'Nova Scotia', NT: 'Northwest Territories', NU: 'Nunavut',
  ON: 'Ontario', PE: 'Prince Edward Island', QC: 'Quebec', SK: 'Saskatchewan', YT: 'Yukon',
}; // prettier-ignore

/** Other names people write for a region (old or long forms). */
const ALIASES: Readonly<Record<string, string>> = {
  'washington dc': 'US-DC',
  'washington d c': 'US-DC',
  'd c': 'US-DC',
  'virgin islands': 'US-VI',
  'us virgin islands': 'US-VI',
  'united states virgin islands': 'US-VI',
  newfoundland: 'CA-NL',
  'yukon territory': 'CA-YT',
  pei: 'CA-PE',
};

/** Lower case, accents dropped (Québec), dots, hyphens and runs of spaces made single spaces. */
function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.\-_,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function buildIndex(): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const [country, regions] of [
    ['US', US_REGIONS],
    ['CA', CA_REGIONS],
  ] as const) {
    for (const [code, name] of Object.entries(regions)) {
      const iso = `${country}-${code}`;
      index.set(code.toLowerCase(), iso);
      index.set(`${country.toLowerCase()} ${code.toLowerCase()}`, iso);
      index.set(nameKey(name), iso);
    }
  }
  for (const [alias, iso] of Object.entries(ALIASES)) index.set(alias, iso);
  return index;
}

const REGION_INDEX = buildIndex();

/**
 * The ISO 3166-2 code ('US-FL', 'CA-ON') of a US state, DC, US territory or Canadian province or
 * territory, given as its 2-letter code ('FL', 'on'), its ISO code ('US-FL') or its name
 * ('Florida', 'Québec', 'new york'); `undefined` for anything else. No 2-letter code is shared
 * between the two countries, so 'CA' is California and Canada's codes read as provinces.
 */
export function regionCodeOf(text: string): string | undefined {
  return REGION_INDEX.get(nameKey(text));
}
