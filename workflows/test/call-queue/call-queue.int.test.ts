import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStateView, QueuedCallSnapshot } from '@engine/contracts';
import { queuedCallWorkflowId, stateQuery } from '@engine/contracts';
import { addSuppressions, insertQueuedCalls } from '@engine/db';
import type { CampaignStack } from '@engine/test-stack';
import { queueCalls, queuedCall, signalCancelCalls, startCampaignStack } from '@engine/test-stack';
import { seedCustomer, seedDids, zoneWithLocalHour } from '@engine/testing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const phone = (i: number) => `+1212${String(5_550_000 + i).padStart(7, '0')}`;

/**
 * Seed 001's call queue on the campaign engine, on the shared dev server in real time: calls
 * queued for a customer are dialed by its queue workflow from the `api` channel pool (8, as in
 * production), higher priority first, and the queue waits for more calls instead of completing.
 */
describe('the call queue', () => {
  let stack: CampaignStack;
  const callable = zoneWithLocalHour(new Date(), 9, 19);

  beforeAll(async () => {
    // A minute of talk lasts 0.6 s: long enough for the 8 channels to stay busy for a while.
    stack = await startCampaignStack({ timeScale: 0.01 });
    await stack.startWorker();
  });
  afterAll(() => stack?.close());

  const db = () => stack.database.db;

  async function prospectsOf(queueId: string) {
    return db()
      .selectFrom('prospects')
      .innerJoin('queued_calls', 'queued_calls.prospect_id', 'prospects.id')
      .select([
        'prospects.id',
        'prospects.phone',
        'prospects.status',
        'queued_calls.id as callId',
        'queued_calls.priority',
      ])
      .where('prospects.campaign_id', '=', queueId)
      .execute();
  }

  async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }

  it('dials urgent calls before the low ones still waiting when the pool is full, never over 8 channels', async () => {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 12, { areaCode: '212' });
    // Everyone answers and talks 20-40 s (0.2-0.4 s here): the pool, not the pace, is the limit.
    stack.sim.configure({
      byAreaCode: { '212': { weights: { human_connected: 1 }, talkSeconds: { min: 20, max: 40 } } },
    });

    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, (await stack.deps.semaphore.usage('api')).inUse);
        await sleep(10);
      }
    })();

    const lows = Array.from({ length: 40 }, (_, i) =>
      queuedCall(phone(i), { priority: 'low', timezone: callable }),
    );
    const { queueId, workflowId } = await queueCalls(stack, customer.id, lows);
    await waitFor('a full pool', async () => (await stack.deps.semaphore.usage('api')).inUse >= 8);

    // Queue the urgent calls while holding the still-queued low ones, so no claim can take one of
    // them between reading which are waiting and the urgent calls becoming visible.
    const waitingLows = await db()
      .transaction()
      .execute(async (tx) => {
        const waiting = await tx
          .selectFrom('prospects')
          .select('id')
          .where('campaign_id', '=', queueId)
          .where('status', '=', 'queued')
          .forUpdate()
          .execute();
        const urgent = Array.from({ length: 6 }, (_, i) =>
          queuedCall(phone(100 + i), { priority: 'urgent', timezone: callable }),
        );
        await insertQueuedCalls(tx, customer.id, queueId, urgent, new Date());
        return waiting.map((w) => Number(w.id));
      });
    expect(waitingLows.length).toBeGreaterThan(10);
    await stack.temporal.client.workflow.getHandle(workflowId).signal('prospectsAdded');

    await waitFor('every call to end', async () => {
      const rows = await prospectsOf(queueId);
      return rows.length === 46 && rows.every((r) => !['queued', 'dialing'].includes(r.status));
    });
    sampling = false;
    await sampler;

    const attempts = await db()
      .selectFrom('call_attempts')
      .innerJoin('queued_calls', 'queued_calls.prospect_id', 'call_attempts.prospect_id')
      .select(['call_attempts.prospect_id', 'call_attempts.created_at', 'queued_calls.priority'])
      .where('call_attempts.campaign_id', '=', queueId)
      .execute();
    expect(attempts).toHaveLength(46);
    const lastUrgent = Math.max(
      ...attempts.filter((a) => a.priority === 'urgent').map((a) => a.created_at.getTime()),
    );
    const firstWaitingLow = Math.min(
      ...attempts
        .filter((a) => waitingLows.includes(Number(a.prospect_id)))
        .map((a) => a.created_at.getTime()),
    );
    // No low call that was waiting got a channel in an earlier claim than an urgent one (one claim
    // records its attempts together, urgent ones first).
    expect(lastUrgent).toBeLessThanOrEqual(firstWaitingLow);
    expect(peak).toBeLessThanOrEqual(8);
    expect(peak).toBe(8);

    // The queue does not complete when it runs dry: it waits for the next call.
    const handle = stack.temporal.client.workflow.getHandle(workflowId);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const state = (await handle.query(stateQuery)) as CampaignStateView;
    expect(state.status).toBe('dialing');
    expect((await stack.deps.semaphore.usage('api')).inUse).toBe(0);
    expect((await stack.deps.semaphore.usage('campaign')).inUse).toBe(0);

    const later = await queueCalls(stack, customer.id, [queuedCall(phone(200), { timezone: callable })]);
    expect(later.queueId).toBe(queueId);
    await waitFor('the later call', async () =>
      (await prospectsOf(queueId)).some((r) => r.phone === phone(200) && r.status === 'human_connected'),
    );
  }, 120_000);

  it('cancels a call by signal before its time, and cancels a suppressed number at its dial', async () => {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 4, { areaCode: '212' });
    await addSuppressions(db(), customer.id, [{ phone: phone(301), reason: 'asked' }]);
    const inAMinute = new Date(Date.now() + 60_000);
    const { workflowId, results } = await queueCalls(stack, customer.id, [
      queuedCall(phone(300), { scheduledAt: inAMinute, timezone: callable }),
      queuedCall(phone(301), { timezone: callable }),
    ]);
    const [scheduled, suppressed] = results;

    await signalCancelCalls(stack, workflowId, { callIds: [scheduled!.callId], reason: 'customer asked' });
    const status = async (callId: string) =>
      db()
        .selectFrom('queued_calls')
        .innerJoin('prospects', 'prospects.id', 'queued_calls.prospect_id')
        .select(['prospects.status', 'prospects.status_reason', 'queued_calls.cancelled_at'])
        .where('queued_calls.id', '=', callId)
        .executeTakeFirstOrThrow();
    await waitFor('the cancel', async () => (await status(scheduled!.callId)).status === 'cancelled');
    expect((await status(scheduled!.callId)).status_reason).toBe('customer asked');
    await waitFor(
      'the suppressed call',
      async () => (await status(suppressed!.callId)).status === 'cancelled',
    );
    expect((await status(suppressed!.callId)).status_reason).toBe('dnc');

    const sim = (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as {
      calls: Array<{ to: string }>;
    };
    expect(sim.calls.filter((c) => c.to === phone(300) || c.to === phone(301))).toEqual([]);
  }, 60_000);

  it('gives each dialed call its own workflow, findable by CallId and CustomCallId, that ends with the call', async () => {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 4, { areaCode: '332' });
    stack.sim.configure({
      byAreaCode: { '332': { weights: { human_connected: 1 } }, '917': { weights: { busy: 1 } } },
    });
    const { results } = await queueCalls(stack, customer.id, [
      queuedCall('+13325550400', { customCallId: 'crm-400', timezone: callable }),
      // Busy, with a retry 60 s (± 20 %) later: its workflow waits, and a cancel stops the retry.
      queuedCall('+19175550401', { customCallId: 'crm-401', maxRetries: 2, timezone: callable }),
    ]);
    const [answered, busy] = results;
    const client = stack.temporal.client;

    const answeredRun = client.workflow.getHandle(queuedCallWorkflowId(answered!.callId));
    await waitFor('the answered call to end', async () => {
      const d = await answeredRun.describe().catch(() => undefined);
      return d?.status.name === 'COMPLETED';
    });
    const result = (await answeredRun.result()) as QueuedCallSnapshot;
    expect(result).toMatchObject({
      callId: answered!.callId,
      state: 'completed',
      attempts: 1,
      lastOutcome: 'human_connected',
    });

    // The Web UI's search, by either id.
    const found = async (query: string) => {
      const ids: string[] = [];
      for await (const w of client.workflow.list({ query })) ids.push(w.workflowId);
      return ids;
    };
    await waitFor('visibility', async () => (await found(`CustomCallId = "crm-400"`)).length > 0, 15_000);
    expect(await found(`CustomCallId = "crm-400"`)).toEqual([queuedCallWorkflowId(answered!.callId)]);
    expect(await found(`CallId = "${answered!.callId}"`)).toEqual([queuedCallWorkflowId(answered!.callId)]);

    // The busy call waits for its retry; `temporal workflow cancel` on its workflow cancels it.
    const busyRun = client.workflow.getHandle(queuedCallWorkflowId(busy!.callId));
    await waitFor('the first busy attempt', async () => {
      const row = await db()
        .selectFrom('prospects')
        .innerJoin('queued_calls', 'queued_calls.prospect_id', 'prospects.id')
        .select(['prospects.status', 'prospects.status_reason'])
        .where('queued_calls.id', '=', busy!.callId)
        .executeTakeFirstOrThrow();
      return row.status === 'queued' && row.status_reason === 'retry_busy';
    });
    expect((await busyRun.describe()).status.name).toBe('RUNNING');
    await busyRun.cancel();
    const cancelled = (await busyRun.result()) as QueuedCallSnapshot;
    expect(cancelled).toMatchObject({
      state: 'cancelled',
      attempts: 1,
      reason: 'cancelled_by_workflow_cancel',
    });
    await sleep(1_000);
    const sim = (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as {
      calls: Array<{ to: string }>;
    };
    expect(sim.calls.filter((c) => c.to === '+19175550401')).toHaveLength(1);
  }, 60_000);

  it('takes a new pace from PUT /api/queue/settings while it runs', async () => {
    const { customer, apiKey } = await seedCustomer(db());
    await seedDids(db(), customer.id, 2, { areaCode: '212' });
    const { workflowId } = await queueCalls(stack, customer.id, [
      queuedCall(phone(500), { timezone: callable }),
    ]);
    const handle = stack.temporal.client.workflow.getHandle(workflowId);
    const pace = async () => ((await handle.query(stateQuery)) as CampaignStateView).pacing.callsPerSecond;
    await waitFor('the queue to run', async () => (await pace()) === 10);

    const put = (body: unknown) =>
      fetch(`${stack.apiUrl}/api/queue/settings`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const answer = await put({ calls_per_second: 2.5 });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ calls_per_second: 2.5, effective_calls_per_second: 2.5 });
    await waitFor('the new pace', async () => (await pace()) === 2.5);

    const refused = await put({ calls_per_second: 1000 });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { field?: string }).field).toBe('calls_per_second');
    expect(await (await put({ calls_per_second: null })).json()).toEqual({
      calls_per_second: null,
      effective_calls_per_second: 10,
    });
    await waitFor('the default pace again', async () => (await pace()) === 10);
  }, 60_000);
});
