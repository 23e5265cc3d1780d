import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateDidHealth } from '@engine/activities';
import { signWebhook } from '@engine/providers';
import { TEST_WEBHOOK_SECRET } from '@engine/test-stack';
import type { ApiClient, ApiStack, RequestOptions } from './support/api-stack';
import { SseClient, startApiStack } from './support/api-stack';

interface Route {
  name: string;
  method: string;
  path: string;
  options?: RequestOptions;
}

describe('authentication, tenant isolation and bad input', () => {
  let s: ApiStack;
  let a: ApiClient;
  let b: ApiClient;
  let aKey: string;
  let bKey: string;
  let aCustomerId: string;
  let campaignId: string;
  let didId: string;
  const suppressedPhone = '+14155550777';

  beforeAll(async () => {
    s = await startApiStack();
    const ta = await s.tenant('A');
    const tb = await s.tenant('B');
    ({ http: a, apiKey: aKey, customerId: aCustomerId } = ta);
    ({ http: b, apiKey: bKey } = tb);
    campaignId = (await a.post('/campaigns', { name: 'A campaign', channel: 'voice' })).body.id;
    await a.post(`/campaigns/${campaignId}/prospects`, { prospects: [{ phone: '+14155550100' }] });
    didId = (await a.post('/dids', { number: '+14155550199' })).body.id;
    await a.post('/suppressions', { phone: suppressedPhone, reason: 'A only' });
  });
  afterAll(() => s?.close());

  const routesOnA = (): Route[] => [
    { name: 'get campaign', method: 'GET', path: `/campaigns/${campaignId}` },
    {
      name: 'patch campaign',
      method: 'PATCH',
      path: `/campaigns/${campaignId}`,
      options: { json: { name: 'mine now' } },
    },
    { name: 'campaign stats', method: 'GET', path: `/campaigns/${campaignId}/stats` },
    { name: 'list prospects', method: 'GET', path: `/campaigns/${campaignId}/prospects` },
    {
      name: 'load prospects (JSON)',
      method: 'POST',
      path: `/campaigns/${campaignId}/prospects`,
      options: { json: { prospects: [{ phone: '+14155550101' }] } },
    },
    {
      name: 'load prospects (CSV)',
      method: 'POST',
      path: `/campaigns/${campaignId}/prospects`,
      options: { body: 'phone\n+14155550102\n', headers: { 'content-type': 'text/csv' } },
    },
    { name: 'start', method: 'POST', path: `/campaigns/${campaignId}/start` },
    {
      name: 'pause',
      method: 'POST',
      path: `/campaigns/${campaignId}/pause`,
      options: { json: { reason: 'x' } },
    },
    { name: 'resume', method: 'POST', path: `/campaigns/${campaignId}/resume` },
    { name: 'cancel', method: 'POST', path: `/campaigns/${campaignId}/cancel` },
    { name: 'get DID', method: 'GET', path: `/dids/${didId}` },
    { name: 'retire DID', method: 'POST', path: `/dids/${didId}/retire` },
    { name: 'reinstate DID', method: 'POST', path: `/dids/${didId}/reinstate` },
    { name: 'events of the campaign', method: 'GET', path: `/events?channels=campaign:${campaignId}` },
    { name: 'events of the customer', method: 'GET', path: `/events?channels=customer:${aCustomerId}` },
    {
      name: 'remove A suppression',
      method: 'DELETE',
      path: `/suppressions/${encodeURIComponent(suppressedPhone)}`,
    },
  ];

  it.each([
    ['no Authorization header', null],
    ['a wrong key', 'ce_deadbeef_not-a-real-key'],
    ['a malformed header', 'Basic abc'],
  ])('answers 401 to every route with %s', async (_label, key) => {
    const routes: Route[] = [
      ...routesOnA(),
      {
        name: 'create campaign',
        method: 'POST',
        path: '/campaigns',
        options: { json: { name: 'x', channel: 'voice' } },
      },
      { name: 'list campaigns', method: 'GET', path: '/campaigns' },
      { name: 'dids', method: 'GET', path: '/dids' },
      { name: 'dids health', method: 'GET', path: '/dids/health' },
      { name: 'dids report', method: 'GET', path: '/dids/health/report' },
      { name: 'suppressions', method: 'GET', path: '/suppressions' },
    ];
    for (const route of routes) {
      const headers = key?.startsWith('Basic') ? { authorization: key } : undefined;
      const res = await a.request(route.method, route.path, {
        ...route.options,
        key: headers ? null : key,
        headers: { ...route.options?.headers, ...headers },
      });
      expect(res.status, `${route.name}: ${res.text}`).toBe(401);
    }
  });

  it('keeps health, the OpenAPI document and provider webhooks public', async () => {
    expect((await a.get('/health', { key: null })).status).toBe(200);
    const doc = await a.get('/docs/openapi.json', { key: null });
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/campaigns',
        '/api/campaigns/{id}/start',
        '/api/campaigns/{id}/prospects',
        '/api/dids/health/report',
        '/api/events',
        '/api/suppressions',
        '/api/suppressions/{phone}',
        '/api/webhooks/{provider}/call-status',
        '/api/voice/attempts/{attemptId}/{purpose}',
      ]),
    );
    expect(doc.body.components.schemas.CampaignView.properties).toHaveProperty('pauseReason');
    // Public, but the signature is checked: 401 names the signature, not the API key.
    const hook = await a.post('/webhooks/sim/call-status', { attemptId: 'x' }, { key: null });
    expect(hook.status).toBe(401);
    expect(hook.body.message).toMatch(/signature/);
  });

  it.each([
    ['get campaign', 0],
    ['patch campaign', 1],
    ['campaign stats', 2],
    ['list prospects', 3],
    ['load prospects (JSON)', 4],
    ['load prospects (CSV)', 5],
    ['start', 6],
    ['pause', 7],
    ['resume', 8],
    ['cancel', 9],
    ['get DID', 10],
    ['retire DID', 11],
    ['reinstate DID', 12],
    ['events of the campaign', 13],
    ['events of the customer', 14],
  ])("gives customer B a 404 for A's resource: %s", async (name, index) => {
    const route = routesOnA()[index]!;
    expect(route.name).toBe(name);
    const res = await b.request(route.method, route.path, route.options);
    expect(res.status, res.text).toBe(404);
    // Exactly like a resource that does not exist.
    const missing = await b.request(
      route.method,
      route.path
        .replace(campaignId, randomUUID())
        .replace(didId, randomUUID())
        .replace(aCustomerId, randomUUID()),
      route.options,
    );
    expect(missing.status).toBe(404);
  });

  it("leaves A's data untouched and invisible to B", async () => {
    expect((await b.delete(`/suppressions/${encodeURIComponent(suppressedPhone)}`)).status).toBe(404);
    expect((await b.get(`/suppressions/${encodeURIComponent(suppressedPhone)}`)).status).toBe(404);
    expect((await a.get(`/suppressions/${encodeURIComponent(suppressedPhone)}`)).status).toBe(200);
    expect((await b.get('/suppressions')).body.items).toEqual([]);
    expect((await b.get('/campaigns')).body.items).toEqual([]);
    expect((await b.get('/dids')).body.items).toEqual([]);
    expect((await b.get('/dids/health')).body.items).toEqual([]);
    expect((await b.get('/dids/health/report')).body.total).toBe(0);
    const campaign = await a.get(`/campaigns/${campaignId}`);
    expect(campaign.body).toMatchObject({ name: 'A campaign', status: 'created' });
    expect((await a.get(`/campaigns/${campaignId}/prospects`)).body.items).toHaveLength(1);
    expect((await a.get(`/dids/${didId}`)).body.state).toBe('active');
    // B may suppress the same number for itself without touching A's entry.
    expect((await b.post('/suppressions', { phone: suppressedPhone })).status).toBe(201);
    expect((await a.get(`/suppressions/${encodeURIComponent(suppressedPhone)}`)).body.reason).toBe('A only');
    const sse = await SseClient.open(`${s.url}/api/events?channels=campaign:${campaignId}`, bKey);
    expect(sse.status).toBe(404);
    const mine = await SseClient.open(`${s.url}/api/events?channels=campaign:${campaignId}`, aKey);
    expect(mine.status).toBe(200);
    await mine.close();
  });

  it('manages DIDs: area code, retire, reinstate with a fresh score, health and report', async () => {
    const { http } = await s.tenant('DIDs');
    const created = await http.post('/dids', { number: '(212) 555-0142' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: '+12125550142',
      areaCode: '212',
      state: 'active',
      healthScore: 1,
      healthScoreUpper: 1,
      healthScoreLower: 0,
      healthVerdict: 'unrated',
    });
    const id = created.body.id as string;
    expect((await http.post('/dids', { number: '+1 212 555 0142' })).status).toBe(409);
    expect((await http.post(`/dids/${id}/reinstate`)).status).toBe(409);
    const retired = await http.post(`/dids/${id}/retire`);
    expect(retired.body.state).toBe('retired');
    expect((await http.get('/dids?state=retired')).body.items).toHaveLength(1);
    const reinstated = await http.post(`/dids/${id}/reinstate`);
    expect(reinstated.status).toBe(200);
    expect(reinstated.body).toMatchObject({
      state: 'active',
      healthScore: 1,
      healthSampleSize: 0,
      healthVerdict: 'unrated',
      healthScoreUpper: 1,
      healthScoreLower: 0,
    });
    expect(reinstated.body.scoreSince).not.toBeNull();

    // A second DID with a bad record: 12 no-answers since its score window began.
    const bad = (await http.post('/dids', { number: '+12125550143' })).body.id as string;
    const db = s.stack.database.db;
    await db
      .insertInto('did_health_events')
      .values(Array.from({ length: 12 }, () => ({ did_id: bad, outcome: 'no_answer', duration_seconds: 0 })))
      .execute();
    const health = await http.get('/dids/health');
    expect(health.status).toBe(200);
    const badHealth = health.body.items.find((d: { id: string }) => d.id === bad);
    // Confidently under 0.7 (a cooldown); 12 calls are too few to burn a number for good.
    const upper = Math.round((0.1 + 2.326 * (0.25 / Math.sqrt(12))) * 10_000) / 10_000;
    expect(badHealth).toMatchObject({
      state: 'active',
      callsInWindow: 12,
      callsInRecentWindow: 12,
      insufficientData: false,
      verdict: 'cooldown',
      upperBound: upper,
      lowerBound: 0,
    });
    expect(badHealth.standardError).toBeCloseTo(0.25 / Math.sqrt(12), 10);
    expect(badHealth.components).toMatchObject({ answerRate: 0, noAnswerScore: 0, spamScore: 1 });
    expect(badHealth.score).toBeCloseTo(0.1, 4);
    const good = health.body.items.find((d: { id: string }) => d.id === id);
    expect(good).toMatchObject({
      score: 1,
      callsInWindow: 0,
      verdict: 'unrated',
      insufficientData: true,
      upperBound: 1,
      lowerBound: 0,
      standardError: null,
    });
    const report = await http.get('/dids/health/report');
    expect(report.body).toMatchObject({
      total: 2,
      byState: { active: 2 },
      byVerdict: { cooldown: 1, unrated: 1 },
    });
    expect(report.body.atRisk.map((d: { id: string }) => d.id)).toEqual([bad]);
  });

  it('shows a DID with one call, or nine, as unrated: no verdict, not at risk', async () => {
    const { http } = await s.tenant('Unrated DIDs');
    const db = s.stack.database.db;
    const one = (await http.post('/dids', { number: '+12125550144' })).body.id as string;
    const nine = (await http.post('/dids', { number: '+12125550145' })).body.id as string;
    const calls = (didId: string, n: number) =>
      Array.from({ length: n }, () => ({
        did_id: didId,
        outcome: 'no_answer',
        duration_seconds: 0,
        spam_flagged: true,
      }));
    await db
      .insertInto('did_health_events')
      .values([...calls(one, 1), ...calls(nine, 9)])
      .execute();
    // The engine's own update after those calls (what the outcome recorder runs).
    const customerId = (
      await db.selectFrom('dids').select('customer_id').where('id', '=', one).executeTakeFirstOrThrow()
    ).customer_id;
    for (const didId of [one, nine]) {
      expect(await updateDidHealth(db, didId, { customerId, campaignId: null, now: new Date() })).toEqual([]);
    }

    const health = await http.get('/dids/health');
    const byId = new Map(health.body.items.map((d: { id: string }) => [d.id, d]));
    expect(byId.get(one)).toMatchObject({
      score: 0,
      callsInWindow: 1,
      verdict: 'unrated',
      insufficientData: true,
    });
    expect(byId.get(nine)).toMatchObject({
      score: 0,
      callsInWindow: 9,
      verdict: 'unrated',
      insufficientData: true,
    });
    expect((await http.get(`/dids/${one}`)).body).toMatchObject({
      healthVerdict: 'unrated',
      healthSampleSize: 1,
      healthScore: 0,
      healthScoreUpper: 0.5815, // 0 + 2.326 x 0.25 / sqrt(1)
      healthScoreLower: 0,
    });
    const report = await http.get('/dids/health/report');
    expect(report.body).toMatchObject({ total: 2, byVerdict: { unrated: 2 } });
    expect(report.body.atRisk).toEqual([]);
  });

  const huge = 'x'.repeat(11 * 1024 * 1024);
  const badInputs = (): Array<
    [string, string, string, RequestOptions | undefined, number, RegExp | null]
  > => [
    // The channel decides the rest of the shape (an SMS campaign needs a message): it is checked first.
    ['campaign without fields', 'POST', '/campaigns', { json: {} }, 400, /channel: is required/],
    [
      'name of the wrong type',
      'POST',
      '/campaigns',
      { json: { name: 42, channel: 'voice' } },
      400,
      /name: .*expected string/,
    ],
    ['unknown channel', 'POST', '/campaigns', { json: { name: 'x', channel: 'fax' } }, 400, /channel/],
    [
      'non-numeric calls_per_second',
      'POST',
      '/campaigns',
      { json: { name: 'x', channel: 'voice', mode: { calls_per_second: 'fast' } } },
      400,
      /mode\.calls_per_second/,
    ],
    [
      'negative calls_per_second',
      'POST',
      '/campaigns',
      { json: { name: 'x', channel: 'voice', mode: { calls_per_second: -1 } } },
      400,
      /calls_per_second/,
    ],
    [
      'fractional max_attempts',
      'POST',
      '/campaigns',
      { json: { name: 'x', channel: 'voice', mode: { max_attempts: 1.5 } } },
      400,
      /max_attempts/,
    ],
    [
      'unknown agent',
      'POST',
      '/campaigns',
      { json: { name: 'x', channel: 'voice', mode: { agent: 'robot' } } },
      400,
      /mode\.agent/,
    ],
    [
      'unknown mode key',
      'POST',
      '/campaigns',
      { json: { name: 'x', channel: 'voice', mode: { turbo: true } } },
      400,
      /turbo/,
    ],
    [
      'mode not an object',
      'POST',
      '/campaigns',
      { json: { name: 'x', channel: 'voice', mode: 'fast' } },
      400,
      /mode/,
    ],
    [
      'unknown time zone',
      'POST',
      '/campaigns',
      { json: { name: 'x', channel: 'voice', schedule: { timezone: 'Mars/Olympus' } } },
      400,
      /schedule\.timezone/,
    ],
    [
      'invalid caller id',
      'POST',
      '/campaigns',
      { json: { name: 'x', channel: 'voice', callerIds: ['+1415555010'] } },
      400,
      /callerIds/,
    ],
    [
      'caller ids not an array',
      'POST',
      '/campaigns',
      { json: { name: 'x', channel: 'voice', callerIds: '+14155550100' } },
      400,
      /callerIds/,
    ],
    ['sms without message', 'POST', '/campaigns', { json: { name: 'x', channel: 'sms' } }, 400, /message/],
    [
      'unknown top-level field',
      'POST',
      '/campaigns',
      { json: { name: 'x', channel: 'voice', priority: 1 } },
      400,
      /priority/,
    ],
    [
      'malformed JSON',
      'POST',
      '/campaigns',
      { body: '{"name": ', headers: { 'content-type': 'application/json' } },
      400,
      /JSON/,
    ],
    [
      'JSON body over 10 MB',
      'POST',
      '/campaigns',
      { json: { name: huge, channel: 'voice' } },
      413,
      /larger than/,
    ],
    ['malformed id', 'GET', '/campaigns/not-a-uuid', undefined, 400, /id: must be a UUID/],
    ['SQL in the id', 'GET', "/campaigns/1'%20or%20'1'='1", undefined, 400, /UUID/],
    ['unknown id', 'GET', `/campaigns/${randomUUID()}`, undefined, 404, /not found/],
    ['stats of an unknown id', 'GET', `/campaigns/${randomUUID()}/stats`, undefined, 404, null],
    ['start of an unknown id', 'POST', `/campaigns/${randomUUID()}/start`, undefined, 404, null],
    ['limit 0', 'GET', '/campaigns?limit=0', undefined, 400, /limit/],
    ['limit not a number', 'GET', '/campaigns?limit=lots', undefined, 400, /limit/],
    ['unknown status filter', 'GET', '/campaigns?status=running', undefined, 400, /status/],
    ['forged cursor', 'GET', '/campaigns?cursor=garbage', undefined, 400, /cursor/],
    ['channel change', 'PATCH', '/campaigns/:created', { json: { channel: 'sms' } }, 400, /channel/],
    [
      'prospects not an array',
      'POST',
      '/campaigns/:created/prospects',
      { json: { prospects: 'all of them' } },
      400,
      /prospects: .*expected array/,
    ],
    ['prospects missing', 'POST', '/campaigns/:created/prospects', { json: {} }, 400, /prospects/],
    [
      'prospects with extra field',
      'POST',
      '/campaigns/:created/prospects',
      { json: { prospects: [], extra: 1 } },
      400,
      /extra/,
    ],
    [
      'prospects for an unknown campaign',
      'POST',
      `/campaigns/${randomUUID()}/prospects`,
      { json: { prospects: [] } },
      404,
      null,
    ],
    ['prospect status filter', 'GET', '/campaigns/:created/prospects?status=done', undefined, 400, /status/],
    ['DID without number', 'POST', '/dids', { json: {} }, 400, /number/],
    ['DID with letters', 'POST', '/dids', { json: { number: '1-800-FLOWERS' } }, 400, /number.*letters/],
    ['DID number of the wrong type', 'POST', '/dids', { json: { number: 4155550100 } }, 400, /number/],
    ['unknown DID', 'POST', `/dids/${randomUUID()}/retire`, undefined, 404, null],
    ['malformed DID id', 'POST', '/dids/123/reinstate', undefined, 400, /id/],
    ['DID state filter', 'GET', '/dids?state=hot', undefined, 400, /state/],
    ['suppression without phone', 'POST', '/suppressions', { json: {} }, 400, /phone/],
    ['suppression with invalid phone', 'POST', '/suppressions', { json: { phone: '12' } }, 400, /phone/],
    [
      'suppression phones not an array',
      'POST',
      '/suppressions',
      { json: { phones: '+14155550100' } },
      400,
      /phones/,
    ],
    ['suppression check of garbage', 'GET', '/suppressions/not-a-phone', undefined, 400, /phone/],
    ['suppression list of nothing', 'POST', '/suppressions', { json: { phones: [] } }, 400, /phones/],
    [
      'suppressions as XML',
      'POST',
      '/suppressions',
      { body: '<phone/>', headers: { 'content-type': 'application/xml' } },
      415,
      null,
    ],
    [
      'suppressions CSV without a phone column',
      'POST',
      '/suppressions',
      { body: 'name\nAda\n', headers: { 'content-type': 'text/csv' } },
      400,
      /phone/,
    ],
    ['events without channels', 'GET', '/events', undefined, 400, /channels/],
    ['events of a bad channel', 'GET', '/events?channels=everything', undefined, 400, /channel/],
    [
      'events of an unknown campaign',
      'GET',
      `/events?channels=campaign:${randomUUID()}`,
      undefined,
      404,
      null,
    ],
    [
      'events with a bad Last-Event-ID',
      'GET',
      '/events?channels=campaign::created',
      { headers: { 'last-event-id': 'yesterday' } },
      400,
      /Last-Event-ID/,
    ],
    [
      'pause of a created campaign',
      'POST',
      '/campaigns/:created/pause',
      undefined,
      409,
      /only a dialing campaign/,
    ],
    [
      'resume of a created campaign',
      'POST',
      '/campaigns/:created/resume',
      undefined,
      409,
      /only a paused campaign/,
    ],
    ['start of a cancelled campaign', 'POST', '/campaigns/:cancelled/start', undefined, 409, /cancelled/],
    ['cancel of a cancelled campaign', 'POST', '/campaigns/:cancelled/cancel', undefined, 409, /cancelled/],
    [
      'patch of a cancelled campaign',
      'PATCH',
      '/campaigns/:cancelled',
      { json: { name: 'y' } },
      409,
      /cancelled/,
    ],
    [
      'prospects for a cancelled campaign',
      'POST',
      '/campaigns/:cancelled/prospects',
      { json: { prospects: [] } },
      409,
      /cancelled/,
    ],
    [
      'pause reason of the wrong type',
      'POST',
      '/campaigns/:created/pause',
      { json: { reason: 5 } },
      400,
      /reason/,
    ],
  ];

  it('answers every bad input with the right 4xx naming the problem, never a 500', async () => {
    const created = (await a.post('/campaigns', { name: 'fresh', channel: 'voice' })).body.id as string;
    const cancelled = (await a.post('/campaigns', { name: 'gone', channel: 'voice' })).body.id as string;
    expect((await a.post(`/campaigns/${cancelled}/cancel`)).status).toBe(200);
    const failures: string[] = [];
    for (const [name, method, rawPath, options, status, message] of badInputs()) {
      const path = rawPath.replace(':created', created).replace(':cancelled', cancelled);
      const res = await a.request(method, path, options);
      const text = typeof res.body === 'object' ? JSON.stringify(res.body) : res.text;
      if (res.status !== status || (message && !message.test(text))) {
        failures.push(`${name}: ${method} ${path.slice(0, 80)} -> ${res.status} ${text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    // The API is still answering normally afterwards.
    expect((await a.get(`/campaigns/${created}`)).status).toBe(200);
  });

  it('refuses forged and replayed provider webhooks with 401', async () => {
    const body = JSON.stringify({
      providerCallId: 'call-1',
      attemptId: randomUUID(),
      outcome: 'human_connected',
      durationSeconds: 30,
      spamFlagged: false,
      occurredAt: new Date().toISOString(),
    });
    const send = (signature: string | undefined) =>
      a.request('POST', '/webhooks/sim/call-status', {
        key: null,
        body,
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'x-sim-signature': signature } : {}),
        },
      });
    const missing = await send(undefined);
    expect(missing.status).toBe(401);
    const forged = await send(signWebhook('not-the-secret', body));
    expect(forged.status).toBe(401);
    expect(forged.body.message).toMatch(/mismatch/);
    const tampered = await send(
      signWebhook(TEST_WEBHOOK_SECRET, body.replace('human_connected', 'voicemail')),
    );
    expect(tampered.status).toBe(401);
    const replayed = await send(
      signWebhook(TEST_WEBHOOK_SECRET, body, new Date(Date.now() - 60 * 60 * 1000)),
    );
    expect(replayed.status).toBe(401);
    expect(replayed.body.message).toMatch(/expired/);
    // Correctly signed and fresh: accepted (the attempt is unknown, which is not an error).
    const genuine = await send(signWebhook(TEST_WEBHOOK_SECRET, body));
    expect(genuine.status).toBe(200);
    expect(genuine.body.status).toBe('unknown_attempt');
  });
});
