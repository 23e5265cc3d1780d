import { Redis } from 'ioredis';

export type { Redis };

export interface CreateRedisOptions {
  /** Every key this client touches is prefixed, so tests and tenants of one Redis don't collide. */
  keyPrefix?: string;
  connectionName?: string;
  /**
   * Told once per outage that the connection is failing (the client keeps reconnecting on its
   * own; commands fail meanwhile). Default: a process warning.
   */
  onConnectionError?: (err: Error) => void;
}

const warnConnectionError = (err: Error) =>
  process.emitWarning(`Redis connection failing, reconnecting: ${err.message}`, 'RedisConnectionWarning');

export function createRedis(url: string, options: CreateRedisOptions = {}): Redis {
  const redis = new Redis(url, {
    keyPrefix: options.keyPrefix ?? '',
    connectionName: options.connectionName ?? 'campaign-engine',
    maxRetriesPerRequest: 3,
    enableAutoPipelining: true,
  });
  // Without a listener ioredis prints "Unhandled error event" on every reconnect attempt; one
  // report per outage is enough, and the next one comes after the connection was ready again.
  const report = options.onConnectionError ?? warnConnectionError;
  let reported = false;
  redis.on('error', (err: Error) => {
    if (reported) return;
    reported = true;
    report(err);
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis;
}
