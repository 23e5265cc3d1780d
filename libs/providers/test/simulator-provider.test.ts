import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OriginateRequest } from '../src';
import { ProviderRequestError, SimulatorProvider, signWebhook, WebhookPayloadError } from '../src';

const SECRET = 'provider-test-secret';

/** A stub carrier: each test sets how the next request is answered. */
let answer: (req: IncomingMessage, res: ServerResponse) => void;
let seen: Array<{ method: string; url: string; body: string }> = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
    answer(req, res);
  });
});
let baseUrl = '';

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const request: OriginateRequest = {
  attemptId: 'att/1',
  to: '+14155550100',
  from: '+12125550111',
  callbackUrl: 'http://127.0.0.1:3000/api/webhooks/sim/call-status',
  amd: false,
  plan: { agent: 'plain', attemptId: 'att/1' },
};

describe('SimulatorProvider', () => {
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen = [];
  });

  const provider = (timeoutMs = 2_000) =>
    new SimulatorProvider({ baseUrl, webhookSecret: SECRET, timeoutMs });

  it('posts the originate request as JSON and returns the accepted call', async () => {
    answer = (_req, res) =>
      json(res, 201, { providerCallId: 'c-1', acceptedAt: '2026-11-23T12:00:00.000Z', extra: 1 });
    await expect(provider().originate(request)).resolves.toEqual({
      providerCallId: 'c-1',
      acceptedAt: '2026-11-23T12:00:00.000Z',
    });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/sim/calls' });
    expect(JSON.parse(seen[0]!.body)).toEqual({
      attemptId: request.attemptId,
      to: request.to,
      from: request.from,
      callbackUrl: request.callbackUrl,
      agent: 'plain',
      amd: false,
    });
  });

  it.each([
    [400, false],
    [409, false],
    [422, false],
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
  ])('maps a %i answer to ProviderRequestError with retryable %s', async (status, retryable) => {
    answer = (_req, res) => json(res, status, { error: 'X', message: 'because' });
    const err = await provider()
      .originate(request)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderRequestError);
    expect(err).toMatchObject({ code: 'PROVIDER_REQUEST_FAILED', status, retryable, provider: 'sim' });
    expect((err as Error).message).toContain('because');
  });

  it('treats a timeout and an unreadable success answer as retryable (status unknown)', async () => {
    answer = () => undefined; // never answers
    const timedOut = await provider(100)
      .originate(request)
      .catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ retryable: true, status: undefined });
    expect((timedOut as Error).message).toContain('timed out after 100 ms');

    answer = (_req, res) => json(res, 201, { providerCallId: '' });
    await expect(provider().originate(request)).rejects.toMatchObject({ retryable: true, status: 201 });
  });

  it('looks calls up by attempt id (URL-encoded); only CALL_NOT_FOUND means "never originated"', async () => {
    answer = (_req, res) =>
      json(res, 200, {
        providerCallId: 'c-1',
        attemptId: 'att/1',
        state: 'completed',
        outcome: 'busy',
        durationSeconds: 0,
        spamFlagged: false,
      });
    await expect(provider().lookupCall('att/1')).resolves.toMatchObject({
      state: 'completed',
      outcome: 'busy',
    });
    expect(seen[0]?.url).toBe('/sim/calls/by-attempt/att%2F1');

    answer = (_req, res) => json(res, 404, { error: 'CALL_NOT_FOUND', message: 'no call' });
    await expect(provider().lookupCall('att/1')).resolves.toBeUndefined();

    answer = (_req, res) => json(res, 404, { error: 'NOT_FOUND', message: 'no route' });
    await expect(provider().lookupCall('att/1')).rejects.toMatchObject({ status: 404, retryable: false });
  });

  it('honours a path prefix in the base URL', async () => {
    answer = (_req, res) => json(res, 201, { providerCallId: 'c-2', acceptedAt: '2026-11-23T12:00:00.000Z' });
    await new SimulatorProvider({ baseUrl: `${baseUrl}/carrier`, webhookSecret: SECRET }).originate(request);
    expect(seen[0]?.url).toBe('/carrier/sim/calls');
  });

  describe('parseCallStatusWebhook', () => {
    const body = {
      providerCallId: 'c-1',
      attemptId: 'att-1',
      outcome: 'human_connected',
      durationSeconds: 42,
      spamFlagged: false,
      occurredAt: '2026-11-23T12:00:00.000Z',
    };
    const signed = (raw: string) => ({
      headers: { 'X-Sim-Signature': signWebhook(SECRET, raw) },
      rawBody: Buffer.from(raw),
    });

    it('returns the update with the provider name', () => {
      expect(provider().parseCallStatusWebhook(signed(JSON.stringify(body)))).toEqual({
        provider: 'sim',
        ...body,
      });
    });

    it.each([
      ['outcome', { ...body, outcome: 'answered' }],
      ['durationSeconds', { ...body, durationSeconds: -1 }],
      ['attemptId', { ...body, attemptId: undefined }],
      ['occurredAt', { ...body, occurredAt: 'yesterday' }],
      ['spamFlagged', { ...body, spamFlagged: 'no' }],
    ])('names the invalid field %s', (field, payload) => {
      const err = (() => {
        try {
          provider().parseCallStatusWebhook(signed(JSON.stringify(payload)));
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(WebhookPayloadError);
      expect(err).toMatchObject({ code: 'WEBHOOK_PAYLOAD_INVALID', field });
    });

    it('names the body when it is not JSON', () => {
      expect(() => provider().parseCallStatusWebhook(signed('not json'))).toThrow(
        expect.objectContaining({ code: 'WEBHOOK_PAYLOAD_INVALID', field: 'body' }),
      );
    });

    it('checks the signature before it parses anything', () => {
      expect(() => provider().parseCallStatusWebhook({ headers: {}, rawBody: 'not json' })).toThrow(
        expect.objectContaining({ code: 'WEBHOOK_SIGNATURE_INVALID', reason: 'missing' }),
      );
    });
  });

  it('refuses an empty secret and an invalid base URL up front', () => {
    expect(() => new SimulatorProvider({ baseUrl, webhookSecret: '' })).toThrow(TypeError);
    expect(() => new SimulatorProvider({ baseUrl: 'not a url', webhookSecret: SECRET })).toThrow();
  });
});
