import type { CallingChannel } from '../calling-window/window-config';
import { areaCodeOf, isNanpNumber } from '../calling-window/nanp-area-codes';
import type { RecipientZoneSource } from '../calling-window/recipient-zone';
import { resolveRecipientZones } from '../calling-window/recipient-zone';
import { regionsForAreaCode } from './area-code-regions';
import { ContactWindow } from './contact-window';
import type { CampaignCallingHours } from './day-window';
import type { JurisdictionRule, RegionCode } from './jurisdiction-rule';
import { JURISDICTION_RULES } from './jurisdiction-rules';
import { regionsForPostalCode } from './postal-code-regions';

/** Where a recipient's regions came from. */
export const RecipientRegionSources = ['area_code', 'state', 'postal_code', 'every_region'] as const;

/** One source; see {@link RecipientRegionSources}. */
export type RecipientRegionSource = (typeof RecipientRegionSources)[number];

/** What is known of a recipient's whereabouts. */
export interface RecipientLocation {
  /** The number in E.164. */
  readonly e164: string;
  /** The prospect's own IANA zone, when given. */
  readonly timezone?: string | null | undefined;
  /** The prospect's state or province as an ISO 3166-2 code (`'US-FL'`), when given. */
  readonly state?: string | null | undefined;
  /** The prospect's ZIP or postal code, when given. */
  readonly postalCode?: string | null | undefined;
  /** The campaign's fallback zone (numbers outside the NANP). */
  readonly campaignZone?: string | null | undefined;
}

/** The zones and regions whose rules bind a recipient. */
export interface RecipientPlace {
  readonly zones: readonly string[];
  readonly zoneSource: RecipientZoneSource;
  readonly regions: readonly RegionCode[];
  readonly regionSources: readonly RecipientRegionSource[];
  /** Set only for a recipient nobody can place: the national calendars (see `RecipientRules`). */
  readonly holidayCalendars?: readonly RegionCode[] | undefined;
}

/** The holidays a recipient nobody can place is spared on: the two countries' national ones. */
const NATIONAL_CALENDARS: readonly RegionCode[] = Object.freeze(['US', 'CA']);

/** Every region some rule names: the rules of all of them bind a recipient nobody can place. */
const EVERY_REGION: readonly RegionCode[] = Object.freeze([
  ...new Set(JURISDICTION_RULES.flatMap((rule) => rule.regions)),
]);

/**
 * Where the rules come from for a recipient. The zones: the prospect's own, else the area code's
 * (several for a split code), else every NANP zone for an unknown +1 code (see
 * `resolveRecipientZones`). The regions: the area code's, the prospect's state and its postal
 * code's, all of them at once (the most restrictive applies: a Florida number living in Texas gets
 * Florida's and Texas's rules). A +1 number nobody can place (unknown area code, no state, no postal
 * code) is bound by every region's hours and day bans, and spared the national holidays of the US
 * and Canada (every state's holidays at once would leave no day free for weeks).
 */
export function resolveRecipientPlace(location: RecipientLocation): RecipientPlace {
  const { zones, source } = resolveRecipientZones({
    prospectZone: location.timezone,
    e164: location.e164,
    campaignZone: location.campaignZone,
  });
  const regions = new Set<RegionCode>();
  const sources: RecipientRegionSource[] = [];
  const areaCode = areaCodeOf(location.e164);
  const byAreaCode = areaCode === undefined ? undefined : regionsForAreaCode(areaCode);
  if (byAreaCode) {
    byAreaCode.forEach((r) => regions.add(r));
    sources.push('area_code');
  }
  if (location.state) {
    regions.add(location.state);
    sources.push('state');
  }
  const byPostalCode = location.postalCode ? regionsForPostalCode(location.postalCode) : undefined;
  if (byPostalCode) {
    byPostalCode.forEach((r) => regions.add(r));
    sources.push('postal_code');
  }
  if (regions.size === 0 && isNanpNumber(location.e164)) {
    return {
      zones,
      zoneSource: source,
      regions: EVERY_REGION,
      regionSources: ['every_region'],
      holidayCalendars: NATIONAL_CALENDARS,
    };
  }
  return { zones, zoneSource: source, regions: [...regions], regionSources: sources };
}

/** Options of {@link contactWindowFor}. */
export interface ContactWindowOptions {
  readonly channel: CallingChannel;
  readonly campaignHours?: CampaignCallingHours | null | undefined;
  /** The rules table; default {@link JURISDICTION_RULES}. */
  readonly rules?: readonly JurisdictionRule[] | undefined;
}

/*
 * Recipients share places (an area code, a state): windows are cached by what decides them, so a
 * tick of a thousand prospects compiles a handful. Bounded; a window holds only a few days.
 */
const MAX_CACHED_WINDOWS = 2_000;
const windows = new Map<string, ContactWindow>();

/** The contact window of a recipient at a place, for a channel and the campaign's own hours. */
export function contactWindowAt(place: RecipientPlace, options: ContactWindowOptions): ContactWindow {
  const rules = options.rules ?? JURISDICTION_RULES;
  const hours = options.campaignHours ?? undefined;
  const key =
    rules === JURISDICTION_RULES
      ? `${options.channel}|${place.zones.join(',')}|${place.regions.join(',')}|` +
        `${place.holidayCalendars?.join(',') ?? ''}|${JSON.stringify(hours ?? null)}`
      : undefined;
  const cached = key === undefined ? undefined : windows.get(key);
  if (cached) return cached;
  const window = new ContactWindow({
    channel: options.channel,
    zones: place.zones,
    regions: place.regions,
    jurisdictionRules: rules,
    campaignHours: hours,
    holidayCalendars: place.holidayCalendars,
  });
  if (key !== undefined) {
    if (windows.size >= MAX_CACHED_WINDOWS) windows.clear();
    windows.set(key, window);
  }
  return window;
}

/** {@link resolveRecipientPlace} then {@link contactWindowAt}: the one call the engine makes. */
export function contactWindowFor(location: RecipientLocation, options: ContactWindowOptions): ContactWindow {
  return contactWindowAt(resolveRecipientPlace(location), options);
}

/**
 * The strictest per-number cap of 24 hours the recipient's rules set on that channel at `at`;
 * `undefined` when none does.
 */
export function jurisdictionContactCap(
  place: RecipientPlace,
  channel: CallingChannel,
  at: Date,
): number | undefined {
  const date = at.toISOString().slice(0, 10);
  let cap: number | undefined;
  for (const rule of JURISDICTION_RULES) {
    if (rule.maxContactsPer24h === undefined || rule.effective > date) continue;
    if (!rule.channels.includes(channel) || !rule.regions.some((r) => place.regions.includes(r))) continue;
    cap = Math.min(cap ?? Infinity, rule.maxContactsPer24h);
  }
  return cap;
}
