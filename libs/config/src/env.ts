import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** An optional value where an empty string (`FOO=` in a compose file or shell) means unset. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * A limit where `0` or an empty value (`FOO=`) turns it off; unset gives the default. (Unlike
 * {@link unsetWhenEmpty}: an operator who blanks a limit means "no limit", not "the default".)
 */
const limitOrOff = (fallback: number, options: { integer?: boolean } = {}) => {
  const limit = z.coerce.number().min(0).max(1_000_000);
  return z.preprocess(
    (value) => (value === '' ? 0 : value),
    (options.integer ? limit.int() : limit).default(fallback),
  );
};

/**
 * Every environment variable the engine reads, with its default. The README's configuration
 * table is generated from the same names; keep the two in step.
 */
export const engineEnvSchema = z.object({
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  API_PORT: port(3000),
  CARRIER_SIM_PORT: port(4010),
  WORKER_HEALTH_PORT: port(4011),
  /** The worker's Prometheus endpoint (`/metrics`: Temporal SDK and engine counters); 0 turns it off. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** How often the worker samples channel-pool usage into its metrics (ms). */
  WORKER_CHANNEL_SAMPLE_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('campaigns'),
  DATABASE_URL: z.string().url().optional(),
  POSTGRES_PORT: port(54320),
  REDIS_URL: z.string().url().optional(),
  REDIS_PORT: port(63790),
  REDIS_KEY_PREFIX: z.string().default('ce:'),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().positive().default(200),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().positive().default(40),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().positive().default(2000),
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().nonnegative().default(30_000),
  /** Where the worker reaches the carrier simulator (the default voice and SMS provider). */
  CARRIER_SIM_URL: z.string().url().optional(),
  /** Where carriers send webhooks: the API's public base URL. */
  PUBLIC_API_URL: z.string().url().optional(),
  /** Shared secret the simulator signs webhooks with and the API verifies. */
  WEBHOOK_SECRET: z.string().min(8).default('dev-webhook-secret'),
  /**
   * The carrier of DIDs that belong to no carrier account (single-tenant setups): \`sim\` (the
   * simulator, default), \`twilio\`, \`telnyx\` or \`plivo\`, with that carrier's variables below.
   */
  CARRIER_PROVIDER: z.enum(['sim', 'twilio', 'telnyx', 'plivo']).default('sim'),
  /** The default carrier's API base URL (regional endpoint, proxy, test fake); the carrier's own when unset. */
  CARRIER_API_BASE_URL: unsetWhenEmpty(z.string().url()),
  /** Calls per second the default carrier account allows; unset: 1 (Twilio's default), 1000 for \`sim\`. */
  CARRIER_CPS_LIMIT: unsetWhenEmpty(z.coerce.number().positive().max(1000)),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TELNYX_API_KEY: z.string().optional(),
  /** Telnyx's webhook public key (base64 ed25519), from the Mission Control portal. */
  TELNYX_PUBLIC_KEY: z.string().optional(),
  /** The Telnyx Call Control application (connection) that places the calls. */
  TELNYX_CONNECTION_ID: z.string().optional(),
  TELNYX_MESSAGING_PROFILE_ID: z.string().optional(),
  PLIVO_AUTH_ID: z.string().optional(),
  PLIVO_AUTH_TOKEN: z.string().optional(),
  /**
   * Key that encrypts carrier-account credentials at rest (AES-256-GCM): 32 bytes as 64 hex
   * characters or base64. Required once a carrier account exists.
   */
  CARRIER_CREDENTIALS_KEY: z.string().optional(),
  /** The AI voice agent's media-stream URL (\`wss://...\`) that \`ai\` campaigns bridge answered calls to. */
  AGENT_STREAM_URL: unsetWhenEmpty(z.string().url()),
  /** The agent server's health URL; an \`ai\` campaign pauses (\`agent_unavailable\`) while it fails. */
  AGENT_HEALTH_URL: unsetWhenEmpty(z.string().url()),
  /**
   * How the worker asks the FCC Reassigned Numbers Database about prospects with a consent date:
   * \`none\` (default: every number \`no_data\`, nothing asked) or \`file\` (a stub answering from
   * \`REASSIGNED_NUMBERS_FILE\`, for tests and demos).
   */
  REASSIGNED_NUMBERS: z.enum(['none', 'file']).default('none'),
  /** The \`file\` stub's CSV: header \`phone,disconnected_at\`, then an E.164 number and an ISO date per line. */
  REASSIGNED_NUMBERS_FILE: unsetWhenEmpty(z.string()),
  CHANNEL_POOL_CAMPAIGN: z.coerce.number().int().nonnegative().default(60),
  CHANNEL_POOL_IVR: z.coerce.number().int().nonnegative().default(15),
  CHANNEL_POOL_API: z.coerce.number().int().nonnegative().default(8),
  /** Calls per DID per UTC day (spam-avoidance guard in DID selection). */
  DID_DAILY_CAP: z.coerce.number().int().positive().default(100),
  /** How long the API shares one computation of a campaign's stats among its callers (0: none). */
  STATS_CACHE_MS: z.coerce.number().int().nonnegative().default(2000),
  /** How long the API gathers one campaign's call-status webhooks into one signal (0: one each). */
  OUTCOME_BATCH_MS: z.coerce.number().int().nonnegative().max(1000).default(25),
  /** The most call outcomes in one signal. */
  OUTCOME_BATCH_MAX: z.coerce.number().int().positive().max(1000).default(100),
  /** API requests per second per API key, refilling its bucket (fractions allowed); 0 or empty: no limit. */
  API_RATE_LIMIT_PER_SECOND: limitOrOff(50),
  /** The most requests one API key may make at once (its bucket's size); 0 or empty: no limit. */
  API_RATE_LIMIT_BURST: limitOrOff(100, { integer: true }),
  /** Failed API-key checks per minute per client address, to slow key guessing; 0 or empty: no limit. */
  API_AUTH_FAILURES_PER_MINUTE: limitOrOff(60, { integer: true }),
  /** Prefix of the Redis pub/sub channels of the event bus (tests isolate themselves with it). */
  EVENTS_CHANNEL_PREFIX: z.string().default(''),
});

export type EngineEnv = z.infer<typeof engineEnvSchema>;

/** A configuration value that failed validation; names the variable so the user can fix it. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the engine's environment, failing with the names of the variables that are wrong. */
export function readEngineEnv(env: NodeJS.ProcessEnv = process.env): EngineEnv {
  const parsed = engineEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid environment: ${problems}`);
  }
  return parsed.data;
}
