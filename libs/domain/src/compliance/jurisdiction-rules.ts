import type { CallingChannel } from '../calling-window/window-config';
import type { JurisdictionRule, RegionCode } from './jurisdiction-rule';
import { CANADIAN_REGIONS } from './region-names';
import { VOICE_AND_SMS, hours } from './rule-parts';
import { US_STATE_RULES } from './us-state-rules';

/*
 * Canadian rows. The CRTC rules are national (every province and territory); British Columbia
 * adds a statutory-holiday ban. Canada's national window (to 21:30) is wider than the engine's
 * voice window (to 21:00): the window function intersects, so the row keeps the rule's own hours.
 */
const CANADA_RULES: readonly JurisdictionRule[] = [
  {
    id: 'CA.crtc-telemarketing-rules',
    regions: CANADIAN_REGIONS,
    channels: VOICE_AND_SMS,
    weekdays: hours('09:00', '21:30'),
    saturday: hours('10:00', '18:00'),
    sunday: hours('10:00', '18:00'),
    citation: 'CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules)',
    effective: '2008-09-30',
    certainty: 'verified',
    note:
      'Read from the CRTC rules page. Texts fall under CASL, which sets no hours; SMS is listed ' +
      'all the same because the reach of "telemarketing telecommunication" to texts is unsettled.',
  },
  {
    id: 'CA-BC.telemarketer-licensing',
    regions: ['CA-BC'],
    channels: VOICE_AND_SMS,
    weekdays: hours('09:00', '21:30'),
    saturday: hours('10:00', '18:00'),
    sunday: hours('10:00', '18:00'),
    noContactOnHolidays: true,
    citation:
      'Telemarketer Licensing Regulation under the Business Practices and Consumer Protection Act (B.C.)',
    effective: '2004-07-04',
    certainty: 'verified',
    note:
      'Consumer Protection BC: no calls on statutory holidays. It also allows one contact per 30 days ' +
      'about the same offer, which a per-24-hour cap cannot express (enforced elsewhere, if at all).',
  },
];

/**
 * One row per jurisdiction rule stricter than the federal window (US: 08:00-21:00 local; Canada:
 * the CRTC rules). Several rows may bind the same region (Pennsylvania's holiday ban and its 2026
 * amendment); the window function applies all of them, so the strictest wins.
 */
export const JURISDICTION_RULES: readonly JurisdictionRule[] = Object.freeze([
  ...US_STATE_RULES,
  ...CANADA_RULES,
]);

/**
 * The smallest per-number cap of any row: the cap to apply when the recipient's region is unknown.
 */
export const STRICTEST_CONTACTS_PER_24H: number = Math.min(
  ...JURISDICTION_RULES.flatMap((rule) =>
    rule.maxContactsPer24h === undefined ? [] : [rule.maxContactsPer24h],
  ),
);

/** UTC+14 (Line Islands): the first place where a calendar day begins. */
const EARLIEST_OFFSET_MS = 14 * 3_600_000;

/**
 * The first instant at which a rule is in force: its effective date's midnight in the earliest
 * time zone, so that a rule is never applied late wherever the recipient is (at worst it applies
 * up to a day early, which only narrows).
 */
export function ruleEffectiveFrom(rule: JurisdictionRule): Date {
  const midnightUtc = Date.parse(`${rule.effective}T00:00:00Z`);
  if (!Number.isFinite(midnightUtc)) {
    throw new RangeError(`calling rule ${rule.id}: effective must be an ISO date, got "${rule.effective}"`);
  }
  return new Date(midnightUtc - EARLIEST_OFFSET_MS);
}

/**
 * The rows that bind a contact: those naming any of `regions`, covering `channel`, and in force
 * at `at` (see {@link ruleEffectiveFrom}). Empty when no stricter rule applies (the federal
 * window alone). Table order is kept.
 *
 * @throws RangeError when `at` is an invalid Date.
 */
export function rulesFor(
  regions: readonly RegionCode[],
  channel: CallingChannel,
  at: Date,
  rules: readonly JurisdictionRule[] = JURISDICTION_RULES,
): JurisdictionRule[] {
  const instant = at.getTime();
  if (!Number.isFinite(instant)) throw new RangeError('at is an invalid Date');
  const wanted = new Set(regions);
  return rules.filter(
    (rule) =>
      rule.channels.includes(channel) &&
      rule.regions.some((region) => wanted.has(region)) &&
      ruleEffectiveFrom(rule).getTime() <= instant,
  );
}
