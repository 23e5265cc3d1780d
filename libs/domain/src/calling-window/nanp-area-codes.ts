/*
 * Geographic NANP area codes (NPAs) and the IANA zones their rate centres keep.
 *
 * An area code that straddles a time-zone line lists every zone in use inside it. Calling-window
 * checks then require the window to be open in all of them, so a prospect in such an area code
 * gets the narrower, always-legal window (later opening, earlier closing) whichever side of the
 * line they live on. A prospect's own time zone, when known, is used instead (see
 * `resolveRecipientZones`).
 *
 * Overlays share their parent's zones. Toll-free, premium, personal (5XX) and other
 * non-geographic codes are absent on purpose: they say nothing about where the recipient is.
 */

const NEW_YORK = 'America/New_York';
const DETROIT = 'America/Detroit';
const INDIANAPOLIS = 'America/Indiana/Indianapolis';
const CHICAGO = 'America/Chicago';
const MENOMINEE = 'America/Menominee';
const DENVER = 'America/Denver';
const BOISE = 'America/Boise';
const PHOENIX = 'America/Phoenix';
const LOS_ANGELES = 'America/Los_Angeles';
const ANCHORAGE = 'America/Anchorage';
const ADAK = 'America/Adak';
const HONOLULU = 'Pacific/Honolulu';
const TORONTO = 'America/Toronto';
const WINNIPEG = 'America/Winnipeg';
const REGINA = 'America/Regina';
const EDMONTON = 'America/Edmonton';
const VANCOUVER = 'America/Vancouver';
const HALIFAX = 'America/Halifax';
const MONCTON = 'America/Moncton';
const ST_JOHNS = 'America/St_Johns';

const EASTERN = [NEW_YORK] as const;
const MICHIGAN = [DETROIT] as const;
const INDIANA = [INDIANAPOLIS] as const;
const CENTRAL = [CHICAGO] as const;
const MOUNTAIN = [DENVER] as const;
const ARIZONA = [PHOENIX] as const;
const PACIFIC = [LOS_ANGELES] as const;
const ONTARIO_QUEBEC = [TORONTO] as const;
const MANITOBA = [WINNIPEG] as const;
const SASKATCHEWAN = [REGINA] as const;
const ALBERTA = [EDMONTON] as const;
const MARITIMES = [HALIFAX] as const;

/**
 * Codes crossing the Eastern/Central line: the Florida panhandle, Kentucky and Tennessee. Middle
 * Tennessee and Louisville are listed too, for the rate centres near the line.
 */
const EASTERN_AND_CENTRAL = [NEW_YORK, CHICAGO] as const;
/** Northwest (Gary) and southwest (Evansville) Indiana keep Central time. */
const INDIANA_AND_CENTRAL = [INDIANAPOLIS, CHICAGO] as const;
/** Codes crossing the Central/Mountain line: the Dakotas, Nebraska, Kansas and far West Texas. */
const CENTRAL_AND_MOUNTAIN = [CHICAGO, DENVER] as const;
/** The Idaho panhandle keeps Pacific time. */
const IDAHO = [BOISE, LOS_ANGELES] as const;
/** Malheur County, Oregon keeps Mountain time. */
const EASTERN_OREGON = [LOS_ANGELES, BOISE] as const;
/** West Wendover and Jackpot, Nevada keep Mountain time. */
const NORTHERN_NEVADA = [LOS_ANGELES, DENVER] as const;
/** Arizona has no DST, but the Navajo Nation in its northeast does. */
const NORTHERN_ARIZONA = [PHOENIX, DENVER] as const;
/** The Upper Peninsula's four Wisconsin-border counties keep Central time. */
const UPPER_PENINSULA = [DETROIT, MENOMINEE] as const;
/** The western Aleutians keep Hawaii-Aleutian time. */
const ALASKA = [ANCHORAGE, ADAK] as const;
/** The Kootenays and the Peace River country keep Mountain time (with or without DST). */
const INTERIOR_BC = [VANCOUVER, EDMONTON] as const;
/** Northwestern Ontario (Kenora, Rainy River) keeps Central time. */
const NORTHERN_ONTARIO = [TORONTO, WINNIPEG] as const;
/** The Magdalen Islands keep Atlantic time; the Lower North Shore keeps AST without DST. */
const EASTERN_QUEBEC = [TORONTO, HALIFAX] as const;
/** Labrador keeps Atlantic time, the island of Newfoundland UTC-3:30 / -2:30. */
const NEWFOUNDLAND_AND_LABRADOR = [ST_JOHNS, HALIFAX] as const;
/** Yukon (UTC-7 all year), Northwest Territories and Nunavut's Mountain, Central and Eastern regions. */
const NORTHERN_TERRITORIES = ['America/Whitehorse', EDMONTON, WINNIPEG, 'America/Iqaluit'] as const;

