import type { MetricMeter } from '@temporalio/common';
import type { Kysely } from 'kysely';
import type { Database, DidCaps } from '@engine/db';
import type { HealthPolicy } from '@engine/domain';
import type { SmsProvider, VoiceProvider } from '@engine/providers';
import type { ChannelSemaphore, EventBus, Redis } from '@engine/redis';

/** What the campaign activities touch; built once per worker process. */
export interface CampaignActivityDeps {
  db: Kysely<Database>;
  redis: Redis;
  events: EventBus;
  semaphore: ChannelSemaphore;
  voice: VoiceProvider;
  /** Where the carrier posts call-status webhooks (the API's provider webhook route). */
  callStatusCallbackUrl: string;
  sms: SmsProvider;
  /** Where the carrier posts SMS delivery receipts. */
  smsStatusCallbackUrl: string;
  healthPolicy?: HealthPolicy;
  /** Daily, ramp and warming caps of DID selection (default `DEFAULT_DID_CAPS`: 100 calls a day). */
  didCaps?: DidCaps;
  /** Where the engine's counters go (the worker passes its Temporal runtime's meter); none: not counted. */
  metricMeter?: MetricMeter;
  /** The activities' clock; tests may pin it. */
  now?: () => Date;
}

/** The activities' clock: the pinned one of the dependencies (tests), else the wall clock. */
export function activityNow(deps: Pick<CampaignActivityDeps, 'now'>): Date {
  return deps.now?.() ?? new Date();
}
