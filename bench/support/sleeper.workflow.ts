/** Workflow for bench/timer-precision.bench.ts: `n` durable timers of `ms` one after another. */
import { sleep } from '@temporalio/workflow';

export async function sleeperWorkflow(ms: number, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await sleep(ms);
}
