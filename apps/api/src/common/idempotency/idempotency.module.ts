import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import type { Redis } from '@engine/redis';
import { IdempotencyStore } from '@engine/redis';
import { REDIS } from '../../infrastructure/tokens';
import type { IdempotencyOptions } from './idempotency-options';
import { DEFAULT_IDEMPOTENCY_OPTIONS, IDEMPOTENCY_OPTIONS, IDEMPOTENCY_STORE } from './idempotency-options';

/**
 * The Idempotency-Key store and its options, global so that the interceptor `@Idempotent()`
 * applies can be built in every controller's module. Needs the `REDIS` client (InfrastructureModule).
 */
@Global()
@Module({})
export class IdempotencyModule {
  static forRoot(overrides: Partial<IdempotencyOptions> = {}): DynamicModule {
    const options: IdempotencyOptions = { ...DEFAULT_IDEMPOTENCY_OPTIONS, ...overrides };
    return {
      module: IdempotencyModule,
      providers: [
        { provide: IDEMPOTENCY_OPTIONS, useValue: options },
        {
          provide: IDEMPOTENCY_STORE,
          inject: [REDIS],
          useFactory: (redis: Redis) =>
            new IdempotencyStore(redis, { ttlMs: options.ttlMs, lockTtlMs: options.lockTtlMs }),
        },
      ],
      exports: [IDEMPOTENCY_OPTIONS, IDEMPOTENCY_STORE],
    };
  }
}
