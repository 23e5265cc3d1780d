import type { CancelQueuedCallsInput } from '@engine/contracts';
import { cancelQueuedCalls } from '@engine/db';
import type { CampaignActivityDeps } from '../campaign/campaign-deps';
import { activityNow } from '../campaign/campaign-deps';

/**
 * The call queue's `cancelCalls` signal (e.g. from `temporal workflow signal`): the named calls of
 * the queue's customer that are not yet dialed are cancelled. Idempotent: a call already cancelled
 * (or dialing, or finished) is left as it is.
 */
export function createCancelQueuedCalls({ db, now }: Pick<CampaignActivityDeps, 'db' | 'now'>) {
  return async function cancelQueuedCallsActivity(input: CancelQueuedCallsInput): Promise<string[]> {
    return cancelQueuedCalls(
      db,
      input.settings.customerId,
      input.callIds,
      input.reason,
      activityNow({ now }),
    );
  };
}
