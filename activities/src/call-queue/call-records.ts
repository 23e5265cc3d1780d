import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { QueuedCallSnapshot, QueuedCallWorkflowInput } from '@engine/contracts';
import {
  callChangedSignal,
  QUEUED_CALL_WORKFLOW_TYPE,
  queuedCallSearchAttributes,
  queuedCallWorkflowId,
} from '@engine/contracts';

/** A queued call, as its workflow is started with. */
export interface CallRecordRef extends QueuedCallWorkflowInput {
  customCallId: string | null;
}

/**
 * The queued calls' own workflows (`call-<id>`), seen from the dialing activities: opened when a
 * call is first dialed, told when one of its attempts ended. Best effort by design: they are the
 * calls' record in the Web UI, and dialing never waits for or fails because of them (a call
 * whose workflow could not be started or told is caught up by the workflow's own timer, or by
 * the next attempt's report).
 */
export interface CallRecords {
  opened(calls: readonly CallRecordRef[]): Promise<void>;
  /** With `snapshot`: how the call stands, as just written; without: the workflow looks itself. */
  changed(calls: ReadonlyArray<CallRecordRef & { snapshot?: QueuedCallSnapshot }>): Promise<void>;
}

/** {@link CallRecords} on a Temporal client. */
export class TemporalCallRecords implements CallRecords {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly warn: (message: string) => void = (m) => process.emitWarning(m),
  ) {}

  async opened(calls: readonly CallRecordRef[]): Promise<void> {
    await Promise.all(
      calls.map((call) =>
        this.quietly(call, () =>
          this.client.workflow.start(QUEUED_CALL_WORKFLOW_TYPE, {
            ...this.options(call),
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        ),
      ),
    );
  }

  async changed(calls: ReadonlyArray<CallRecordRef & { snapshot?: QueuedCallSnapshot }>): Promise<void> {
    await Promise.all(
      calls.map((call) =>
        this.quietly(call, () =>
          // With start: a call whose workflow could not be opened at its dial gets one now. A call
          // whose workflow has ended is not followed again (REJECT_DUPLICATE refuses a second run).
          this.client.workflow.signalWithStart(QUEUED_CALL_WORKFLOW_TYPE, {
            ...this.options(call),
            signal: callChangedSignal,
            signalArgs: call.snapshot ? [call.snapshot] : [],
          }),
        ),
      ),
    );
  }

  private options(call: CallRecordRef) {
    return {
      workflowId: queuedCallWorkflowId(call.callId),
      taskQueue: this.taskQueue,
      args: [{ callId: call.callId, customerId: call.customerId, queueId: call.queueId }] as [
        QueuedCallWorkflowInput,
      ],
      workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
      typedSearchAttributes: queuedCallSearchAttributes(call),
    };
  }

  private async quietly(call: CallRecordRef, op: () => Promise<unknown>): Promise<void> {
    try {
      await op();
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError || err instanceof WorkflowNotFoundError) return;
      this.warn(`call ${call.callId}: its workflow could not be started or told: ${String(err)}`);
    }
  }
}
