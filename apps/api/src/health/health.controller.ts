import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Connection } from '@temporalio/client';
import type { Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '@engine/db';
import { pingDatabase } from '@engine/db';
import type { ChannelPoolUsage, ChannelSemaphore, Redis } from '@engine/redis';
import { CHANNEL_POOLS } from '@engine/redis';
import { Public } from '../auth/public.decorator';
import { CHANNEL_SEMAPHORE, DB, REDIS, TEMPORAL_CONNECTION } from '../infrastructure/tokens';
import type { ChannelPoolUsageDto } from './health.dto';
import { HealthReportDto } from './health.dto';

const CHECK_TIMEOUT_MS = 2000;

/** `check` within the timeout; a hung dependency must not hang the health answer. */
async function withinTimeout<T>(check: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function probe(
  check: () => Promise<unknown>,
): Promise<{ ok: boolean; error?: string; latencyMs: number }> {
  const started = Date.now();
  try {
    await withinTimeout(check);
    return { ok: true, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, error: (err as Error).message, latencyMs: Date.now() - started };
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
    @Inject(CHANNEL_SEMAPHORE) private readonly semaphore: ChannelSemaphore,
  ) {}

  /** Reachability of Temporal, Postgres and Redis (503 when any is down), and SIP channel usage. */
  @Get()
  @ApiOperation({
    summary: 'Reachability of Postgres, Redis and Temporal, and SIP channel usage (public)',
  })
  @ApiOkResponse({ type: HealthReportDto, description: 'every dependency answered' })
  @ApiServiceUnavailableResponse({
    type: HealthReportDto,
    description: 'a dependency is down: the same report, status degraded, naming it',
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReportDto> {
    const [postgres, redis, temporal, channels] = await Promise.all([
      probe(() => pingDatabase(this.db)),
      probe(() => this.redis.ping()),
      probe(async () => {
        await this.temporal.ensureConnected();
        await this.temporal.healthService.check({});
      }),
      this.channelUsage(),
    ]);
    const ok = postgres.ok && redis.ok && temporal.ok;
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', checks: { postgres, redis, temporal }, channels };
  }

  /** Every pool with its limit; `inUse` is null when Redis cannot tell (the redis check says why). */
  private async channelUsage(): Promise<ChannelPoolUsageDto[]> {
    let usage: ChannelPoolUsage[] | undefined;
    try {
      usage = await withinTimeout(() => this.semaphore.usageAll());
    } catch {
      usage = undefined;
    }
    return CHANNEL_POOLS.map((pool) => ({
      pool,
      inUse: usage?.find((u) => u.pool === pool)?.inUse ?? null,
      limit: this.semaphore.limits[pool],
    }));
  }
}
