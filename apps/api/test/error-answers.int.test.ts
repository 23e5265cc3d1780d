import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../src/common/contract/error-body';
import type { ApiClient, ApiResponse, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

/** One request per class of error answer: each has its status, its code and the one ErrorBody shape. */
describe('error answers: one schema, a stable code, the field that failed', () => {
  let s: ApiStack;
  let http: ApiClient;

  beforeAll(async () => {
    s = await startApiStack();
    ({ http } = await s.tenant('Errors'));
  });
  afterAll(() => s?.close());

  function expectError(res: ApiResponse, status: number, code: string, field?: string): void {
    expect(res.status, res.text).toBe(status);
    expect(ErrorBodySchema.safeParse(res.body).success, res.text).toBe(true);
    expect(res.body.code).toBe(code);
    if (field !== undefined) expect(res.body.field).toBe(field);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  }

  it('400: an invalid body field, query parameter or path id is named', async () => {
    expectError(await http.post('/dids', { number: '555' }), 400, 'validation_failed', 'number');
    expectError(
      await http.post('/dids', { number: '+14155550100', colour: 'red' }),
      400,
      'validation_failed',
      'colour',
    );
    expectError(await http.get('/dids?limit=1.7976931348623155e%2B308'), 400, 'validation_failed', 'limit');
    expectError(await http.get('/dids?offset=10'), 400, 'validation_failed', 'offset');
    expectError(await http.get('/dids/not-a-uuid'), 400, 'validation_failed', 'id');
    expectError(await http.get('/dids?cursor=forged'), 400, 'invalid_field', 'cursor');
  });

  it('400: a body that is not JSON', async () => {
    const res = await http.request('POST', '/dids', {
      body: '{"number": ',
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, 'invalid_request');
  });

  it('401: no key, or a key that is not one', async () => {
    expectError(await http.get('/dids', { key: null }), 401, 'unauthenticated');
    expectError(await http.get('/dids', { key: 'ce_not_a_key' }), 401, 'unauthenticated');
  });

  it('404: an id that names nothing of this customer', async () => {
    expectError(await http.get('/dids/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
  });

  it('405: a known path with a method it does not serve, with Allow', async () => {
    // fetch refuses TRACE (a forbidden method), so it goes through node:http.
    const trace = await new Promise<{ status: number; allow: string | undefined; body: unknown }>(
      (resolve, reject) => {
        const req = request(`${s.url}/api/health`, { method: 'TRACE' }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body: JSON.parse(text) }),
          );
        });
        req.on('error', reject);
        req.end();
      },
    );
    expect(trace.status).toBe(405);
    expect(trace.allow).toBe('GET, HEAD');
    expect(trace.body).toMatchObject({ code: 'method_not_allowed' });
    const put = await http.request('PUT', '/dids', { json: {} });
    expectError(put, 405, 'method_not_allowed');
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    expectError(
      await http.request('DELETE', '/dids/00000000-0000-4000-8000-000000000000'),
      405,
      'method_not_allowed',
    );
    expectError(await http.get('/no-such-thing'), 404, 'not_found');
  });

  it('409: a state or ownership conflict', async () => {
    expect((await http.post('/dids', { number: '+14155550142' })).status).toBe(201);
    expectError(await http.post('/dids', { number: '+14155550142' }), 409, 'conflict');
  });

  it('422: an Idempotency-Key reused with another request', async () => {
    const headers = { 'idempotency-key': `errors-${Date.now()}` };
    expect((await http.post('/dids', { number: '+14155550143' }, { headers })).status).toBe(201);
    expectError(
      await http.post('/dids', { number: '+14155550144' }, { headers }),
      422,
      'idempotency_key_reused',
      'Idempotency-Key',
    );
  });

  it('413: a body over the limit', async () => {
    const big = JSON.stringify({ number: 'x'.repeat(11 * 1024 * 1024) });
    const res = await http.request('POST', '/dids', {
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 413, 'payload_too_large');
  });
});
