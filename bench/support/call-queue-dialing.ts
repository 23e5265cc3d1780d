/**
 * Parts 2 and 3 of bench/call-queue.bench.ts: scheduled calls queued through the API and dialed by
 * a worker (scheduled-to-originate latency), then what the queue workflow and the calls' own
 * workflows cost in history events and billable actions.
 */
import { campaignWorkflowId, QUEUED_CALL_WORKFLOW_TYPE, queuedCallWorkflowId } from '@engine/contracts';
import { createCustomerWithApiKey } from '@engine/db';
import { sql } from 'kysely';
import type { ApiChild } from './api-child';
import type { BenchStack } from './campaign-bench-stack';
import { sleep, waitFor } from './campaign-bench-stack';
import { apiClient, nthNumber, runsOf } from './call-queue-bench';
import type { ActionBreakdown, CostSummary } from './history';
import { summarizeCost } from './history';

export interface ScheduledRun {
  queueId: string;
  callIds: string[];
  /** originated_at − scheduled_at per call, ms, in scheduled order. */
  lagsMs: number[];
  /** First and last originated_at, epoch ms. */
  firstDialMs: number;
  lastDialMs: number;
  scheduledFirstMs: number;
  /** Calls originated in each whole second after the first call was due. */
  dialsBySecond: number[];
  /** completed_at − originated_at (the call's end as the webhook reported it), ms. */
  callMs: number[];
}

let customerSeq = 0;

/**
 * Queues `calls` calls to `areaCode` on a new customer's queue (one bulk request, max_retries 0,
 * normal priority), the i-th due at `scheduledAt(i)`, and waits until every one has an outcome.
 */
export async function scheduledRun(
  stack: BenchStack,
  api: ApiChild,
  name: string,
  calls: number,
  areaCode: string,
  scheduledAt: (i: number) => number,
): Promise<ScheduledRun> {
  customerSeq += 1;
  const { customer, apiKey } = await createCustomerWithApiKey(stack.db, `bench ${name}`);
  // Caller IDs in the callees' own area code (local presence); numbers distinct per customer.
  await sql`
    insert into dids (customer_id, number, area_code)
    select ${customer.id}, '+1' || ${areaCode} || lpad((${8_000_000 + customerSeq * 1_000}::int + g)::text, 7, '0'), ${areaCode}
    from generate_series(0, 49) g`.execute(stack.db);
  const rows = Array.from({ length: calls }, (_, i) => ({
    phone_number: nthNumber([areaCode], 500_000 * customerSeq + i),
    custom_call_id: `${name}-${i}`,
    max_retries: 0,
    scheduled_at: new Date(scheduledAt(i)).toISOString(),
    call_config: { agent: 'ai', flow_name: 'payment-reminder', variables: { name: `Customer ${i}` } },
  }));
  const res = await apiClient(api.url, apiKey)(
    'POST',
    '/calls/bulk-queue',
    JSON.stringify({ batch_id: name, calls: rows }),
  );
  if (res.status !== 201) throw new Error(`bulk-queue answered ${res.status}: ${JSON.stringify(res.json)}`);
  if (Date.now() > scheduledAt(0))
    throw new Error(`${name}: queued after the first call was due; start later`);
  const queue = await stack.db
    .selectFrom('campaigns')
    .select('id')
    .where('customer_id', '=', customer.id)
    .where('kind', '=', 'call_queue')
    .executeTakeFirstOrThrow();
  const span = scheduledAt(calls - 1) - Date.now();
  const ended = await waitFor(
    async () => {
      const r = await sql<{ n: string }>`
        select count(*)::text as n from call_attempts a join queued_calls q on q.prospect_id = a.prospect_id
        where q.queue_id = ${queue.id} and a.outcome is not null`.execute(stack.db);
      return Number(r.rows[0]?.n) >= calls;
    },
    span + 180_000,
    500,
  );
  if (!ended) throw new Error(`${name}: not every call ended within ${(span + 180_000) / 1000} s`);
  const dials = await sql<{ id: string; scheduled_at: Date; originated_at: Date; completed_at: Date | null }>`
    select q.id, q.scheduled_at, a.originated_at, a.completed_at from queued_calls q
    join call_attempts a on a.prospect_id = q.prospect_id and a.attempt_number = 1
    where q.queue_id = ${queue.id} order by q.scheduled_at, a.originated_at`.execute(stack.db);
  const originated = dials.rows.map((d) => d.originated_at.getTime());
  const dialsBySecond: number[] = [];
  for (const at of originated) {
    const second = Math.max(0, Math.floor((at - scheduledAt(0)) / 1000));
    for (let k = dialsBySecond.length; k <= second; k++) dialsBySecond.push(0);
    dialsBySecond[second] = (dialsBySecond[second] ?? 0) + 1;
  }
  return {
    dialsBySecond,
    callMs: dials.rows.flatMap((d) =>
      d.completed_at ? [d.completed_at.getTime() - d.originated_at.getTime()] : [],
    ),
    queueId: queue.id,
    callIds: dials.rows.map((d) => d.id),
    lagsMs: dials.rows.map((d) => d.originated_at.getTime() - d.scheduled_at.getTime()),
    firstDialMs: Math.min(...originated),
    lastDialMs: Math.max(...originated),
    scheduledFirstMs: scheduledAt(0),
  };
}

export interface QueueCost {
  calls: number;
  queue: CostSummary;
  perCall: {
    events: number;
    actions: number;
    breakdown: ActionBreakdown;
    eventsByType: Record<string, number>;
  };
  /** Call workflows still running when they were read (each should have ended with its call). */
  stillRunning: number;
}

/**
 * Reads the queue workflow's runs and every call's `call-<id>` workflow once the call workflows
 * have ended (at most `waitMs`): events and actions summed per kind.
 */
export async function queueCost(stack: BenchStack, run: ScheduledRun, waitMs = 90_000): Promise<QueueCost> {
  const running = async () =>
    Number(
      (
        await stack.client.workflow.count(
          `WorkflowType = '${QUEUED_CALL_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`,
        )
      ).count,
    );
  await waitFor(async () => (await running()) === 0, waitMs, 1_000);
  const stillRunning = await running();
  await sleep(500);
  const queue = summarizeCost(await runsOf(stack.client, campaignWorkflowId(run.queueId)));
  const perCall = {
    events: 0,
    actions: 0,
    breakdown: summarizeCost([]).breakdown,
    eventsByType: {} as Record<string, number>,
  };
  for (let i = 0; i < run.callIds.length; i += 10) {
    const histories = await Promise.all(
      run.callIds.slice(i, i + 10).map(async (id) => ({
        runId: id,
        events: (await stack.client.workflow.getHandle(queuedCallWorkflowId(id)).fetchHistory()).events ?? [],
      })),
    );
    for (const h of histories) {
      const c = summarizeCost([h]);
      perCall.events += c.events;
      perCall.actions += c.actions;
      for (const [k, v] of Object.entries(c.breakdown)) perCall.breakdown[k as keyof ActionBreakdown] += v;
      for (const [k, v] of Object.entries(c.eventsByType))
        perCall.eventsByType[k] = (perCall.eventsByType[k] ?? 0) + v;
    }
  }
  return { calls: run.callIds.length, queue, perCall, stillRunning };
}
