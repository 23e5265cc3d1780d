import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiRateLimitGuard } from '../rate-limit/api-rate-limit.guard';
import { ApiRateLimits } from '../rate-limit/api-rate-limits.service';
import { ApiKeyGuard } from './api-key.guard';

// Global guards run in the order they are provided: the rate limit needs the key the first resolved.
@Module({
  providers: [
    ApiRateLimits,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: ApiRateLimitGuard },
  ],
})
export class AuthModule {}
