import type { CallCancelRequest } from '@engine/contracts';
import { CAMPAIGN_WORKFLOW_TYPE, callQueueSignalWithStart, cancelCallsSignal } from '@engine/contracts';
import type { QueuedCallInput, QueuedCallResult } from '@engine/db';
import { ensureCallQueue, insertQueuedCalls, setCallQueueWorkflowId } from '@engine/db';
import type { CampaignStack } from './campaign-stack';

/** A call with the seed's defaults for what the test leaves out. */
export function queuedCall(phone: string, overrides: Partial<QueuedCallInput> = {}): QueuedCallInput {
  return {
    phone,
    areaCode: phone.startsWith('+1') ? phone.slice(2, 5) : null,
    customCallId: null,
    batchId: null,
    campaignId: null,
    priority: 'normal',
    scheduledAt: null,
    maxRetries: 0,
    callConfig: {},
    ...overrides,
  };
}

/**
 * Queues calls as the API does (the queue created on first use, the calls inserted in one
 * transaction) and nudges the queue's workflow, starting it when it is not running.
 */
export async function queueCalls(
  stack: CampaignStack,
  customerId: string,
  calls: readonly QueuedCallInput[],
  now = new Date(),
): Promise<{ queueId: string; workflowId: string; results: QueuedCallResult[] }> {
  const db = stack.database.db;
  const queue = await ensureCallQueue(db, customerId);
  const results = await db
    .transaction()
    .execute((tx) => insertQueuedCalls(tx, customerId, queue.id, calls, now));
  const workflowId = await nudgeCallQueue(stack, customerId, queue.id);
  return { queueId: queue.id, workflowId, results };
}

/** Signal-with-start of a customer's queue workflow, as the API does after queueing. */
export async function nudgeCallQueue(
  stack: CampaignStack,
  customerId: string,
  queueId: string,
): Promise<string> {
  const options = callQueueSignalWithStart(
    { id: queueId, customerId, status: 'created' },
    stack.temporal.taskQueue,
  );
  await stack.temporal.client.workflow.signalWithStart(CAMPAIGN_WORKFLOW_TYPE, options);
  await setCallQueueWorkflowId(stack.database.db, queueId, options.workflowId);
  return options.workflowId;
}

/** What `temporal workflow signal --name cancelCalls` does. */
export async function signalCancelCalls(
  stack: CampaignStack,
  workflowId: string,
  request: CallCancelRequest,
) {
  await stack.temporal.client.workflow.getHandle(workflowId).signal(cancelCallsSignal, request);
}
