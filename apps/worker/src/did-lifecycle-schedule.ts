import type { Client } from '@temporalio/client';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { DID_LIFECYCLE_SCHEDULE_ID, DID_LIFECYCLE_WORKFLOW_TYPE } from '@engine/contracts';

/**
 * Creates the `did-lifecycle` schedule (every 60 s, overlapping runs skipped, runs missed while
 * the cluster was down caught up for 5 minutes) unless it exists. Every worker calls this at
 * start; however many start, there is one schedule.
 */
export async function ensureDidLifecycleSchedule(
  client: Client,
  taskQueue: string,
): Promise<'created' | 'existed'> {
  try {
    await client.schedule.create({
      scheduleId: DID_LIFECYCLE_SCHEDULE_ID,
      spec: { intervals: [{ every: '60 seconds' }] },
      action: { type: 'startWorkflow', workflowType: DID_LIFECYCLE_WORKFLOW_TYPE, taskQueue, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '5 minutes' },
    });
    return 'created';
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return 'existed';
    throw err;
  }
}
