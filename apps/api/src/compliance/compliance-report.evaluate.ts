import type { CampaignSettings } from '@engine/contracts';
import type { ConsentEvent, ContactAttemptRow, Prospect } from '@engine/db';
import type { RecipientLocation } from '@engine/domain';
import { contactWindowAt, resolveRecipientPlace } from '@engine/domain';

/** Why an attempt is listed as a violation. */
export const ComplianceFlags = ['outside_window', 'after_opt_out'] as const;

/** One flag; see {@link ComplianceFlags}. */
export type ComplianceFlag = (typeof ComplianceFlags)[number];

/** One zone of a recipient at the instant of an attempt. */
export interface RecipientLocalTime {
  readonly zone: string;
  /** Local wall-clock time, ISO 8601 with the zone's offset. */
  readonly localTime: string;
  /** The hours allowed that local day in that zone; null: none (a Sunday or holiday ban). */
  readonly allowedHours: { readonly start: string; readonly end: string } | null;
}

/** One contact attempt, the rules that applied to it, and what it broke. */
export interface ComplianceItem {
  readonly attemptId: string;
  readonly channel: 'voice' | 'sms';
  readonly phone: string;
  readonly attemptedAt: string;
  readonly recipientLocalTimes: RecipientLocalTime[];
  readonly zoneSource: string;
  readonly regions: string[];
  readonly regionSources: string[];
  /** Ids of the rules that set the allowed hours, in every zone: `federal.voice`, `state:<id>`, ... */
  readonly rules: string[];
  /** The attempt's instant when it was allowed; else the first allowed instant after it (null: none within the horizon). */
  readonly allowedFrom: string | null;
  /** The opt-out (or suppression) in force at the attempt, when one was. */
  readonly optedOutAt: string | null;
  readonly flags: ComplianceFlag[];
}

/**
 * What the report knows of a prospect's whereabouts: the one place that maps the row to the
 * domain's location (a new column, such as `state` or `postal_code`, is one line here).
 */
export function recipientLocationOf(prospect: Prospect, campaignZone: string): RecipientLocation {
  return {
    e164: prospect.phone,
    timezone: prospect.timezone,
    state: prospect.state,
    postalCode: prospect.postal_code,
    campaignZone,
  };
}

/**
 * The opt-out in force at `at`, or null: the first opt-out (text or suppression it left) since the
 * last opt-in before `at`, or an operator's suppression entry older than `at` (a START does not
 * lift those). Only events strictly before the attempt count.
 */
export function optOutInForce(events: readonly ConsentEvent[], at: Date): Date | null {
  let optedOut: Date | null = null;
  let suppressed: Date | null = null;
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of sorted) {
    if (event.at.getTime() >= at.getTime()) break;
    if (event.kind === 'opt_in') optedOut = null;
    else if (event.kind === 'opt_out') optedOut ??= event.at;
    else suppressed ??= event.at;
  }
  if (optedOut === null) return suppressed;
  if (suppressed === null) return optedOut;
  return optedOut.getTime() <= suppressed.getTime() ? optedOut : suppressed;
}

/** The run settings the report needs: the fallback zone and the campaign's own hours. */
export type ReportSettings = Pick<CampaignSettings, 'timezone' | 'callingHours'>;

/**
 * Checks one attempt against the contact window of its recipient (the same function the engine
 * asks before contacting anyone) and against the recipient's consent at that instant.
 */
export function evaluateAttempt(
  attempt: ContactAttemptRow,
  settings: ReportSettings,
  consent: readonly ConsentEvent[],
): ComplianceItem {
  const place = resolveRecipientPlace(recipientLocationOf(attempt.prospect, settings.timezone));
  const window = contactWindowAt(place, { channel: attempt.channel, campaignHours: settings.callingHours });
  const explained = window.explain(attempt.attemptedAt);
  const optedOutAt = optOutInForce(consent, attempt.attemptedAt);
  const flags: ComplianceFlag[] = [];
  if (!explained.allowed) flags.push('outside_window');
  if (optedOutAt !== null) flags.push('after_opt_out');
  return {
    attemptId: attempt.attemptId,
    channel: attempt.channel,
    phone: attempt.phone,
    attemptedAt: attempt.attemptedAt.toISOString(),
    recipientLocalTimes: explained.zones.map((z) => ({
      zone: z.zone,
      localTime: z.localTime,
      allowedHours: z.allowedHours ? { start: z.allowedHours.start, end: z.allowedHours.end } : null,
    })),
    zoneSource: place.zoneSource,
    regions: [...place.regions],
    regionSources: [...place.regionSources],
    rules: [...new Set(explained.zones.flatMap((z) => z.sources.map((s) => s.id)))],
    allowedFrom: explained.allowedFrom?.toISOString() ?? null,
    optedOutAt: optedOutAt?.toISOString() ?? null,
    flags,
  };
}
