import { IANAZone } from 'luxon';
import { NANP_AREA_CODE_ZONES, areaCodeOf, isNanpNumber, zonesForAreaCode } from './nanp-area-codes';

/** The zone a campaign falls back to when its `schedule.timezone` is missing or invalid (seed 000). */
export const DEFAULT_CAMPAIGN_TIME_ZONE = 'America/Los_Angeles';

/** Where a recipient's zones came from, from most to least specific. */
export const RecipientZoneSources = ['prospect', 'area_code', 'any_nanp_zone', 'campaign'] as const;

/** One source; see {@link RecipientZoneSources}. */
export type RecipientZoneSource = (typeof RecipientZoneSources)[number];

/** Input of {@link resolveRecipientZones}. */
export interface RecipientZoneInput {
  /** The prospect's own IANA zone, when the customer supplied one. */
  readonly prospectZone?: string | null | undefined;
  /** The prospect's number in E.164. */
  readonly e164: string;
  /** The campaign's `schedule.timezone`. */
  readonly campaignZone?: string | null | undefined;
}

/** The zones whose calling windows apply to a recipient; more than one for a straddling area code. */
export interface RecipientZones {
  readonly zones: readonly string[];
  readonly source: RecipientZoneSource;
}

/*
 * Area/Location names only: the runtime's Intl also accepts offsets such as "+05:00" on some Node
 * versions, which would make validity depend on the worker that happens to run the code.
 */
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** Whether `zone` is an IANA time-zone name the runtime knows (`'America/Chicago'`, `'UTC'`). */
export function isValidTimeZone(zone: string | null | undefined): zone is string {
  if (typeof zone !== 'string' || !IANA_NAME.test(zone)) return false;
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  // luxon builds an Intl.DateTimeFormat per check: at 100,000 prospects that cost ~1 GB. The set
  // of names is small; the cache is bounded so that junk input cannot grow it without limit.
  const valid = IANAZone.isValidZone(zone);
  if (zoneValidity.size < MAX_CACHED_ZONES) zoneValidity.set(zone, valid);
  return valid;
}

const MAX_CACHED_ZONES = 2000;
const zoneValidity = new Map<string, boolean>();

function explicitZone(zone: string | null | undefined): string | undefined {
  const trimmed = zone?.trim();
  return isValidTimeZone(trimmed) ? trimmed : undefined;
}

/**
 * The zones a recipient's calling window is computed in, most specific first:
 *
 * 1. the prospect's own zone, when it is a valid IANA name (an invalid one is ignored: customer
 *    data is not trusted over the number itself);
 * 2. the zones of the number's NANP area code (possibly several, see `zonesForAreaCode`);
 * 3. for a +1 number whose area code the table does not know (a new overlay, a toll-free or other
 *    non-geographic code): every zone from Newfoundland to the Pacific coast
 *    ({@link ALL_NANP_ZONES}), so the window is the narrowest common one. The
 *    campaign's zone would be a guess, and a guess calls an Eastern number at 23:30 from Pacific;
 * 4. the campaign's `schedule.timezone` when valid, else {@link DEFAULT_CAMPAIGN_TIME_ZONE}, for
 *    numbers outside the NANP.
 */
export function resolveRecipientZones(input: RecipientZoneInput): RecipientZones {
  const prospect = explicitZone(input.prospectZone);
  if (prospect !== undefined) return { zones: [prospect], source: 'prospect' };

  const areaCode = areaCodeOf(input.e164);
  const byAreaCode = areaCode === undefined ? undefined : zonesForAreaCode(areaCode);
  if (byAreaCode !== undefined) return { zones: byAreaCode, source: 'area_code' };
  if (isNanpNumber(input.e164)) return { zones: ALL_NANP_ZONES, source: 'any_nanp_zone' };

  return { zones: [explicitZone(input.campaignZone) ?? DEFAULT_CAMPAIGN_TIME_ZONE], source: 'campaign' };
}

/*
 * Hawaii and Alaska (UTC-10/-9) and the far-Pacific territories (UTC+10, UTC-11) are left out of
 * the zones of a number nobody can place: with them and the state rules (Maine ends at 17:00,
 * some states open at 10:00) no common window opens from March to November. Their area codes are
 * all in the table, which a test holds against libphonenumber; a code the table lacks is a new
 * overlay, and the realistic places for one are Canada, the contiguous US and the Caribbean.
 */
const REMOTE_ZONES: ReadonlySet<string> = new Set([
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Adak',
  'America/Juneau',
  'America/Sitka',
  'America/Nome',
  'America/Yakutat',
  'America/Metlakatla',
  'Pacific/Guam',
  'Pacific/Saipan',
  'Pacific/Pago_Pago',
]);

/** The zones of the NANP table from Newfoundland to the Pacific coast, once each: where an unknown +1 code may be. */
export const ALL_NANP_ZONES: readonly string[] = Object.freeze(
  [...new Set([...NANP_AREA_CODE_ZONES.values()].flat())].filter((zone) => !REMOTE_ZONES.has(zone)),
);
