import type { EngineEnv } from '@engine/config';
import type { CarrierAccountRecord } from '@engine/providers';
import { CarrierDirectory, DEFAULT_CARRIER_ACCOUNT_ID } from '@engine/providers';
import type { Redis } from '@engine/redis';
import { CarrierRateLimiter } from '@engine/redis';
import { AgentAvailability } from './agent-availability';
import type { CampaignActivityDeps } from './campaign-deps';

/** What the campaign activities need to reach carriers and the agent, from configuration. */
export type CarrierActivityDeps = Pick<
  CampaignActivityDeps,
  'carriers' | 'carrierRate' | 'publicApiUrl' | 'documentUrlSecret' | 'agentStreamUrl' | 'agentAvailability'
>;

/** Options of {@link carrierActivityDeps}. */
export interface CarrierWiringOptions {
  env: EngineEnv;
  redis: Redis;
  /** Reads a stored carrier account (decrypted); none: only the environment's account exists. */
  loadAccount?: (accountId: string) => Promise<CarrierAccountRecord | undefined>;
  /** The environment's account; default the simulator at `CARRIER_SIM_URL`. */
  defaultAccount?: CarrierAccountRecord;
  /** The rate limiter's keys (tests isolate themselves); default `carrier-rate:<account>`. */
  rateKeyFor?: (accountId: string) => string;
}

/** The simulator's base URL from the environment. */
export function simulatorUrl(env: EngineEnv): string {
  return env.CARRIER_SIM_URL ?? `http://127.0.0.1:${env.CARRIER_SIM_PORT}`;
}

/** The API's public base URL from the environment (carriers post webhooks and fetch documents there). */
export function publicApiUrl(env: EngineEnv): string {
  return env.PUBLIC_API_URL ?? `http://127.0.0.1:${env.API_PORT}`;
}

/**
 * The carrier side of the activities' dependencies, built the same way by the worker, the test
 * stack and the benchmarks: a directory of per-account adapters, the shared per-account rate
 * limit, the URLs carriers call back on, and the AI agent's stream and health check.
 */
export function carrierActivityDeps(options: CarrierWiringOptions): CarrierActivityDeps {
  const { env } = options;
  const simUrl = simulatorUrl(env);
  const defaultAccount: CarrierAccountRecord = options.defaultAccount ?? {
    id: DEFAULT_CARRIER_ACCOUNT_ID,
    provider: 'sim',
    credentials: {},
    apiBaseUrl: simUrl,
    customerId: null,
    cpsLimit: 1000,
  };
  return {
    carriers: new CarrierDirectory({
      loadAccount: options.loadAccount ?? (() => Promise.resolve(undefined)),
      defaultAccount,
      createOptions: { simBaseUrl: simUrl, simWebhookSecret: env.WEBHOOK_SECRET },
    }),
    carrierRate: new CarrierRateLimiter(
      options.redis,
      options.rateKeyFor ? { keyFor: options.rateKeyFor } : {},
    ),
    publicApiUrl: publicApiUrl(env),
    documentUrlSecret: env.WEBHOOK_SECRET,
    ...(env.AGENT_STREAM_URL ? { agentStreamUrl: env.AGENT_STREAM_URL } : {}),
    ...(env.AGENT_HEALTH_URL
      ? { agentAvailability: new AgentAvailability({ healthUrl: env.AGENT_HEALTH_URL }) }
      : {}),
  };
}
