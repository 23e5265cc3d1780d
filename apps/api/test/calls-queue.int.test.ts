import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignWorkflowId } from '@engine/contracts';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

/** Seed 001's single-call routes against real Postgres, Redis and Temporal (no worker: nothing is dialed). */
describe('POST /api/calls/queue, status and cancel', () => {
  let s: ApiStack;
  let a: ApiClient;
  let b: ApiClient;
  let aCustomerId: string;

  beforeAll(async () => {
    s = await startApiStack();
    ({ http: a, customerId: aCustomerId } = await s.tenant('A'));
    ({ http: b } = await s.tenant('B'));
  });
  afterAll(() => s?.close());

  it('queues a call due now, normalises the number, answers its state, and starts the queue workflow', async () => {
    const res = await a.post('/calls/queue', {
      phone_number: '(415) 555-0142',
      call_config: { agent: 'ai', max_duration: 600, variables: { name: 'Ann' } },
      priority: 'high',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      phone_number: '+14155550142',
      state: 'queued',
      priority: 'high',
      max_retries: 3,
      custom_call_id: null,
      scheduled_at: null,
    });
    const queue = await s.stack.database.db
      .selectFrom('campaigns')
      .selectAll()
      .where('customer_id', '=', aCustomerId)
      .where('kind', '=', 'call_queue')
      .executeTakeFirstOrThrow();
    expect(queue.workflow_id).toBe(campaignWorkflowId(queue.id));
    const described = await s.stack.temporal.client.workflow.getHandle(queue.workflow_id!).describe();
    expect(described.status.name).toBe('RUNNING');
    const prospect = await s.stack.database.db
      .selectFrom('queued_calls as q')
      .innerJoin('prospects as p', 'p.id', 'q.prospect_id')
      .select(['p.priority', 'p.max_attempts', 'p.call_config', 'p.area_code', 'p.campaign_id'])
      .where('q.id', '=', res.body.call_id)
      .executeTakeFirstOrThrow();
    expect(prospect).toMatchObject({ priority: 3, max_attempts: 4, area_code: '415', campaign_id: queue.id });
    expect(prospect.call_config).toEqual({ agent: 'ai', max_duration: 600, variables: { name: 'Ann' } });
    const events = await s.stack.database.db
      .selectFrom('events')
      .select(['type', 'campaign_id', 'payload'])
      .where('customer_id', '=', aCustomerId)
      .where('type', '=', 'call.queued')
      .execute();
    expect(events.map((e) => (e.payload as { callId: string }).callId)).toContain(res.body.call_id);
    expect(events[0]!.campaign_id).toBe(queue.id);
  });

  it('queues one call for one custom_call_id under 20 concurrent requests: one 201, the rest 200 with its id', async () => {
    const body = { phone_number: '+14155550143', custom_call_id: 'race-1' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => a.post('/calls/queue', body)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((st) => st === 201)).toHaveLength(1);
    expect(statuses.filter((st) => st === 200)).toHaveLength(19);
    expect(new Set(answers.map((r) => r.body.call_id)).size).toBe(1);
    const rows = await s.stack.database.db
      .selectFrom('queued_calls')
      .select('id')
      .where('customer_id', '=', aCustomerId)
      .where('custom_call_id', '=', 'race-1')
      .execute();
    expect(rows).toHaveLength(1);
    const events = await s.stack.database.db
      .selectFrom('events')
      .select('payload')
      .where('customer_id', '=', aCustomerId)
      .where('type', '=', 'call.queued')
      .execute();
    expect(
      events.filter((e) => (e.payload as { customCallId: string }).customCallId === 'race-1'),
    ).toHaveLength(1);
  });

  it.each([
    ['phone_number', { phone_number: '+1 555' }],
    ['priority', { phone_number: '+14155550144', priority: 'asap' }],
    ['scheduled_at', { phone_number: '+14155550144', scheduled_at: '2025-01-15 14:30' }],
    [
      'scheduled_at',
      { phone_number: '+14155550144', scheduled_at: new Date(Date.now() + 91 * 86_400_000).toISOString() },
    ],
    ['call_config.max_duration', { phone_number: '+14155550144', call_config: { max_duration: 14_401 } }],
    [
      'call_config.answer_url',
      { phone_number: '+14155550144', call_config: { answer_url: 'ftp://x.example' } },
    ],
    ['call_config.colour', { phone_number: '+14155550144', call_config: { colour: 'red' } }],
    ['urgent', { phone_number: '+14155550144', urgent: true }],
    ['max_retries', { phone_number: '+14155550144', max_retries: 11 }],
  ])('refuses a bad %s with a 400 naming it', async (field, body) => {
    const res = await a.post('/calls/queue', body);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    expect(res.body.message).toContain(field);
  });

  it('answers 404 naming campaign_id for a campaign that is not the customer’s, and files a call under its own', async () => {
    const foreign = (await b.post('/campaigns', { name: 'B', channel: 'voice' })).body.id as string;
    const refused = await a.post('/calls/queue', { phone_number: '+14155550145', campaign_id: foreign });
    expect(refused.status).toBe(404);
    expect(refused.body.field).toBe('campaign_id');
    const own = (await a.post('/campaigns', { name: 'A', channel: 'voice' })).body.id as string;
    const ok = await a.post('/calls/queue', { phone_number: '+14155550145', campaign_id: own });
    expect(ok.status).toBe(201);
    expect(ok.body.campaign_id).toBe(own);
  });

  it('a call scheduled ahead is `scheduled` with call.scheduled; one in the past is due now', async () => {
    const at = new Date(Date.now() + 3 * 86_400_000);
    const later = await a.post('/calls/queue', {
      phone_number: '+14155550146',
      scheduled_at: at.toISOString().replace('Z', '+00:00'),
    });
    expect(later.status).toBe(201);
    expect(later.body.state).toBe('scheduled');
    const status = await a.get(`/calls/${later.body.call_id}/status`);
    expect(status.body).toMatchObject({
      state: 'scheduled',
      next_attempt_at: at.toISOString(),
      attempts: [],
    });
    const event = await s.stack.database.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'call.scheduled')
      .where('customer_id', '=', aCustomerId)
      .executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ callId: later.body.call_id, scheduledAt: at.toISOString() });

    const past = await a.post('/calls/queue', {
      phone_number: '+14155550147',
      scheduled_at: '2025-01-15T14:30:00Z',
    });
    expect(past.status).toBe(201);
    expect(past.body.state).toBe('queued');
  });

  it('reports the status by call_id and by custom_call_id; cancels once, then 409; another customer gets 404', async () => {
    const queued = await a.post('/calls/queue', {
      phone_number: '+14155550148',
      custom_call_id: 'to-cancel',
      max_retries: 2,
    });
    const id = queued.body.call_id as string;
    const byId = await a.get(`/calls/${id}/status`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({
      call_id: id,
      custom_call_id: 'to-cancel',
      state: 'queued',
      reason: null,
      max_retries: 2,
      retries_left: 2,
      attempts: [],
    });
    expect((await a.get('/calls/to-cancel/status')).body.call_id).toBe(id);

    expect((await b.get(`/calls/${id}/status`)).status).toBe(404);
    expect((await b.delete(`/calls/${id}`)).status).toBe(404);

    const cancelled = await a.delete('/calls/to-cancel');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      call_id: id,
      state: 'cancelled',
      reason: 'cancelled_by_api',
      retries_left: 0,
    });
    expect((await a.get(`/calls/${id}/status`)).body.state).toBe('cancelled');
    const again = await a.delete(`/calls/${id}`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('cancelled');
    expect((await a.get('/calls/no-such-call/status')).status).toBe(404);
  });

  it('refuses to cancel a call being dialed, naming its state', async () => {
    const queued = await a.post('/calls/queue', { phone_number: '+14155550149' });
    const row = await s.stack.database.db
      .selectFrom('queued_calls')
      .select('prospect_id')
      .where('id', '=', queued.body.call_id)
      .executeTakeFirstOrThrow();
    await s.stack.database.db
      .updateTable('prospects')
      .set({ status: 'dialing' })
      .where('id', '=', row.prospect_id)
      .execute();
    const res = await a.delete(`/calls/${queued.body.call_id}`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('dialing');
  });

  it('answers 405 naming the methods of /calls/queue, /calls/bulk-queue and /calls/active, not a cancel', async () => {
    const queued = await a.post('/calls/queue', { phone_number: '+14155550150', custom_call_id: 'active' });
    const del = await a.delete('/calls/queue');
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('POST');
    const active = await a.delete('/calls/active');
    expect(active.status).toBe(405);
    expect(active.headers.get('allow')).toBe('GET, HEAD');
    expect((await a.get(`/calls/${queued.body.call_id}/status`)).body.state).toBe('queued');
    expect((await a.request('OPTIONS', '/calls/bulk-queue')).headers.get('allow')).toBe('POST');
    expect((await a.get(`/calls/${queued.body.call_id}`)).headers.get('allow')).toBe('DELETE');
  });

  it('replays a queue request sent again with its Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'queue-key-1' };
    const first = await a.post('/calls/queue', { phone_number: '+14155550151' }, { headers });
    const again = await a.post('/calls/queue', { phone_number: '+14155550151' }, { headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.call_id).toBe(first.body.call_id);
  });

  it('keeps the queue out of the campaign API: not listed, 404 by id', async () => {
    const queue = await s.stack.database.db
      .selectFrom('campaigns')
      .select('id')
      .where('customer_id', '=', aCustomerId)
      .where('kind', '=', 'call_queue')
      .executeTakeFirstOrThrow();
    const list = await a.get('/campaigns?limit=1000');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(queue.id);
    expect((await a.get(`/campaigns/${queue.id}`)).status).toBe(404);
    expect((await a.post(`/campaigns/${queue.id}/cancel`)).status).toBe(404);
    expect((await a.get(`/campaigns/${queue.id}/prospects`)).status).toBe(404);
    // Its compliance report is there, like a campaign's (every contact attempt and its rules),
    // for its customer only.
    const report = await a.get(`/campaigns/${queue.id}/compliance`);
    expect(report.status).toBe(200);
    expect(Array.isArray(report.body.items)).toBe(true);
    expect((await a.get(`/campaigns/${queue.id}/compliance/summary`)).status).toBe(200);
    expect((await b.get(`/campaigns/${queue.id}/compliance`)).status).toBe(404);
  });
});
