import type { QueuedCallActivities, QueuedCallSnapshot } from '@engine/contracts';
import type { Executor } from '@engine/db';
import { cancelQueuedCalls, findQueuedCallProgress } from '@engine/db';
import { callStateOf } from '@engine/domain';

/** The activities of a queued call's own workflow. */
export function createQueuedCallActivities(deps: { db: Executor; now?: () => Date }): QueuedCallActivities {
  const now = () => deps.now?.() ?? new Date();
  return {
    async queuedCallSnapshot(callId: string): Promise<QueuedCallSnapshot | null> {
      const progress = await findQueuedCallProgress(deps.db, callId);
      if (!progress) return null;
      const state = callStateOf(progress, now());
      return {
        callId,
        state,
        attempts: progress.attemptCount,
        lastOutcome: progress.lastOutcome,
        reason: progress.statusReason,
        nextAttemptAt:
          state === 'scheduled' || state === 'queued' ? progress.nextAttemptAt.toISOString() : null,
      };
    },
    async cancelQueuedCall(input): Promise<boolean> {
      const cancelled = await cancelQueuedCalls(
        deps.db,
        input.customerId,
        [input.callId],
        input.reason,
        now(),
      );
      return cancelled.length > 0;
    },
  };
}
