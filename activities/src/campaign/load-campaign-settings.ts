import { ApplicationFailure } from '@temporalio/activity';
import type { CampaignSettings } from '@engine/contracts';
import { CallQueueDefaults, CampaignDefaults } from '@engine/contracts';
import type { WeekdayName } from '@engine/domain';
import { DefaultCallBackoff, parseTemplate, WeekdayNames } from '@engine/domain';
import type { Campaign } from '@engine/db';
import { callQueuePace, getCampaignById } from '@engine/db';
import type { CampaignActivityDeps } from './campaign-deps';

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');

const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** The stored `schedule.calling_hours`, or null when absent or not of the shape the API writes. */
function callingHoursOf(value: unknown): CampaignSettings['callingHours'] {
  if (typeof value !== 'object' || value === null) return null;
  const { start, end, days } = value as Record<string, unknown>;
  if (typeof start !== 'string' || typeof end !== 'string' || !CLOCK.test(start) || !CLOCK.test(end))
    return null;
  const names = Array.isArray(days)
    ? days.filter((d): d is WeekdayName => WeekdayNames.includes(d as WeekdayName))
    : undefined;
  return names ? { start, end, days: names } : { start, end };
}

/**
 * A customer's call queue (seed 001): it leases from the `api` pool (8 channels, DESIGN.md),
 * paces to the customer's rate, retries `busy`, `no_answer` and `failed` with exponential backoff
 * (each call's `max_retries` sets its attempts), and never completes.
 */
function callQueueSettings(base: CampaignSettings, pace: number | undefined): CampaignSettings {
  return {
    ...base,
    kind: 'call_queue',
    channelPool: 'api',
    callsPerSecond: pace ?? CallQueueDefaults.callsPerSecond,
    retryOn: ['no_answer', 'busy', 'failed'],
    retryBackoff: { ...DefaultCallBackoff },
  };
}

/** The run settings of a campaign row, with the design's defaults for what `mode` leaves out. */
export function settingsFromCampaign(campaign: Campaign): CampaignSettings {
  const mode = campaign.mode ?? {};
  return {
    campaignId: campaign.id,
    customerId: campaign.customer_id,
    channel: campaign.channel,
    callsPerSecond: num(mode.calls_per_second, CampaignDefaults.callsPerSecond),
    maxAttempts: Math.max(1, Math.floor(num(mode.max_attempts, CampaignDefaults.maxAttempts))),
    retryDelaySeconds: Math.max(0, num(mode.retry_delay_seconds, CampaignDefaults.retryDelaySeconds)),
    agent: mode.agent === 'ai' ? 'ai' : 'plain',
    voicemailDropUrl: typeof mode.voicemail_drop_url === 'string' ? mode.voicemail_drop_url : null,
    callerIds: campaign.caller_ids && campaign.caller_ids.length > 0 ? campaign.caller_ids : null,
    timezone:
      typeof campaign.schedule?.timezone === 'string'
        ? campaign.schedule.timezone
        : CampaignDefaults.timezone,
    callingHours: callingHoursOf(campaign.schedule?.calling_hours),
    minDidScore: num(mode['min_did_score'], CampaignDefaults.minDidScore),
    callbackTimeoutSeconds: Math.max(
      1,
      num(mode['callback_timeout_seconds'], CampaignDefaults.callbackTimeoutSeconds),
    ),
    autoResume: mode.auto_resume === true,
    message: campaign.message,
    templateFallbacks: isStringRecord(mode['template_fallbacks']) ? mode['template_fallbacks'] : {},
    transliterate: mode['transliterate'] !== false,
    maxSegments: Math.max(1, Math.floor(num(mode['max_segments'], CampaignDefaults.maxSegments))),
    smsGapMinutes: Math.max(0, num(mode['sms_gap_minutes'], CampaignDefaults.smsGapMinutes)),
    receiptTimeoutSeconds: Math.max(
      1,
      num(mode['receipt_timeout_seconds'], CampaignDefaults.receiptTimeoutSeconds),
    ),
  };
}

export function createLoadCampaignSettings({ db }: Pick<CampaignActivityDeps, 'db'>) {
  return async function loadCampaignSettings(campaignId: string): Promise<CampaignSettings> {
    const campaign = await getCampaignById(db, campaignId);
    if (!campaign)
      throw ApplicationFailure.nonRetryable(`campaign ${campaignId} does not exist`, 'CampaignNotFound');
    if (campaign.status === 'completed' || campaign.status === 'cancelled') {
      throw ApplicationFailure.nonRetryable(
        `campaign ${campaignId} is ${campaign.status}`,
        'CampaignFinished',
      );
    }
    if (campaign.channel === 'sms') {
      if (!campaign.message)
        throw ApplicationFailure.nonRetryable(`SMS campaign ${campaignId} has no message`, 'CampaignInvalid');
      try {
        parseTemplate(campaign.message);
      } catch (err) {
        // Checked when the campaign is created; a template that got past that must not loop on retries.
        throw ApplicationFailure.nonRetryable(
          `campaign ${campaignId} message: ${(err as Error).message}`,
          'CampaignInvalid',
        );
      }
    }
    const settings = settingsFromCampaign(campaign);
    if (campaign.kind === 'call_queue')
      return callQueueSettings(settings, await callQueuePace(db, campaign.customer_id));
    return settings;
  };
}
