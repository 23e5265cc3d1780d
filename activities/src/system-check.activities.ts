import { hostname } from 'node:os';
import { Context } from '@temporalio/activity';
import type { Kysely } from 'kysely';
import type { SystemCheckActivities } from '@engine/contracts';
import type { Database } from '@engine/db';
import { findSystemCheck, recordSystemCheck } from '@engine/db';
import type { Redis } from '@engine/redis';

export interface SystemCheckDeps {
  db: Kysely<Database>;
  redis: Redis;
}

const redisKeyFor = (checkId: string) => `system-check:${checkId}`;

export function createSystemCheckActivities({ db, redis }: SystemCheckDeps): SystemCheckActivities {
  return {
    async recordSystemCheck(checkId) {
      const workerIdentity = `${process.pid}@${hostname()}/${Context.current().info.taskQueue}`;
      const row = await recordSystemCheck(db, checkId, workerIdentity);
      const redisKey = redisKeyFor(checkId);
      // SET is idempotent; the TTL keeps repeated demo runs from accumulating keys forever.
      await redis.set(redisKey, row.id, 'EX', 86_400);
      return { postgresRowId: row.id, redisKey, workerIdentity: row.worker_identity };
    },
    async verifySystemCheck(checkId) {
      const [row, cached] = await Promise.all([
        findSystemCheck(db, checkId),
        redis.get(redisKeyFor(checkId)),
      ]);
      return row !== undefined && cached === row.id;
    },
  };
}
