import type { NativeConnection } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import type { ActivityDeps } from '@engine/activities';
import { createActivities } from '@engine/activities';

export interface WorkerSettings {
  namespace: string;
  taskQueue: string;
  maxConcurrentActivityTaskExecutions: number;
  maxConcurrentWorkflowTaskExecutions: number;
  maxCachedWorkflows: number;
  shutdownGraceTimeMs: number;
}

/** Builds the campaigns worker: every workflow of `@engine/workflows`, every activity of the factory. */
export function createCampaignWorker(
  connection: NativeConnection,
  settings: WorkerSettings,
  deps: ActivityDeps,
): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    workflowsPath: require.resolve('@engine/workflows'),
    activities: createActivities(deps),
    maxConcurrentActivityTaskExecutions: settings.maxConcurrentActivityTaskExecutions,
    maxConcurrentWorkflowTaskExecutions: settings.maxConcurrentWorkflowTaskExecutions,
    maxCachedWorkflows: settings.maxCachedWorkflows,
    shutdownGraceTime: settings.shutdownGraceTimeMs,
  });
}
