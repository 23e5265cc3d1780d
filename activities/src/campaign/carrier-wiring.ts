import type { EngineEnv } from '@engine/config';
import type { Executor } from '@engine/db';
import type { CarrierAccountRecord } from '@engine/providers';
import { CarrierDirectory } from '@engine/providers';
import type { Redis } from '@engine/redis';
import { CarrierRateLimiter } from '@engine/redis';
import { defaultCarrierAccount } from '../carriers/default-carrier-account';
import { credentialsCipherFromEnv, loadCarrierAccount } from '../carriers/load-carrier-account';
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
  /** Where stored carrier accounts are read (decrypted with `CARRIER_CREDENTIALS_KEY`). */
  db: Executor;
  /** Replaces the stored accounts (tests); default: read from `db`. */
  loadAccount?: (accountId: string) => Promise<CarrierAccountRecord | undefined>;
  /** The environment's account; default the one `CARRIER_PROVIDER` and its variables describe. */
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
  const cipher = credentialsCipherFromEnv(env);
  // Without a key no account can be stored (start-up checks that none is), so there is none to read.
  const stored = (accountId: string) =>
    cipher ? loadCarrierAccount(options.db, cipher, accountId) : Promise.resolve(undefined);
  return {
    carriers: new CarrierDirectory({
      loadAccount: options.loadAccount ?? stored,
      defaultAccount: options.defaultAccount ?? defaultCarrierAccount(env),
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
