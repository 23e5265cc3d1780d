import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Connection } from '@temporalio/client';
import type { Response } from 'express';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '@engine/db';
import type { Redis } from '@engine/redis';
import { Public } from '../auth/public.decorator';
import { DB, REDIS, TEMPORAL_CONNECTION } from '../infrastructure/tokens';
import { HealthReportDto } from './health.dto';

const CHECK_TIMEOUT_MS = 2000;

async function probe(
  check: () => Promise<unknown>,
): Promise<{ ok: boolean; error?: string; latencyMs: number }> {
  const started = Date.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS),
      ),
    ]);
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
  ) {}

  /** Reachability of Temporal, Postgres and Redis; 503 when any is down. */
  @Get()
  @ApiOkResponse({ type: HealthReportDto })
  @ApiServiceUnavailableResponse({ type: HealthReportDto })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReportDto> {
    const [postgres, redis, temporal] = await Promise.all([
      probe(() => sql`select 1`.execute(this.db)),
      probe(() => this.redis.ping()),
      probe(async () => {
        await this.temporal.ensureConnected();
        await this.temporal.healthService.check({});
      }),
    ]);
    const ok = postgres.ok && redis.ok && temporal.ok;
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', checks: { postgres, redis, temporal } };
  }
}
