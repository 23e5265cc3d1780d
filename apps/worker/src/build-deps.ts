import type { ActivityDeps } from '@engine/activities';
import type { EngineConfig } from '@engine/config';
import { channelPoolLimits } from '@engine/config';
import type { Database } from '@engine/db';
import { DEFAULT_DID_CAPS } from '@engine/db';
import { SimulatorProvider } from '@engine/providers';
import type { Redis } from '@engine/redis';
import { ChannelSemaphore, EventBus } from '@engine/redis';
import type { Kysely } from 'kysely';

/** The activities' dependencies for this process, from configuration. */
export function buildActivityDeps(config: EngineConfig, db: Kysely<Database>, redis: Redis): ActivityDeps {
  const env = config.env;
  const simUrl = env.CARRIER_SIM_URL ?? `http://127.0.0.1:${env.CARRIER_SIM_PORT}`;
  const apiUrl = env.PUBLIC_API_URL ?? `http://127.0.0.1:${env.API_PORT}`;
  const sim = new SimulatorProvider({ baseUrl: simUrl, webhookSecret: env.WEBHOOK_SECRET });
  return {
    db,
    redis,
    events: new EventBus(db, redis),
    semaphore: new ChannelSemaphore(redis, { limits: channelPoolLimits(env) }),
    voice: sim,
    sms: sim,
    callStatusCallbackUrl: `${apiUrl}/api/webhooks/sim/call-status`,
    smsStatusCallbackUrl: `${apiUrl}/api/webhooks/sim/sms-status`,
    didCaps: { ...DEFAULT_DID_CAPS, dailyCap: env.DID_DAILY_CAP },
  };
}
