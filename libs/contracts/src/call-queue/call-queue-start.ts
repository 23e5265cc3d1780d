import { campaignWorkflowId } from '../campaign/campaign-settings';
import type { CampaignWorkflowInput } from '../campaign/campaign-state';
import { prospectsAddedSignal } from '../campaign/signals';
import { campaignSearchAttributes } from '../search-attributes';

/**
 * The signal-with-start of a customer's call-queue workflow after calls were queued (the campaign
 * workflow, `campaign-<queueId>`): it wakes the running queue, or starts it when none runs. One
 * round trip, and two concurrent first requests start it once.
 */
export function callQueueSignalWithStart(
  queue: { id: string; customerId: string; status: string },
  taskQueue: string,
) {
  return {
    workflowId: campaignWorkflowId(queue.id),
    taskQueue,
    args: [{ campaignId: queue.id }] as [CampaignWorkflowInput],
    signal: prospectsAddedSignal,
    signalArgs: [] as [],
    typedSearchAttributes: campaignSearchAttributes({
      campaignId: queue.id,
      customerId: queue.customerId,
      channel: 'voice',
      status: queue.status,
    }),
  };
}