/*
 * One object literal so that TypeScript rejects a duplicate area code (TS1117). Grouped by state,
 * province or country, sorted within each group.
 */
const AREA_CODE_ZONES: Readonly<Record<string, readonly string[]>> = {
  // Alabama
  '205': CENTRAL,
  '251': CENTRAL,
  '256': CENTRAL,
  '334': CENTRAL,
  '659': CENTRAL,
  '938': CENTRAL,
  // Alaska
  '907': ALASKA,
  // Arizona
  '480': ARIZONA,
  '520': ARIZONA,
  '602': ARIZONA,
  '623': ARIZONA,
  '928': NORTHERN_ARIZONA,
  // Arkansas
  '327': CENTRAL,
  '479': CENTRAL,
  '501': CENTRAL,
  '870': CENTRAL,
  // California
  '209': PACIFIC,
  '213': PACIFIC,
  '279': PACIFIC,
  '310': PACIFIC,
  '323': PACIFIC,
  '341': PACIFIC,
  '350': PACIFIC,
  '369': PACIFIC,
  '408': PACIFIC,
  '415': PACIFIC,
  '424': PACIFIC,
  '442': PACIFIC,
  '510': PACIFIC,
  '530': PACIFIC,
  '559': PACIFIC,
  '562': PACIFIC,
  '619': PACIFIC,
  '626': PACIFIC,
  '628': PACIFIC,
  '650': PACIFIC,
  '657': PACIFIC,
  '661': PACIFIC,
  '669': PACIFIC,
  '707': PACIFIC,
  '714': PACIFIC,
  '738': PACIFIC,
  '747': PACIFIC,
  '760': PACIFIC,
  '805': PACIFIC,
  '818': PACIFIC,
  '820': PACIFIC,
  '831': PACIFIC,
  '837': PACIFIC,
  '840': PACIFIC,
  '858': PACIFIC,
  '909': PACIFIC,
  '916': PACIFIC,
  '925': PACIFIC,
  '949': PACIFIC,
  '951': PACIFIC,
  // Colorado
  '303': MOUNTAIN,
  '719': MOUNTAIN,
  '720': MOUNTAIN,
  '748': MOUNTAIN,
  '970': MOUNTAIN,
  '983': MOUNTAIN,
  // Connecticut
  '203': EASTERN,
  '475': EASTERN,
  '860': EASTERN,
  '959': EASTERN,
  // Delaware
  '302': EASTERN,
  // District of Columbia
  '202': EASTERN,
  '771': EASTERN,
  // Florida
  '239': EASTERN,
  '305': EASTERN,
  '321': EASTERN,
  '324': EASTERN,
  '352': EASTERN,
  '386': EASTERN,
  '407': EASTERN,
  '448': EASTERN_AND_CENTRAL,
  '561': EASTERN,
  '645': EASTERN,
  '656': EASTERN,
  '689': EASTERN,
  '727': EASTERN,
  '728': EASTERN,
  '754': EASTERN,
  '772': EASTERN,
  '786': EASTERN,
  '813': EASTERN,
  '850': EASTERN_AND_CENTRAL,
  '863': EASTERN,
  '904': EASTERN,
  '941': EASTERN,
  '954': EASTERN,
  // Georgia
  '229': EASTERN,
  '404': EASTERN,
  '470': EASTERN,
  '478': EASTERN,
  '678': EASTERN,
  '706': EASTERN,
  '762': EASTERN,
  '770': EASTERN,
  '912': EASTERN,
  '943': EASTERN,
  // Hawaii
  '808': [HONOLULU],
  // Idaho
  '208': IDAHO,
  '986': IDAHO,
  // Illinois
  '217': CENTRAL,
  '224': CENTRAL,
  '309': CENTRAL,
  '312': CENTRAL,
  '331': CENTRAL,
  '447': CENTRAL,
  '464': CENTRAL,
  '618': CENTRAL,
  '630': CENTRAL,
  '708': CENTRAL,
  '730': CENTRAL,
  '773': CENTRAL,
  '779': CENTRAL,
  '815': CENTRAL,
  '847': CENTRAL,
  '872': CENTRAL,
  // Indiana
  '219': INDIANA_AND_CENTRAL,
  '260': INDIANA,
  '317': INDIANA,
  '463': INDIANA,
  '574': INDIANA_AND_CENTRAL,
  '765': INDIANA,
  '812': INDIANA_AND_CENTRAL,
  '930': INDIANA_AND_CENTRAL,
  // Iowa
  '319': CENTRAL,
  '515': CENTRAL,
  '563': CENTRAL,
  '641': CENTRAL,
  '712': CENTRAL,
  // Kansas
  '316': CENTRAL,
  '620': CENTRAL_AND_MOUNTAIN,
  '785': CENTRAL_AND_MOUNTAIN,
  '913': CENTRAL,
  // Kentucky
  '270': EASTERN_AND_CENTRAL,
  '364': EASTERN_AND_CENTRAL,
  '502': EASTERN_AND_CENTRAL,
  '606': EASTERN_AND_CENTRAL,
  '859': EASTERN,
  // Louisiana
  '225': CENTRAL,
  '318': CENTRAL,
  '337': CENTRAL,
  '504': CENTRAL,
  '985': CENTRAL,
  // Maine
  '207': EASTERN,
  // Maryland
  '227': EASTERN,
  '240': EASTERN,
  '301': EASTERN,
  '410': EASTERN,
  '443': EASTERN,
  '667': EASTERN,
  // Massachusetts
  '339': EASTERN,
  '351': EASTERN,
  '413': EASTERN,
  '508': EASTERN,
  '617': EASTERN,
  '774': EASTERN,
  '781': EASTERN,
  '857': EASTERN,
  '978': EASTERN,
  // Michigan
  '231': MICHIGAN,
  '248': MICHIGAN,
  '269': MICHIGAN,
  '313': MICHIGAN,
  '517': MICHIGAN,
  '586': MICHIGAN,
  '616': MICHIGAN,
  '679': MICHIGAN,
  '734': MICHIGAN,
  '810': MICHIGAN,
  '906': UPPER_PENINSULA,
  '947': MICHIGAN,
  '989': MICHIGAN,
  // Minnesota
  '218': CENTRAL,
  '320': CENTRAL,
  '507': CENTRAL,
  '612': CENTRAL,
  '651': CENTRAL,
  '763': CENTRAL,
  '952': CENTRAL,
  // Mississippi
  '228': CENTRAL,
  '601': CENTRAL,
  '662': CENTRAL,
  '769': CENTRAL,
  // Missouri
  '235': CENTRAL,
  '314': CENTRAL,
  '417': CENTRAL,
  '557': CENTRAL,
  '573': CENTRAL,
  '636': CENTRAL,
  '660': CENTRAL,
  '816': CENTRAL,
  '975': CENTRAL,
  // Montana
  '406': MOUNTAIN,
  // Nebraska
  '308': CENTRAL_AND_MOUNTAIN,
  '402': CENTRAL_AND_MOUNTAIN,
  '531': CENTRAL_AND_MOUNTAIN,
  // Nevada
  '702': PACIFIC,
  '725': PACIFIC,
  '775': NORTHERN_NEVADA,
  // New Hampshire
  '603': EASTERN,
  // New Jersey
  '201': EASTERN,
  '551': EASTERN,
  '609': EASTERN,
  '640': EASTERN,
  '732': EASTERN,
  '848': EASTERN,
  '856': EASTERN,
  '862': EASTERN,
  '908': EASTERN,
  '973': EASTERN,
  // New Mexico
  '505': MOUNTAIN,
  '575': MOUNTAIN,
  // New York
  '212': EASTERN,
  '315': EASTERN,
  '329': EASTERN,
  '332': EASTERN,
  '347': EASTERN,
  '363': EASTERN,
  '516': EASTERN,
  '518': EASTERN,
  '585': EASTERN,
  '607': EASTERN,
  '624': EASTERN,
  '631': EASTERN,
  '646': EASTERN,
  '680': EASTERN,
  '716': EASTERN,
  '718': EASTERN,
  '838': EASTERN,
  '845': EASTERN,
  '914': EASTERN,
  '917': EASTERN,
  '929': EASTERN,
  '934': EASTERN,
  // North Carolina
  '252': EASTERN,
  '336': EASTERN,
  '472': EASTERN,
  '704': EASTERN,
  '743': EASTERN,
  '828': EASTERN,
  '910': EASTERN,
  '919': EASTERN,
  '980': EASTERN,
  '984': EASTERN,
  // North Dakota
  '701': CENTRAL_AND_MOUNTAIN,
  // Ohio
  '216': EASTERN,
  '220': EASTERN,
  '234': EASTERN,
  '283': EASTERN,
  '326': EASTERN,
  '330': EASTERN,
  '380': EASTERN,
  '419': EASTERN,
  '436': EASTERN,
  '440': EASTERN,
  '513': EASTERN,
  '567': EASTERN,
  '614': EASTERN,
  '740': EASTERN,
  '937': EASTERN,
  // Oklahoma
  '405': CENTRAL,
  '539': CENTRAL,
  '572': CENTRAL,
  '580': CENTRAL,
  '918': CENTRAL,
  // Oregon
  '458': EASTERN_OREGON,
  '503': PACIFIC,
  '541': EASTERN_OREGON,
  '971': PACIFIC,
  // Pennsylvania
  '215': EASTERN,
  '223': EASTERN,
  '267': EASTERN,
  '272': EASTERN,
  '412': EASTERN,
  '445': EASTERN,
  '484': EASTERN,
  '570': EASTERN,
  '582': EASTERN,
  '610': EASTERN,
  '717': EASTERN,
  '724': EASTERN,
  '814': EASTERN,
  '835': EASTERN,
  '878': EASTERN,
  // Rhode Island
  '401': EASTERN,
  // South Carolina
  '803': EASTERN,
  '821': EASTERN,
  '839': EASTERN,
  '843': EASTERN,
  '854': EASTERN,
  '864': EASTERN,
  // South Dakota
  '605': CENTRAL_AND_MOUNTAIN,
  // Tennessee
  '423': EASTERN_AND_CENTRAL,
  '615': EASTERN_AND_CENTRAL,
  '629': EASTERN_AND_CENTRAL,
  '731': CENTRAL,
  '865': EASTERN,
  '901': CENTRAL,
  '931': EASTERN_AND_CENTRAL,
  // Texas
  '210': CENTRAL,
  '214': CENTRAL,
  '254': CENTRAL,
  '281': CENTRAL,
  '325': CENTRAL,
  '346': CENTRAL,
  '361': CENTRAL,
  '409': CENTRAL,
  '430': CENTRAL,
  '432': CENTRAL_AND_MOUNTAIN,
  '469': CENTRAL,
  '512': CENTRAL,
  '682': CENTRAL,
  '713': CENTRAL,
  '726': CENTRAL,
  '737': CENTRAL,
  '806': CENTRAL,
  '817': CENTRAL,
  '830': CENTRAL,
  '832': CENTRAL,
  '903': CENTRAL,
  '915': MOUNTAIN,
  '936': CENTRAL,
  '940': CENTRAL,
  '945': CENTRAL,
  '956': CENTRAL,
  '972': CENTRAL,
  '979': CENTRAL,
  // Utah
  '385': MOUNTAIN,
  '435': MOUNTAIN,
  '801': MOUNTAIN,
  // Vermont
  '802': EASTERN,
  // Virginia
  '276': EASTERN,
  '434': EASTERN,
  '540': EASTERN,
  '571': EASTERN,
  '686': EASTERN,
  '703': EASTERN,
  '757': EASTERN,
  '804': EASTERN,
  '826': EASTERN,
  '948': EASTERN,
  // Washington
  '206': PACIFIC,
  '253': PACIFIC,
  '360': PACIFIC,
  '425': PACIFIC,
  '509': PACIFIC,
  '564': PACIFIC,
  // West Virginia
  '304': EASTERN,
  '681': EASTERN,
  // Wisconsin
  '262': CENTRAL,
  '274': CENTRAL,
  '353': CENTRAL,
  '414': CENTRAL,
  '534': CENTRAL,
  '608': CENTRAL,
  '715': CENTRAL,
  '920': CENTRAL,
  // Wyoming
  '307': MOUNTAIN,

  // US territories
  '340': ['America/St_Thomas'],
  '670': ['Pacific/Saipan'],
  '671': ['Pacific/Guam'],
  '684': ['Pacific/Pago_Pago'],
  '787': ['America/Puerto_Rico'],
  '939': ['America/Puerto_Rico'],

  // Alberta
  '368': ALBERTA,
  '403': ALBERTA,
  '587': ALBERTA,
  '780': ALBERTA,
  '825': ALBERTA,
  // British Columbia: 604 is the Lower Mainland only, the others cover the whole province
  '236': INTERIOR_BC,
  '250': INTERIOR_BC,
  '257': INTERIOR_BC,
  '604': [VANCOUVER],
  '672': INTERIOR_BC,
  '778': INTERIOR_BC,
  // Manitoba
  '204': MANITOBA,
  '431': MANITOBA,
  '584': MANITOBA,
  // New Brunswick
  '428': [MONCTON],
  '506': [MONCTON],
  // Newfoundland and Labrador
  '709': NEWFOUNDLAND_AND_LABRADOR,
  '879': NEWFOUNDLAND_AND_LABRADOR,
  // Nova Scotia and Prince Edward Island
  '782': MARITIMES,
  '902': MARITIMES,
  // Ontario
  '226': ONTARIO_QUEBEC,
  '249': ONTARIO_QUEBEC,
  '289': ONTARIO_QUEBEC,
  '343': ONTARIO_QUEBEC,
  '365': ONTARIO_QUEBEC,
  '382': ONTARIO_QUEBEC,
  '416': ONTARIO_QUEBEC,
  '437': ONTARIO_QUEBEC,
  '519': ONTARIO_QUEBEC,
  '548': ONTARIO_QUEBEC,
  '613': ONTARIO_QUEBEC,
  '647': ONTARIO_QUEBEC,
  '683': ONTARIO_QUEBEC,
  '705': ONTARIO_QUEBEC,
  '742': ONTARIO_QUEBEC,
  '753': ONTARIO_QUEBEC,
  '807': NORTHERN_ONTARIO,
  '905': ONTARIO_QUEBEC,
  '942': ONTARIO_QUEBEC,
  // Quebec
  '263': ONTARIO_QUEBEC,
  '354': ONTARIO_QUEBEC,
  '367': EASTERN_QUEBEC,
  '418': EASTERN_QUEBEC,
  '438': ONTARIO_QUEBEC,
  '450': ONTARIO_QUEBEC,
  '468': ONTARIO_QUEBEC,
  '514': ONTARIO_QUEBEC,
  '579': ONTARIO_QUEBEC,
  '581': EASTERN_QUEBEC,
  '819': ONTARIO_QUEBEC,
  '873': ONTARIO_QUEBEC,
  // Saskatchewan
  '306': SASKATCHEWAN,
  '474': SASKATCHEWAN,
  '639': SASKATCHEWAN,
  // Yukon, Northwest Territories and Nunavut
  '867': NORTHERN_TERRITORIES,

  // Caribbean and Atlantic NANP countries
  '242': ['America/Nassau'],
  '246': ['America/Barbados'],
  '264': ['America/Anguilla'],
  '268': ['America/Antigua'],
  '284': ['America/Tortola'],
  '345': ['America/Cayman'],
  '441': ['Atlantic/Bermuda'],
  '473': ['America/Grenada'],
  '649': ['America/Grand_Turk'],
  '658': ['America/Jamaica'],
  '664': ['America/Montserrat'],
  '721': ['America/Lower_Princes'],
  '758': ['America/St_Lucia'],
  '767': ['America/Dominica'],
  '784': ['America/St_Vincent'],
  '809': ['America/Santo_Domingo'],
  '829': ['America/Santo_Domingo'],
  '849': ['America/Santo_Domingo'],
  '868': ['America/Port_of_Spain'],
  '869': ['America/St_Kitts'],
  '876': ['America/Jamaica'],
};

