import type { DidLifecycleActivities } from '@engine/contracts';
import { advanceDidLifecycle } from '@engine/db';
import type { CampaignActivityDeps } from '../campaign/campaign-deps';
import { activityNow } from '../campaign/campaign-deps';

export interface DidLifecycleDeps extends Pick<CampaignActivityDeps, 'db' | 'now'> {
  /** How long a DID back from cooldown ramps in (default 2 h). */
  rampMs?: number;
}

export function createDidLifecycleActivities({ db, now, rampMs }: DidLifecycleDeps): DidLifecycleActivities {
  return {
    async advanceDidLifecycle() {
      const result = await advanceDidLifecycle(db, activityNow({ now }), rampMs);
      return { rampedIn: result.rampedIn.length, warmed: result.warmed.length };
    },
  };
}
