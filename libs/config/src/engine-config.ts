import type { EngineEnv } from './env';
import { readEngineEnv } from './env';

/** Where the engine's three backing services are, resolved from the environment. */
export interface ServiceEndpoints {
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  /** Undefined means "start the embedded default" (only the stack script and tests do that). */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
}

/** Resolved configuration shared by the worker, the API and the tools. */
export interface EngineConfig extends ServiceEndpoints {
  env: EngineEnv;
}

export function loadEngineConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const e = readEngineEnv(env);
  return {
    env: e,
    temporalAddress: e.TEMPORAL_ADDRESS ?? `127.0.0.1:${e.TEMPORAL_PORT}`,
    temporalNamespace: e.TEMPORAL_NAMESPACE,
    taskQueue: e.TEMPORAL_TASK_QUEUE,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
  };
}

/**
 * The SIP channel pools' limits (`CHANNEL_POOL_*`). One reading for every process: the worker
 * enforces them, the API's health answer and the worker's metrics report them.
 */
export function channelPoolLimits(env: EngineEnv): { campaign: number; ivr: number; api: number } {
  return { campaign: env.CHANNEL_POOL_CAMPAIGN, ivr: env.CHANNEL_POOL_IVR, api: env.CHANNEL_POOL_API };
}

/** For processes that cannot run without explicit service URLs (worker, API). */
export function requireServiceUrls(config: EngineConfig): { databaseUrl: string; redisUrl: string } {
  const missing = [
    config.databaseUrl ? undefined : 'DATABASE_URL',
    config.redisUrl ? undefined : 'REDIS_URL',
  ].filter(Boolean);
  if (missing.length > 0 || !config.databaseUrl || !config.redisUrl) {
    throw new Error(
      `${missing.join(' and ')} must be set (npm run stack:up sets them for the processes it starts)`,
    );
  }
  return { databaseUrl: config.databaseUrl, redisUrl: config.redisUrl };
}