/**
 * Every geographic NANP area code this module knows, with the IANA zones in use inside it.
 * Read-only; iteration order follows the source grouping (by state, province or country).
 */
export const NANP_AREA_CODE_ZONES: ReadonlyMap<string, readonly string[]> = new Map(
  // Frozen: the lists are shared by every caller and would otherwise be one cast away from edits.
  Object.entries(AREA_CODE_ZONES).map(([areaCode, zones]) => [areaCode, Object.freeze([...zones])]),
);

/**
 * The IANA zones in use inside a geographic NANP area code, e.g. `['America/New_York']` for
 * `'212'` or `['America/Boise', 'America/Los_Angeles']` for `'208'`. `undefined` for an unknown,
 * unassigned or non-geographic code (toll-free 8XX, 900, 5XX, N11, ...).
 */
export function zonesForAreaCode(areaCode: string): readonly string[] | undefined {
  return NANP_AREA_CODE_ZONES.get(areaCode);
}

/** `+1`, an NPA, and a 7-digit subscriber number whose exchange (NXX) starts with 2-9. */
const NANP_E164 = /^\+1([2-9]\d{2})[2-9]\d{6}$/;

/**
 * The area code of a North American (+1) number in E.164, e.g. `'415'` for `+14158675309`;
 * `undefined` for any other country or for text that is not a well-formed E.164 NANP number.
 */
export function areaCodeOf(e164: string): string | undefined {
  return NANP_E164.exec(e164)?.[1];
}

/** Whether the text is a well-formed North American (+1) number in E.164, geographic or not. */
export function isNanpNumber(e164: string): boolean {
  return NANP_E164.test(e164);
}
