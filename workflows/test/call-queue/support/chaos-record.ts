import type { CampaignStack } from '@engine/test-stack';

/** One request in the simulator's ledger (`GET /sim/calls`), the fields chaos tests check. */
export interface SimCall {
  attemptId: string;
  to: string;
  duplicate: boolean;
}

/** `GET /sim/calls/summary`. */
export interface SimSummary {
  total: number;
  uniqueAttempts: number;
  duplicates: number;
  rejected: number;
}

/** What reached the simulated carrier: every originate request, and the summary. */
export async function simLedger(stack: CampaignStack): Promise<{ calls: SimCall[]; summary: SimSummary }> {
  const summary = (await (await fetch(`${stack.sim.url}/sim/calls/summary`)).json()) as SimSummary;
  const { calls } = (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as { calls: SimCall[] };
  return { calls, summary };
}

/**
 * For the record: activities of the workflow (every run) that died with a worker and were
 * retried once their heartbeat timed out.
 */
export async function activitiesLostWithWorker(stack: CampaignStack, workflowId: string): Promise<number> {
  const { client } = stack.temporal;
  let lost = 0;
  for await (const run of client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
    const history = await client.workflow.getHandle(workflowId, run.runId).fetchHistory();
    for (const event of history.events ?? []) {
      const started = event.activityTaskStartedEventAttributes;
      if (started && (started.attempt ?? 1) > 1 && /heartbeat/i.test(started.lastFailure?.message ?? '')) {
        lost += 1;
      }
    }
  }
  return lost;
}
