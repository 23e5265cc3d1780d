import type { OnApplicationShutdown } from '@nestjs/common';
import { Global, Inject, Module } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { EngineConfig } from '@engine/config';
import { channelPoolLimits, loadEngineConfig, requireServiceUrls } from '@engine/config';
import type { Database } from '@engine/db';
import { createDb } from '@engine/db';
import type { Redis } from '@engine/redis';
import { ChannelSemaphore, createRedis, EventBus } from '@engine/redis';
import {
  CHANNEL_SEMAPHORE,
  DB,
  ENGINE_CONFIG,
  EVENT_BUS,
  EVENTS_CHANNEL_PREFIX,
  CARRIERS,
  REDIS,
  TEMPORAL_CLIENT,
  TEMPORAL_CONNECTION,
} from './tokens';
import { CarrierDirectory } from '@engine/providers';
import {
  credentialsCipherFromEnv,
  defaultCarrierAccount,
  loadCarrierAccount,
  simulatorUrl,
} from '@engine/activities';

/** Postgres, Redis and the Temporal client, one of each per API process. */
@Global()
@Module({
  providers: [
    { provide: ENGINE_CONFIG, useFactory: () => loadEngineConfig() },
    {
      provide: DB,
      inject: [ENGINE_CONFIG],
      useFactory: (config: EngineConfig) =>
        createDb(requireServiceUrls(config).databaseUrl, { applicationName: 'api' }),
    },
    {
      provide: REDIS,
      inject: [ENGINE_CONFIG],
      useFactory: (config: EngineConfig) =>
        createRedis(requireServiceUrls(config).redisUrl, {
          keyPrefix: config.redisKeyPrefix,
          connectionName: 'api',
        }),
    },
    {
      provide: TEMPORAL_CONNECTION,
      inject: [ENGINE_CONFIG],
      // Lazy: the API starts (and reports Temporal as down in /api/health) while Temporal is unreachable.
      useFactory: (config: EngineConfig) => Connection.lazy({ address: config.temporalAddress }),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [ENGINE_CONFIG, TEMPORAL_CONNECTION],
      useFactory: (config: EngineConfig, connection: Connection) =>
        new Client({ connection, namespace: config.temporalNamespace }),
    },
    {
      // Workers publish on `<prefix>campaign:<id>`; the SSE stream must listen on the same names.
      provide: EVENTS_CHANNEL_PREFIX,
      inject: [ENGINE_CONFIG],
      useFactory: (config: EngineConfig) => config.env.EVENTS_CHANNEL_PREFIX,
    },
    {
      provide: EVENT_BUS,
      inject: [DB, REDIS, EVENTS_CHANNEL_PREFIX],
      useFactory: (db: Kysely<Database>, redis: Redis, channelPrefix: string) =>
        new EventBus(db, redis, { channelPrefix }),
    },
    {
      // Same Redis keys and limits as the worker's, so the API reports what the worker enforces.
      provide: CHANNEL_SEMAPHORE,
      inject: [ENGINE_CONFIG, REDIS],
      useFactory: (config: EngineConfig, redis: Redis) =>
        new ChannelSemaphore(redis, { limits: channelPoolLimits(config.env) }),
    },
    {
      // Webhooks are verified with the secret of the account that placed the call, deleted
      // accounts included (their calls in flight still report); replies go out through it.
      provide: CARRIERS,
      inject: [ENGINE_CONFIG, DB],
      useFactory: (config: EngineConfig, db: Kysely<Database>) => {
        const cipher = credentialsCipherFromEnv(config.env);
        return new CarrierDirectory({
          loadAccount: (id) =>
            cipher
              ? loadCarrierAccount(db, cipher, id, { includeDeleted: true })
              : Promise.resolve(undefined),
          defaultAccount: defaultCarrierAccount(config.env),
          createOptions: {
            simBaseUrl: simulatorUrl(config.env),
            simWebhookSecret: config.env.WEBHOOK_SECRET,
          },
        });
      },
    },
  ],
  exports: [
    ENGINE_CONFIG,
    DB,
    REDIS,
    TEMPORAL_CONNECTION,
    TEMPORAL_CLIENT,
    CARRIERS,
    EVENT_BUS,
    EVENTS_CHANNEL_PREFIX,
    CHANNEL_SEMAPHORE,
  ],
})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
    this.redis.disconnect();
    await this.temporal.close();
  }
}
