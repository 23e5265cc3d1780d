import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoneWithLocalHour } from '@engine/testing';
import type { ApiClient, ApiStack } from './support/api-stack';
import { SseClient, startApiStack, waitFor } from './support/api-stack';

const TERMINAL = ['human_connected', 'human_hangup', 'voicemail', 'no_answer', 'busy', 'failed', 'cancelled'];

describe('a whole campaign through the API alone', () => {
  let s: ApiStack;
  let http: ApiClient;
  let apiKey: string;
  const callableZone = zoneWithLocalHour(new Date(), 9, 19);

  beforeAll(async () => {
    s = await startApiStack({ timeScale: 0.0005 });
    await s.stack.startWorker();
    ({ http, apiKey } = await s.tenant('Lifecycle'));
  });
  afterAll(() => s?.close());

  it('create, load prospects, add DIDs, start, watch SSE, pause, resume, complete', async () => {
    const created = await http.post('/campaigns', {
      name: 'Spring outreach',
      channel: 'voice',
      mode: {
        calls_per_second: 4,
        max_attempts: 2,
        retry_delay_seconds: 1,
        agent: 'plain',
        callback_timeout_seconds: 30,
      },
      schedule: { timezone: 'America/Chicago' },
      callerIds: ['(415) 200-0001', '+1 415 200 0002', '415.200.0003'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'created',
      channel: 'voice',
      mode: {
        callsPerSecond: 4,
        maxAttempts: 2,
        retryDelaySeconds: 1,
        agent: 'plain',
        callbackTimeoutSeconds: 30,
      },
      schedule: { timezone: 'America/Chicago' },
      callerIds: ['+14152000001', '+14152000002', '+14152000003'],
    });
    const id = created.body.id as string;

    const patched = await http.patch(`/campaigns/${id}`, {
      name: 'Spring outreach (v2)',
      mode: { calls_per_second: 6 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe('Spring outreach (v2)');
    expect(patched.body.mode).toMatchObject({ callsPerSecond: 6, maxAttempts: 2 });

    const prospects = Array.from({ length: 40 }, (_, i) => ({
      phone: `+1415555${String(1000 + i).padStart(4, '0')}`,
      timezone: callableZone,
      variables: { firstName: `P${i}`, score: i },
    }));
    const loaded = await http.post(`/campaigns/${id}/prospects`, {
      prospects: [...prospects, { phone: prospects[0]!.phone }, { phone: 'not a phone' }],
    });
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ accepted: 40, duplicates: 1, rejectedCount: 1 });
    expect(loaded.body.rejected[0]).toMatchObject({ row: 42 });

    for (const number of ['+14152000001', '+14152000002', '+14152000003']) {
      expect((await http.post('/dids', { number })).status).toBe(201);
    }

    const sse = await SseClient.open(`${s.url}/api/events?channels=campaign:${id}`, apiKey, {
      'last-event-id': '0',
    });
    expect(sse.status).toBe(200);
    try {
      const started = await http.post(`/campaigns/${id}/start`);
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({
        id,
        status: 'dialing',
        applied: true,
        workflowId: `campaign-${id}`,
      });
      expect((await http.post(`/campaigns/${id}/start`)).status).toBe(409);
      expect((await http.patch(`/campaigns/${id}`, { name: 'too late' })).status).toBe(409);

      await sse.waitFor(
        (ev) => ev.filter((e) => e.event === 'campaign.call.initiated').length >= 5,
        30_000,
        'first calls',
      );

      const paused = await http.post(`/campaigns/${id}/pause`, { reason: 'lunch' });
      expect(paused.status).toBe(200);
      expect(paused.body).toMatchObject({ status: 'paused', pauseReason: 'lunch' });
      expect((await http.post(`/campaigns/${id}/pause`)).status).toBe(409);
      const pausedStats = await http.get(`/campaigns/${id}/stats`);
      expect(pausedStats.status).toBe(200);
      expect(pausedStats.body).toMatchObject({ status: 'paused', currentDialRate: 0, totalProspects: 40 });
      expect(pausedStats.body.workflow).not.toBeNull();

      const resumed = await http.post(`/campaigns/${id}/resume`);
      expect(resumed.status).toBe(200);
      expect(resumed.body.status).toBe('dialing');
      expect((await http.post(`/campaigns/${id}/resume`)).status).toBe(409);

      await sse.waitFor(
        (ev) => ev.some((e) => e.event === 'campaign.completed'),
        90_000,
        'campaign.completed',
      );
      const done = await http.get(`/campaigns/${id}`);
      expect(done.body.status).toBe('completed');
      expect(done.body.finishedAt).not.toBeNull();

      const ids = sse.events.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      const lifecycle = sse.events
        .map((e) => e.event)
        .filter((t) => t?.match(/^campaign\.(started|paused|resumed|completed)$/));
      expect(lifecycle).toEqual([
        'campaign.started',
        'campaign.paused',
        'campaign.resumed',
        'campaign.completed',
      ]);
      expect(
        sse.events.every(
          (e) => e.data.campaignId === id && String(e.data.id) === e.id && e.data.type === e.event,
        ),
      ).toBe(true);
    } finally {
      await sse.close();
    }

    const stats = await http.get(`/campaigns/${id}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body.status).toBe('completed');
    expect(stats.body.totalProspects).toBe(40);
    expect(Object.keys(stats.body.byStatus).every((k) => TERMINAL.includes(k))).toBe(true);
    expect(stats.body.attempts).toBeGreaterThanOrEqual(40);
    expect(stats.body.estimatedSecondsToFinish).toBe(0);
    expect(stats.body.currentDialRate).toBe(0);
    expect(stats.body.answerRate).toBeGreaterThan(0);
    // Concurrent callers share one computation: same figures, same `asOf`.
    const burst = await Promise.all([1, 2, 3, 4].map(() => http.get(`/campaigns/${id}/stats`)));
    expect(new Set(burst.map((r) => r.body.asOf)).size).toBe(1);
    expect(burst.every((r) => r.body.totalProspects === 40)).toBe(true);
    expect(Date.parse(burst[0]?.body.asOf)).toBeGreaterThan(Date.now() - 60_000);

    const page1 = await http.get(`/campaigns/${id}/prospects?limit=25`);
    expect(page1.body.items).toHaveLength(25);
    const page2 = await http.get(`/campaigns/${id}/prospects?limit=25&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items).toHaveLength(15);
    expect(page2.body.nextCursor).toBeNull();
    expect(page1.body.items[0]).toMatchObject({
      phone: '+14155551000',
      timezone: callableZone,
      variables: { firstName: 'P0', score: '0' },
    });

    for (const action of ['start', 'pause', 'resume', 'cancel']) {
      expect((await http.post(`/campaigns/${id}/${action}`)).status).toBe(409);
    }
    expect(
      (await http.post(`/campaigns/${id}/prospects`, { prospects: [{ phone: '+14155559999' }] })).status,
    ).toBe(409);
  });

  it('cancels a running campaign and an unstarted one; lists with filters and a cursor', async () => {
    const { http: h } = await s.tenant('Cancel');
    await h.post('/dids', { number: '+14153000001' });
    const running = (
      await h.post('/campaigns', { name: 'Running', channel: 'voice', mode: { calls_per_second: 2 } })
    ).body;
    await h.post(`/campaigns/${running.id}/prospects`, {
      prospects: Array.from({ length: 100 }, (_, i) => ({
        phone: `+1415666${String(1000 + i)}`,
        timezone: callableZone,
      })),
    });
    expect((await h.post(`/campaigns/${running.id}/start`)).body.status).toBe('dialing');
    const cancelled = await h.post(`/campaigns/${running.id}/cancel`, { reason: 'wrong list' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    await waitFor(
      async () => {
        const st = await h.get(`/campaigns/${running.id}/stats`);
        return (st.body.byStatus.queued ?? 0) === 0 && (st.body.byStatus.dialing ?? 0) === 0;
      },
      30_000,
      'queue cancelled',
    );

    // Two starts at once: one run, one 409.
    const raced = (await h.post('/campaigns', { name: 'Raced', channel: 'voice' })).body.id as string;
    const starts = await Promise.all([
      h.post(`/campaigns/${raced}/start`),
      h.post(`/campaigns/${raced}/start`),
    ]);
    expect(starts.map((r) => r.status).sort()).toEqual([200, 409]);
    const countRuns = async () => {
      let n = 0;
      for await (const _run of s.stack.temporal.client.workflow.list({
        query: `WorkflowId = 'campaign-${raced}'`,
      }))
        n += 1;
      return n;
    };
    await waitFor(async () => (await countRuns()) > 0, 10_000, 'the run to be visible');
    expect(await countRuns()).toBe(1);
    // It has no prospects, so it may already have completed: either way it ends.
    expect([200, 409]).toContain((await h.post(`/campaigns/${raced}/cancel`)).status);

    const unstarted = (
      await h.post('/campaigns', { name: 'Never', channel: 'sms', message: 'Hi {{first_name}}' })
    ).body;
    expect(unstarted.message).toBe('Hi {{first_name}}');
    await h.post(`/campaigns/${unstarted.id}/prospects`, { prospects: [{ phone: '+14155550100' }] });
    const c2 = await h.post(`/campaigns/${unstarted.id}/cancel`);
    expect(c2.body).toMatchObject({ status: 'cancelled', applied: true });
    expect((await h.post(`/campaigns/${unstarted.id}/start`)).status).toBe(409);
    const prospects = await h.get(`/campaigns/${unstarted.id}/prospects?status=cancelled`);
    expect(prospects.body.items).toHaveLength(1);

    const all = await h.get('/campaigns?limit=2');
    expect(all.body.items).toHaveLength(2);
    const next = await h.get(`/campaigns?limit=2&cursor=${all.body.nextCursor}`);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(all.body.items[0].id);
    expect(next.body.nextCursor).toBeNull();
    const sms = await h.get('/campaigns?channel=sms');
    expect(sms.body.items.map((c: { id: string }) => c.id)).toEqual([unstarted.id]);
    const cancelledList = await h.get('/campaigns?status=cancelled');
    expect(cancelledList.body.items.length).toBeGreaterThanOrEqual(2);
    expect((await h.get('/campaigns?status=dialing')).body.items).toHaveLength(0);
  });
});
