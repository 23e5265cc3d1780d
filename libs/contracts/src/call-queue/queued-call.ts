import { defineSignal } from '@temporalio/workflow';
import type { CallState } from '@engine/domain';

/**
 * A queued call's own workflow (`call-<callId>`), started when the call is first dialed: the
 * call's record in the Temporal Web UI, findable by `CallId` or `CustomCallId`. It runs while the
 * call is live or waiting for a retry and ends with the call's final state. The customer's queue
 * workflow does the dialing; this one only follows the call (and can cancel it before a retry).
 */
export const QUEUED_CALL_WORKFLOW_TYPE = 'queuedCallWorkflow';

/** `call-<callId>`. */
export const queuedCallWorkflowId = (callId: string) => `call-${callId}`;

export interface QueuedCallWorkflowInput {
  callId: string;
  customerId: string;
  /** The customer's call queue (its campaign id); its workflow is `campaign-<queueId>`. */
  queueId: string;
}

/** A queued call as its workflow sees it, and the workflow's result once the call has ended. */
export interface QueuedCallSnapshot {
  callId: string;
  state: CallState;
  attempts: number;
  lastOutcome: string | null;
  /** Why it is where it is (`dnc`, `retry_busy`, `outside_window`, ...). */
  reason: string | null;
  /** When it is next due (ISO), while it waits. */
  nextAttemptAt: string | null;
}

/**
 * Something about the call changed (an attempt ended): with the call's snapshot as just written,
 * or without one (look now instead of at the next check).
 */
export const callChangedSignal = defineSignal<[QueuedCallSnapshot?]>('callChanged');

export interface QueuedCallActivities {
  /** The call's current snapshot; null when the call no longer exists. */
  queuedCallSnapshot(callId: string): Promise<QueuedCallSnapshot | null>;
  /** Cancels the call if it is not being dialed (`temporal workflow cancel`); whether it was. */
  cancelQueuedCall(input: { callId: string; customerId: string; reason: string }): Promise<boolean>;
}
