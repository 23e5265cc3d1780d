import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedDocumentUrl } from '@engine/providers';
import { TEST_WEBHOOK_SECRET } from '@engine/test-stack';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

/**
 * The routes carriers call (webhooks, call documents) answer exactly what the OpenAPI document
 * says: path parameters checked (400 naming them), 404 for an account or carrier that is not
 * there, 401 / 403 for a bad signature, 405 for another method; and a few contract details of the
 * events and suppressions routes.
 */
describe('carrier-facing routes and their contract', () => {
  let s: ApiStack;
  let http: ApiClient;

  beforeAll(async () => {
    s = await startApiStack();
    ({ http } = await s.tenant('Carrier facing'));
  });
  afterAll(() => s?.close());

  const hook = (path: string, body = '{}', type = 'application/json') =>
    http.request('POST', `/webhooks/${path}`, { key: null, body, headers: { 'content-type': type } });

  it('checks the webhook path: provider among the carriers, account id a UUID (400 naming them)', async () => {
    const provider = await hook('vonage/call-status');
    expect(provider.status).toBe(400);
    expect(provider.body).toMatchObject({ field: 'provider', code: 'validation_failed' });
    const account = await hook('sim/accounts/not-a-uuid/sms-status');
    expect(account.status).toBe(400);
    expect(account.body).toMatchObject({ field: 'accountId' });
  });

  it('answers 404 for a carrier that is not configured, an unknown account, or one at another carrier', async () => {
    // The stack's configured carrier is the simulator.
    const notConfigured = await hook('twilio/call-status');
    expect(notConfigured.status).toBe(404);
    expect(notConfigured.body.message).toMatch(/configured carrier is sim/);
    expect((await hook(`sim/accounts/${randomUUID()}/inbound-sms`)).status).toBe(404);
    const twilio = await http.post('/carrier-accounts', {
      provider: 'twilio',
      name: 'T',
      credentials: { accountSid: `AC${'ab'.repeat(16)}`, authToken: 'twilio-token-0123456789' },
    });
    expect(twilio.status, twilio.text).toBe(201);
    const otherCarrier = await hook(`sim/accounts/${twilio.body.id}/call-status`);
    expect(otherCarrier.status).toBe(404);
    expect(otherCarrier.body.message).toMatch(/not a sim account/);
  });

  it('answers 401 (code bad_signature) to an unsigned webhook, JSON or form, and 405 to another method', async () => {
    for (const [body, type] of [
      ['{"attemptId":"x"}', 'application/json'],
      ['CallSid=CA1&CallStatus=completed', 'application/x-www-form-urlencoded'],
    ] as const) {
      const res = await hook('sim/call-status', body, type);
      expect(res.status, res.text).toBe(401);
      expect(res.body).toMatchObject({ code: 'bad_signature', message: expect.stringMatching(/signature/) });
    }
    const get = await http.get('/webhooks/sim/call-status', { key: null });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('serves call documents only at a valid signed URL: 400 bad parameters, 403 bad signature, 404 no attempt', async () => {
    const attemptId = randomUUID();
    const signed = new URL(signedDocumentUrl(s.url, TEST_WEBHOOK_SECRET, attemptId, 'answer'));
    const path = `${signed.pathname.replace(/^\/api/, '')}${signed.search}`;
    for (const method of ['GET', 'POST']) {
      // Carriers fetch with GET, or POST the call's parameters (form-encoded).
      const form = { body: 'CallSid=CA1', headers: { 'content-type': 'application/x-www-form-urlencoded' } };
      const unknown = await http.request(method, path, { key: null, ...(method === 'POST' ? form : {}) });
      expect(unknown.status, `${method} ${unknown.text}`).toBe(404);
      expect(unknown.body.message).toContain(`no attempt ${attemptId}`);
    }
    const forged = await http.get(
      `/voice/attempts/${attemptId}/answer?exp=${signed.searchParams.get('exp')}&sig=${'0'.repeat(64)}`,
      { key: null },
    );
    expect(forged.status).toBe(403);
    const otherPurpose = await http.get(path.replace('/answer', '/voicemail'), { key: null });
    expect(otherPurpose.status).toBe(403);
    const cases: Array<[string, string]> = [
      [`/voice/attempts/${attemptId}/answer`, 'exp'],
      [`/voice/attempts/${attemptId}/answer?exp=1`, 'sig'],
      [path.replace('/answer', '/greeting'), 'purpose'],
      [path.replace(attemptId, 'attempt-1'), 'attemptId'],
    ];
    for (const [bad, field] of cases) {
      const res = await http.get(bad, { key: null });
      expect(res.status, bad).toBe(400);
      expect(res.body.field, bad).toBe(field);
    }
    const put = await http.request('PUT', path, { key: null });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('checks the events query and the Last-Event-ID header (400 naming them)', async () => {
    const campaign = (await http.post('/campaigns', { name: 'Watched', channel: 'voice' })).body.id as string;
    const badHeader = await http.get(`/events?channels=campaign:${campaign}`, {
      headers: { 'last-event-id': 'yesterday' },
    });
    expect(badHeader.status).toBe(400);
    expect(badHeader.body.field).toBe('Last-Event-ID');
    const many = Array.from({ length: 21 }, () => `campaign:${randomUUID()}`).join(',');
    const tooMany = await http.get(`/events?channels=${many}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.field).toBe('channels');
    const unknownParam = await http.get(`/events?channels=campaign:${campaign}&since=1`);
    expect(unknownParam.status).toBe(400);
    expect(unknownParam.body.field).toBe('since');
  });

  it('takes a suppression CSV as a multipart file part or as a plain "file" field', async () => {
    const boundary = 'b0undary';
    const part = (disposition: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: text/csv\r\n\r\n` +
      `phone,reason\r\n+14155550311,asked\r\n--${boundary}--\r\n`;
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const asFile = await http.request('POST', '/suppressions', {
      body: part('name="file"; filename="dnc.csv"'),
      headers,
    });
    expect(asFile.status, asFile.text).toBe(200);
    expect(asFile.body).toMatchObject({ added: 1 });
    const asField = await http.request('POST', '/suppressions', { body: part('name="file"'), headers });
    expect(asField.status, asField.text).toBe(200);
    expect(asField.body).toMatchObject({ added: 0, duplicates: 1 });
    // A malformed part after the CSV makes the body malformed, as one before it would.
    const trailing = await http.request('POST', '/suppressions', {
      body: part('name="file"').replace(
        `--${boundary}--`,
        `--${boundary}\r\nContent-Disposition: form-data; name="a\u0001b"\r\n\r\nx\r\n--${boundary}--`,
      ),
      headers,
    });
    expect(trailing.status, trailing.text).toBe(400);
  });

  it('documents the carrier-facing parameters exactly', async () => {
    const doc = (await http.get('/docs/openapi.json', { key: null })).body;
    const params = (path: string, method: string) =>
      Object.fromEntries(
        (doc.paths[path][method].parameters as Array<{ name: string; schema: unknown }>).map((p) => [
          p.name,
          p.schema,
        ]),
      );
    const hookParams = params('/api/webhooks/{provider}/accounts/{accountId}/call-status', 'post');
    expect(hookParams['provider']).toMatchObject({ enum: ['sim', 'twilio', 'telnyx', 'plivo'] });
    expect(hookParams['accountId']).toMatchObject({ format: 'uuid' });
    const hookOp = doc.paths['/api/webhooks/{provider}/call-status'].post;
    expect(Object.keys(hookOp.responses).sort()).toEqual(['200', '400', '401', '404', '409', '413']);
    expect(Object.keys(hookOp.requestBody.content).sort()).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
    const docOp = doc.paths['/api/voice/attempts/{attemptId}/{purpose}'];
    expect(Object.keys(docOp).sort()).toEqual(['get', 'post']);
    expect(Object.keys(docOp.get.responses).sort()).toEqual(['200', '400', '403', '404']);
    expect(params('/api/voice/attempts/{attemptId}/{purpose}', 'get')['purpose']).toMatchObject({
      enum: ['answer', 'voicemail'],
    });
  });
});
