import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

const phone = (i: number) => `+1415${String(5_550_000 + i).padStart(7, '0')}`;

/** Seed 001's bulk queue, batch progress, queue status and active calls (no worker: nothing is dialed). */
describe('POST /api/calls/bulk-queue, batches, queue status and active calls', () => {
  let s: ApiStack;
  let a: ApiClient;
  let aCustomerId: string;

  beforeAll(async () => {
    s = await startApiStack();
    ({ http: a, customerId: aCustomerId } = await s.tenant('Bulk'));
  });
  afterAll(() => s?.close());

  /** Puts a call in `dialing` with an attempt, as the queue workflow would (no worker runs here). */
  async function dial(callId: string, attemptStatus: 'originating' | 'in_progress') {
    const db = s.stack.database.db;
    const call = await db
      .selectFrom('queued_calls as q')
      .innerJoin('prospects as p', 'p.id', 'q.prospect_id')
      .select(['q.prospect_id', 'p.campaign_id', 'p.phone'])
      .where('q.id', '=', callId)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('prospects')
      .set({ status: 'dialing', attempt_count: 1 })
      .where('id', '=', call.prospect_id)
      .execute();
    await db
      .insertInto('call_attempts')
      .values({
        id: randomUUID(),
        prospect_id: call.prospect_id,
        campaign_id: call.campaign_id,
        attempt_number: 1,
        from_number: '+14155559999',
        to_number: call.phone,
        status: attemptStatus,
        provider: 'sim',
        originated_at: new Date(),
      })
      .execute();
  }

  /** Ends a dialed call with `outcome` (as the workflow would record it). */
  async function finish(callId: string, outcome: 'human_connected' | 'busy', durationSeconds: number) {
    await dial(callId, 'in_progress');
    const db = s.stack.database.db;
    const { prospect_id } = await db
      .selectFrom('queued_calls')
      .select('prospect_id')
      .where('id', '=', callId)
      .executeTakeFirstOrThrow();
    await db.updateTable('prospects').set({ status: outcome }).where('id', '=', prospect_id).execute();
    await db
      .updateTable('call_attempts')
      .set({ status: 'completed', outcome, duration_seconds: durationSeconds, completed_at: new Date() })
      .where('prospect_id', '=', prospect_id)
      .execute();
  }

  it('queues the valid rows, lists the rejected ones with row and field, and refuses a repeated batch_id', async () => {
    const calls = [
      { phone_number: phone(1), custom_call_id: 'b-1', priority: 'urgent' },
      { phone_number: '+1 555', custom_call_id: 'b-2' },
      { phone_number: phone(3), priority: 'asap' },
      { phone_number: phone(4), call_config: { max_duration: 0 } },
      { phone_number: phone(5), campaign_id: randomUUID() },
      'not a call',
      { phone_number: phone(7), custom_call_id: 'b-1' },
      { phone_number: phone(8), scheduled_at: new Date(Date.now() + 86_400_000).toISOString() },
      { phone_number: phone(9), extra: 1 },
    ];
    const res = await a.post('/calls/bulk-queue', { batch_id: 'batch-1', calls });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ batch_id: 'batch-1', submitted: 9, accepted: 3, duplicates: 1 });
    expect(res.body.rejected.map((r: { row: number; field: string }) => [r.row, r.field])).toEqual([
      [2, 'phone_number'],
      [3, 'priority'],
      [4, 'call_config.max_duration'],
      [5, 'campaign_id'],
      [6, 'row'],
      [9, 'extra'],
    ]);
    const [first, repeat, scheduled] = res.body.calls;
    expect(first).toMatchObject({ row: 1, custom_call_id: 'b-1', created: true });
    expect(repeat).toMatchObject({ row: 7, custom_call_id: 'b-1', created: false, call_id: first.call_id });
    expect(scheduled).toMatchObject({ row: 8, created: true });

    const again = await a.post('/calls/bulk-queue', {
      batch_id: 'batch-1',
      calls: [{ phone_number: phone(10) }],
    });
    expect(again.status).toBe(409);
    expect(again.body.field).toBe('batch_id');
    const count = await s.stack.database.db
      .selectFrom('queued_calls')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('customer_id', '=', aCustomerId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);

    const progress = await a.get('/calls/batches/batch-1');
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({
      batch_id: 'batch-1',
      submitted: 9,
      accepted: 3,
      rejected: 6,
      states: { queued: 1, scheduled: 1, dialing: 0, in_progress: 0, completed: 0, failed: 0, cancelled: 0 },
    });

    await a.delete(`/calls/${scheduled.call_id}`);
    await dial(first.call_id, 'in_progress');
    const later = await a.get('/calls/batches/batch-1');
    expect(later.body.states).toMatchObject({ queued: 0, scheduled: 0, in_progress: 1, cancelled: 1 });
    expect((await a.get('/calls/batches/no-such-batch')).status).toBe(404);
  });

  it('refuses a batch with no valid row (400 naming the first row’s field) and records nothing', async () => {
    const res = await a.post('/calls/bulk-queue', {
      batch_id: 'all-bad',
      calls: [{ phone_number: phone(20), priority: 'asap' }, { phone_number: 'x' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('calls[0].priority');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'calls[0].priority',
      'calls[1].phone_number',
    ]);
    expect((await a.get('/calls/batches/all-bad')).status).toBe(404);
    const empty = await a.post('/calls/bulk-queue', { batch_id: 'empty', calls: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.field).toBe('calls');
  });

  it('queues 10,000 calls in one request within seconds', async () => {
    const calls = Array.from({ length: 10_000 }, (_, i) => ({
      phone_number: phone(1000 + i),
      custom_call_id: `big-${i}`,
      priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4],
      max_retries: 2,
      call_config: {
        agent: 'ai',
        voice: 'en-US',
        max_duration: 1800,
        recording_enabled: true,
        flow_name: 'wishfin-test',
        answer_url: 'https://example.com/outbound-answer',
        variables: { name: `Person ${i}`, email: `person${i}@example.com`, note: 'x'.repeat(200) },
      },
    }));
    const started = performance.now();
    const res = await a.post('/calls/bulk-queue', { batch_id: 'big', calls });
    const ms = performance.now() - started;
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ submitted: 10_000, accepted: 10_000, duplicates: 0, rejected: [] });
    // About 3 s alone on a shared 2-core machine (client serialisation, Postgres and the API in
    // one box); the bound is loose for runs beside other test files, and still catches a
    // per-row round trip (10,000 of them take far longer).
    expect(ms).toBeLessThan(10_000);
    const events = await s.stack.database.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('customer_id', '=', aCustomerId)
      .where('type', '=', 'call.queued')
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBeGreaterThanOrEqual(10_000);
    console.log(`bulk-queue of 10,000 calls: ${ms.toFixed(0)} ms`);
  });

  it('reports the queue by priority, scheduled and in flight, with the api channel pool; lists active calls', async () => {
    const t = await s.tenant('Status');
    const empty = await t.http.get('/queue/status');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      queue_id: null,
      pending: { low: 0, normal: 0, high: 0, urgent: 0 },
      scheduled: 0,
      in_flight: 0,
      channel_pool: { pool: 'api', limit: 8 },
    });
    expect((await t.http.get('/calls/active')).body).toEqual({ items: [], nextCursor: null });

    const priorities = ['low', 'high', 'high', 'urgent', 'normal', 'normal'];
    const queued = [];
    for (const [i, priority] of priorities.entries())
      queued.push((await t.http.post('/calls/queue', { phone_number: phone(100 + i), priority })).body);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    await t.http.post('/calls/queue', { phone_number: phone(120), scheduled_at: at, priority: 'urgent' });
    await dial(queued[4].call_id, 'originating');
    await dial(queued[5].call_id, 'in_progress');
    for (const [i, [outcome, seconds]] of (
      [
        ['human_connected', 30],
        ['human_connected', 60],
        ['busy', 0],
      ] as const
    ).entries()) {
      const call = (await t.http.post('/calls/queue', { phone_number: phone(130 + i) })).body;
      await finish(call.call_id, outcome, seconds);
    }

    const status = await t.http.get('/queue/status');
    expect(status.body).toMatchObject({
      pending: { low: 1, normal: 0, high: 2, urgent: 1 },
      scheduled: 1,
      in_flight: 2,
      dial_rate_per_second: Number((5 / 60).toFixed(4)),
      success_rate: 0.6667,
      failure_rate: 0.3333,
      average_duration_seconds: 45,
      channel_pool: { pool: 'api', limit: 8 },
    });
    expect(status.body.queue_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(status.body.workflow_id).toBe(`campaign-${status.body.queue_id}`);

    const page1 = await t.http.get('/calls/active?limit=1');
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0]).toMatchObject({
      call_id: queued[4].call_id,
      state: 'dialing',
      attempt: 1,
      caller_id: '+14155559999',
      provider: 'sim',
    });
    const page2 = await t.http.get(`/calls/active?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items[0]).toMatchObject({ call_id: queued[5].call_id, state: 'in_progress' });
    expect(page2.body.nextCursor).toBeNull();
    expect(
      (await a.get('/calls/active')).body.items.map((c: { call_id: string }) => c.call_id),
    ).not.toContain(queued[4].call_id);
  });
});
