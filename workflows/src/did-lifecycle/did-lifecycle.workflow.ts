import { proxyActivities } from '@temporalio/workflow';
import type { DidLifecycleActivities, DidLifecycleResult } from '@engine/contracts';

const { advanceDidLifecycle } = proxyActivities<DidLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 3 },
});

/** One step of the DID lifecycle, started by the `did-lifecycle` schedule every 60 s. */
export async function didLifecycleWorkflow(): Promise<DidLifecycleResult> {
  return advanceDidLifecycle();
}
