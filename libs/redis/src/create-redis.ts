import { Redis } from 'ioredis';

export type { Redis };

export interface CreateRedisOptions {
  /** Every key this client touches is prefixed, so tests and tenants of one Redis don't collide. */
  keyPrefix?: string;
  connectionName?: string;
}

export function createRedis(url: string, options: CreateRedisOptions = {}): Redis {
  return new Redis(url, {
    keyPrefix: options.keyPrefix ?? '',
    connectionName: options.connectionName ?? 'campaign-engine',
    maxRetriesPerRequest: 3,
    enableAutoPipelining: true,
  });
}
