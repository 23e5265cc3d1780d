import { ApplicationFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { SystemCheckActivities, SystemCheckInput, SystemCheckResult } from '@engine/contracts';

const { recordSystemCheck, verifySystemCheck } = proxyActivities<SystemCheckActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5, initialInterval: '500 ms' },
});

/**
 * Proves the stack is wired: a worker picks the task up, an activity writes to Postgres and
 * Redis, a durable timer fires, and a second activity reads both back.
 */
export async function systemCheckWorkflow(input: SystemCheckInput): Promise<SystemCheckResult> {
  const written = await recordSystemCheck(input.checkId);
  const sleptMs = input.sleepMs ?? 0;
  if (sleptMs > 0) await sleep(sleptMs);
  if (!(await verifySystemCheck(input.checkId))) {
    throw ApplicationFailure.nonRetryable(
      `system check ${input.checkId} was not found in Postgres and Redis after writing it`,
      'SystemCheckNotVisible',
    );
  }
  return { checkId: input.checkId, ...written, sleptMs };
}
