/**
 * The parts of an authenticated API request timed one at a time, in the bench process, serially:
 * the API-key guard (verified-key cache hit, and the miss a process pays every 10 s per key), the
 * rate-limit take (one Redis round trip), the rate-limit guard around it, and the validation the
 * request goes through (the `:id` pipe of GET /api/campaigns/:id; the body pipe of POST
 * /api/campaigns for comparison).
 */
import { performance } from 'node:perf_hooks';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Kysely } from 'kysely';
import type { EngineConfig } from '@engine/config';
import type { Database } from '@engine/db';
import type { Redis } from '@engine/redis';
import { ApiRateLimiter } from '@engine/redis';
import { ApiKeyGuard } from '../../apps/api/src/auth/api-key.guard';
import { CreateCampaignDto } from '../../apps/api/src/campaigns/campaign-input.schema';
import { IdParams } from '../../apps/api/src/common/contract/fields';
import { ApiValidationPipe } from '../../apps/api/src/common/contract/validation-pipe';
import { ApiRateLimitGuard } from '../../apps/api/src/rate-limit/api-rate-limit.guard';
import { ApiRateLimits } from '../../apps/api/src/rate-limit/api-rate-limits.service';
import { median, percentile } from './services';

/** One timed operation: p50 / p99 / mean in microseconds over `runs` serial runs. */
export interface Timing {
  name: string;
  runs: number;
  p50Us: number;
  p99Us: number;
}

async function time(name: string, runs: number, op: (i: number) => unknown): Promise<Timing> {
  for (let i = 0; i < Math.min(200, runs); i += 1) await op(i); // warm-up: JIT, connections, caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await op(i);
    samples.push((performance.now() - t0) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { name, runs, p50Us: median(samples), p99Us: percentile(samples, 99) };
}

class BenchController {
  handler(): void {}
}

/** What the guards see of a request: handler metadata, the request, a response taking headers. */
function context(req: Record<string, unknown>): ExecutionContext {
  const res = { setHeader: () => undefined };
  return {
    getHandler: () => BenchController.prototype.handler,
    getClass: () => BenchController,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ExecutionContext;
}

export async function isolatedTimings(options: {
  db: Kysely<Database>;
  redis: Redis;
  config: EngineConfig;
  apiKey: string;
  campaignId: string;
  runs: number;
}): Promise<Timing[]> {
  const { db, redis, config, apiKey, campaignId, runs } = options;
  const limits = new ApiRateLimits(redis, config);
  const policy = limits.policies.perKey ?? { ratePerSecond: 1_000_000, burst: 1_000_000 };
  const request = () => ({ headers: { authorization: `Bearer ${apiKey}` }, ip: '127.0.0.1' });
  const keyGuard = new ApiKeyGuard(new Reflector(), db, limits);
  const rateGuard = new ApiRateLimitGuard(limits);
  const limiter = new ApiRateLimiter(redis);
  const authed = { apiKeyHash: 'bench-key-hash' };
  const pipe = new ApiValidationPipe();
  const body = {
    name: 'Spring promo',
    channel: 'voice',
    mode: { calls_per_second: 5, max_attempts: 3 },
    schedule: { timezone: 'America/New_York' },
  };

  const timings: Timing[] = [];
  timings.push(await time('Redis PING (round trip, reference)', runs, () => redis.ping()));
  timings.push(
    await time('API-key guard, verified-key cache hit', runs, () => keyGuard.canActivate(context(request()))),
  );
  timings.push(
    await time('API-key guard, cache miss (DB lookup + address budget peek)', Math.min(runs, 1000), () =>
      new ApiKeyGuard(new Reflector(), db, limits).canActivate(context(request())),
    ),
  );
  timings.push(
    await time('rate-limit take (ApiRateLimiter.take, Lua)', runs, () => limiter.take('bench', policy)),
  );
  timings.push(
    await time('rate-limit guard (take + RateLimit-* headers)', runs, () =>
      rateGuard.canActivate(context({ ...authed })),
    ),
  );
  timings.push(
    await time('validation: :id path parameter (zod IdParams)', runs, () =>
      pipe.transform({ id: campaignId }, { type: 'param', metatype: IdParams }),
    ),
  );
  timings.push(
    await time('validation: POST /api/campaigns body (zod CreateCampaignDto)', runs, () =>
      pipe.transform(structuredClone(body), { type: 'body', metatype: CreateCampaignDto }),
    ),
  );
  return timings;
}
