import type { CampaignActivityDeps } from './campaign';
import { createQueuedCallActivities } from './call-queue/queued-call-activities';
import { createCampaignActivities } from './campaign';
import { createDidLifecycleActivities } from './did-lifecycle/advance-did-lifecycle';
import type { SystemCheckDeps } from './system-check.activities';
import { createSystemCheckActivities } from './system-check.activities';

/** Everything an activity may touch, built once per worker process. */
export type ActivityDeps = SystemCheckDeps & CampaignActivityDeps & { didRampMs?: number };

/** Builds every activity the worker registers, bound to their dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createSystemCheckActivities(deps),
    ...createCampaignActivities(deps),
    ...createQueuedCallActivities({ db: deps.db, ...(deps.now ? { now: deps.now } : {}) }),
    ...createDidLifecycleActivities({
      db: deps.db,
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.didRampMs ? { rampMs: deps.didRampMs } : {}),
    }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
