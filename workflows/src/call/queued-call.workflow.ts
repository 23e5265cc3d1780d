import {
  CancellationScope,
  condition,
  isCancellation,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { QueuedCallActivities, QueuedCallSnapshot, QueuedCallWorkflowInput } from '@engine/contracts';
import { callChangedSignal } from '@engine/contracts';
import { TerminalCallStates } from '@engine/domain';

const acts = proxyActivities<QueuedCallActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

/** A live call is looked at again after this long without news (its callback timeout is 10 min). */
const LIVE_CHECK_MS = 10 * 60_000;
/** A call waiting for its turn (pool full, its window, its cap) is looked at this long after it is due. */
const WAITING_GRACE_MS = 60_000;

/**
 * Follows one queued call from its first dial to its end (see `QUEUED_CALL_WORKFLOW_TYPE`). It
 * takes the call's state from `callChanged` (sent with it when an attempt's outcome is recorded),
 * looks itself when told without one, and otherwise on its own timer, so a change it was not told about (an originate
 * refused, a cancel between retries) still ends it. A `temporal workflow cancel` cancels the call
 * if it is waiting for a retry; a call being dialed goes on, and so does this workflow.
 */
export async function queuedCallWorkflow(input: QueuedCallWorkflowInput): Promise<QueuedCallSnapshot> {
  let changed = false;
  let told: QueuedCallSnapshot | undefined;
  setHandler(callChangedSignal, (snapshot) => {
    changed = true;
    told = snapshot;
  });
  let snapshot: QueuedCallSnapshot | null = null;
  const follow = async (): Promise<QueuedCallSnapshot> => {
    for (;;) {
      await condition(() => changed, nextLookMs(snapshot));
      changed = false;
      // Told how the call stands (the recording that settled its attempt): no need to ask.
      snapshot = told ?? (await acts.queuedCallSnapshot(input.callId)) ?? gone(input.callId);
      told = undefined;
      if (TerminalCallStates.includes(snapshot.state)) return snapshot;
    }
  };
  try {
    return await follow();
  } catch (err) {
    if (!isCancellation(err)) throw err;
    return CancellationScope.nonCancellable(async () => {
      await acts.cancelQueuedCall({
        callId: input.callId,
        customerId: input.customerId,
        reason: 'cancelled_by_workflow_cancel',
      });
      changed = true;
      return follow();
    });
  }
}

/** When to look again: soon after a waiting call is due, else after a live call's callback timeout. */
function nextLookMs(snapshot: QueuedCallSnapshot | null): number {
  if (snapshot?.nextAttemptAt && (snapshot.state === 'scheduled' || snapshot.state === 'queued')) {
    return Math.max(0, Date.parse(snapshot.nextAttemptAt) - Date.now()) + WAITING_GRACE_MS;
  }
  return LIVE_CHECK_MS;
}

function gone(callId: string): QueuedCallSnapshot {
  return {
    callId,
    state: 'cancelled',
    attempts: 0,
    lastOutcome: null,
    reason: 'deleted',
    nextAttemptAt: null,
  };
}
