import type { CampaignSettings } from '@engine/contracts';
import { retryDelayMs, unitFromKey } from '@engine/domain';

/** The ended attempt and its prospect's own limit. */
export interface EndedAttempt {
  attemptId: string;
  attemptNumber: number;
  outcome: string;
  /** The prospect's `max_attempts` (a queued call's `max_retries` + 1); null: the campaign's. */
  prospectMaxAttempts: number | null;
}

/** The channel pool a campaign's calls lease from (`api` for the call queue). */
export function channelPoolOf(settings: CampaignSettings): 'campaign' | 'ivr' | 'api' {
  return settings.channelPool ?? 'campaign';
}

/**
 * One rule for retries, wherever an attempt is settled: an outcome the campaign retries
 * (`no_answer` for campaigns; `busy`, `no_answer` and `failed` for the call queue) goes back to the
 * queue while attempts are left. Returns when the next attempt is due, or null: no retry. The
 * delay is the campaign's fixed one, or the call queue's exponential backoff with jitter drawn from
 * the attempt id, so a retried recording of the same outcome computes the same time.
 */
export function retryAtFor(settings: CampaignSettings, ended: EndedAttempt, now: Date): Date | null {
  const retryOn: readonly string[] = settings.retryOn ?? ['no_answer'];
  const maxAttempts = ended.prospectMaxAttempts ?? settings.maxAttempts;
  if (!retryOn.includes(ended.outcome) || ended.attemptNumber >= maxAttempts) return null;
  const delayMs = settings.retryBackoff
    ? retryDelayMs(settings.retryBackoff, ended.attemptNumber, unitFromKey(ended.attemptId))
    : settings.retryDelaySeconds * 1000;
  return new Date(now.getTime() + delayMs);
}
