/** Task queues, fixed by the design: campaign workflows and their activities run on `campaigns`. */
export const TaskQueues = {
  campaigns: 'campaigns',
} as const;

export type TaskQueueName = (typeof TaskQueues)[keyof typeof TaskQueues];
