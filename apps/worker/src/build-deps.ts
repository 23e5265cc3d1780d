import type { ActivityDeps } from '@engine/activities';
import { carrierActivityDeps, reassignedNumbersFromEnv } from '@engine/activities';
import type { EngineConfig } from '@engine/config';
import { channelPoolLimits } from '@engine/config';
import type { Database } from '@engine/db';
import { DEFAULT_DID_CAPS } from '@engine/db';
import type { Redis } from '@engine/redis';
import { ChannelSemaphore, EventBus } from '@engine/redis';
import type { Kysely } from 'kysely';

/** The activities' dependencies for this process, from configuration. */
export function buildActivityDeps(config: EngineConfig, db: Kysely<Database>, redis: Redis): ActivityDeps {
  const env = config.env;
  return {
    db,
    redis,
    events: new EventBus(db, redis),
    semaphore: new ChannelSemaphore(redis, { limits: channelPoolLimits(env) }),
    ...carrierActivityDeps({ env, redis, db }),
    didCaps: { ...DEFAULT_DID_CAPS, dailyCap: env.DID_DAILY_CAP },
    reassignedNumbers: reassignedNumbersFromEnv(env),
  };
}
