import type { MetricMeter } from '@temporalio/common';
import type { Kysely } from 'kysely';
import type { Database, DidCaps } from '@engine/db';
import type { HealthPolicy } from '@engine/domain';
import type { CarrierDirectory, ReassignedNumbersDatabase } from '@engine/providers';
import type { CarrierRateLimiter, ChannelSemaphore, EventBus, Redis } from '@engine/redis';
import type { CallRecords } from '../call-queue/call-records';
import type { AgentAvailability } from './agent-availability';

/** What the campaign activities touch; built once per worker process. */
export interface CampaignActivityDeps {
  db: Kysely<Database>;
  redis: Redis;
  events: EventBus;
  semaphore: ChannelSemaphore;
  /** Each DID's carrier account's adapter (a DID of no account: the environment's). */
  carriers: CarrierDirectory;
  /** The carrier accounts' calls-per-second limits; none: unlimited (unit tests). */
  carrierRate?: CarrierRateLimiter;
  /** The API's public base URL: carriers post webhooks and fetch call documents there. */
  publicApiUrl: string;
  /** Signs the call document URLs the API serves (`WEBHOOK_SECRET`). */
  documentUrlSecret: string;
  /** The AI agent's media-stream URL that `ai` campaigns bridge answered calls to (`AGENT_STREAM_URL`). */
  agentStreamUrl?: string;
  /** Whether the AI agent answers its health check (none: always). */
  agentAvailability?: AgentAvailability;
  healthPolicy?: HealthPolicy;
  /**
   * The FCC Reassigned Numbers Database, asked about prospects with a consent date before their
   * first call or text (`REASSIGNED_NUMBERS`); none: not asked (every number `no_data`).
   */
  reassignedNumbers?: ReassignedNumbersDatabase;
  /** Daily, ramp and warming caps of DID selection (default `DEFAULT_DID_CAPS`: 100 calls a day). */
  didCaps?: DidCaps;
  /** Where the engine's counters go (the worker passes its Temporal runtime's meter); none: not counted. */
  metricMeter?: MetricMeter;
  /** The queued calls' own workflows (`call-<id>`); none: calls have no record of their own. */
  callRecords?: CallRecords;
  /** The activities' clock; tests may pin it. */
  now?: () => Date;
}

/** The activities' clock: the pinned one of the dependencies (tests), else the wall clock. */
export function activityNow(deps: Pick<CampaignActivityDeps, 'now'>): Date {
  return deps.now?.() ?? new Date();
}
