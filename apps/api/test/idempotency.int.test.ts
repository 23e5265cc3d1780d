import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countProspectsByStatus } from '@engine/db';
import type { ApiClient, ApiResponse, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

/** The Idempotency-Key contract on the real API's creating POSTs (real Postgres, Redis, Temporal). */
describe('Idempotency-Key on creating POSTs', () => {
  let s: ApiStack;
  let http: ApiClient;

  beforeAll(async () => {
    s = await startApiStack();
    ({ http } = await s.tenant('Idempotent'));
  });
  afterAll(() => s?.close());

  const keyed = (key: string, headers: Record<string, string> = {}) => ({
    headers: { 'idempotency-key': key, ...headers },
  });
  const countCampaigns = async (client: ApiClient, name: string) =>
    ((await client.get('/campaigns?limit=100')).body.items as Array<{ name: string }>).filter(
      (c) => c.name === name,
    ).length;
  const countProspects = async (campaignId: string) =>
    Object.values(await countProspectsByStatus(s.stack.database.db, campaignId)).reduce((n, c) => n + c, 0);
  const expectReplayOf = (replay: ApiResponse, first: ApiResponse) => {
    expect(replay.status, replay.text).toBe(first.status);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  };

  it('answers a retry with the first answer and creates the campaign once', async () => {
    const key = randomUUID();
    const body = { name: 'Retried', channel: 'voice' };
    const first = await http.post('/campaigns', body, keyed(key));
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await http.post('/campaigns', body, keyed(key));
    expectReplayOf(retry, first);
    expect(retry.body.id).toBe(first.body.id);
    expect(await countCampaigns(http, 'Retried')).toBe(1);
    // Without a key, nothing changes: the same body creates another campaign.
    expect((await http.post('/campaigns', body)).status).toBe(201);
    expect(await countCampaigns(http, 'Retried')).toBe(2);
  });

  it('answers 422 for the same key with a different body or path', async () => {
    const key = randomUUID();
    expect((await http.post('/campaigns', { name: 'Mismatch', channel: 'voice' }, keyed(key))).status).toBe(
      201,
    );
    const otherBody = await http.post('/campaigns', { name: 'Mismatch', channel: 'sms' }, keyed(key));
    expect(otherBody.status, otherBody.text).toBe(422);
    expect(otherBody.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: 'idempotency_key_reused',
      field: 'Idempotency-Key',
      message: expect.stringMatching(/^Idempotency-Key ".+" was used with a different request/),
    });
    const otherPath = await http.post('/dids', { number: '+14155550199' }, keyed(key));
    expect(otherPath.status, otherPath.text).toBe(422);
    // The same JSON with other whitespace is other bytes: the key is bound to the bytes.
    const spaced = await http.request('POST', '/campaigns', {
      body: '{ "name": "Mismatch", "channel": "voice" }',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
    });
    expect(spaced.status).toBe(422);
    expect(await countCampaigns(http, 'Mismatch')).toBe(1);
  });

  it('keeps keys of different customers apart', async () => {
    const other = (await s.tenant('Other')).http;
    const key = 'shared-key-0001';
    const body = { name: 'Shared key', channel: 'voice' };
    const mine = await http.post('/campaigns', body, keyed(key));
    const theirs = await other.post('/campaigns', body, keyed(key));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(await countCampaigns(http, 'Shared key')).toBe(1);
    expect(await countCampaigns(other, 'Shared key')).toBe(1);
  });

  it('executes one of 10 concurrent identical requests; all get its answer', async () => {
    const key = randomUUID();
    const body = { name: 'Concurrent', channel: 'sms', message: 'Hi' };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => http.post('/campaigns', body, keyed(key))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await countCampaigns(http, 'Concurrent')).toBe(1);
  });

  it('refuses a malformed key with a 400 naming the header, creating nothing', async () => {
    for (const key of ['k'.repeat(256), 'clé-accentuée']) {
      const res = await http.post('/campaigns', { name: 'Bad key', channel: 'voice' }, keyed(key));
      expect(res.status, res.text).toBe(400);
      expect(res.body.message).toMatch(/^Idempotency-Key header must be 1 to 255 visible ASCII characters/);
    }
    expect(
      (await http.post('/campaigns', { name: 'Bad key', channel: 'voice' }, keyed('k'.repeat(255)))).status,
    ).toBe(201);
    expect(await countCampaigns(http, 'Bad key')).toBe(1);
  });

  it('does not keep a validation 400: the corrected request with the same key executes', async () => {
    const key = randomUUID();
    const invalid = await http.post('/campaigns', { name: 'Fixed', channel: 'fax' }, keyed(key));
    expect(invalid.status, invalid.text).toBe(400);
    expect(invalid.body.field).toBe('channel');
    const fixed = await http.post('/campaigns', { name: 'Fixed', channel: 'voice' }, keyed(key));
    expect(fixed.status, fixed.text).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps a deterministic 4xx from the handler (an unknown campaign is a 404) and replays it', async () => {
    const key = randomUUID();
    const path = `/campaigns/${randomUUID()}/prospects`;
    const body = { prospects: [{ phone: '+14155550100' }] };
    const first = await http.post(path, body, keyed(key));
    expect(first.status, first.text).toBe(404);
    expectReplayOf(await http.post(path, body, keyed(key)), first);
  });

  it('replays a streamed CSV prospect import after reading and comparing the upload', async () => {
    const id = (await http.post('/campaigns', { name: 'CSV', channel: 'voice' })).body.id as string;
    const csv = 'phone,first_name\n+14155550101,Ann\n+14155550102,Bob\nnot-a-phone,Cy\n';
    const upload = (text: string, key: string) =>
      http.request('POST', `/campaigns/${id}/prospects`, {
        body: text,
        headers: { 'content-type': 'text/csv', 'idempotency-key': key },
      });
    const key = randomUUID();
    const first = await upload(csv, key);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ accepted: 2, rejectedCount: 1 });
    expectReplayOf(await upload(csv, key), first);
    expect(await countProspects(id)).toBe(2);
    // Another file under the same key: read to its end, its hash differs, 422, nothing loaded.
    const other = await upload(`${csv}+14155550103,Dee\n`, key);
    expect(other.status, other.text).toBe(422);
    expect(await countProspects(id)).toBe(2);
    // Concurrent uploads of one file with a new key: one import, all get its answer.
    const key2 = randomUUID();
    const more = 'phone\n+14155550104\n+14155550105\n+14155550106\n';
    const answers = await Promise.all(Array.from({ length: 5 }, () => upload(more, key2)));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill(200));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0]?.body).toMatchObject({ accepted: 3 });
    expect(await countProspects(id)).toBe(5);
  });

  it('replays a large upload streamed in chunks only after reading all of it', async () => {
    const id = (await http.post('/campaigns', { name: 'Large', channel: 'voice' })).body.id as string;
    const rows = 20_000;
    const chunked = (last: string) => {
      let i = 0;
      const encoder = new TextEncoder();
      return new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(encoder.encode('phone,n\n')),
        pull(controller) {
          if (i >= rows) {
            controller.enqueue(encoder.encode(last));
            controller.close();
            return;
          }
          const lines: string[] = [];
          for (let n = 0; n < 1000; n += 1, i += 1) lines.push(`+1415${3_000_000 + i},${i}`);
          controller.enqueue(encoder.encode(`${lines.join('\n')}\n`));
        },
      });
    };
    const key = randomUUID();
    const send = (last: string) =>
      http.request('POST', `/campaigns/${id}/prospects`, {
        body: chunked(last) as unknown as RequestInit['body'],
        headers: { 'content-type': 'text/csv', 'idempotency-key': key },
      });
    const first = await send('+14159999999,end\n');
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ accepted: rows + 1 });
    expectReplayOf(await send('+14159999999,end\n'), first);
    // Only the last bytes differ: the whole upload must have been compared.
    expect((await send('+14159999998,end\n')).status).toBe(422);
    expect(await countProspects(id)).toBe(rows + 1);
  });

  it('keeps the 400 of a malformed CSV read to its end (nothing was loaded)', async () => {
    const id = (await http.post('/campaigns', { name: 'Malformed', channel: 'voice' })).body.id as string;
    const key = randomUUID();
    const send = () =>
      http.request('POST', `/campaigns/${id}/prospects`, {
        body: 'phone,name\n+14155550131,"unclosed\n',
        headers: { 'content-type': 'text/csv', 'idempotency-key': key },
      });
    const first = await send();
    expect(first.status, first.text).toBe(400);
    expectReplayOf(await send(), first);
    expect(await countProspects(id)).toBe(0);
  });

  it('replays a multipart CSV import and a JSON prospect import', async () => {
    const id = (await http.post('/campaigns', { name: 'Multipart', channel: 'voice' })).body.id as string;
    const boundary = '----idem-boundary';
    const multipart =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\nphone\n+14155550111\n+14155550112\n\r\n--${boundary}--\r\n`;
    const send = (key: string) =>
      http.request('POST', `/campaigns/${id}/prospects`, {
        body: multipart,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'idempotency-key': key },
      });
    const key = randomUUID();
    const first = await send(key);
    expect(first.status, first.text).toBe(200);
    expectReplayOf(await send(key), first);
    const jsonKey = randomUUID();
    const json = { prospects: [{ phone: '+14155550113' }] };
    const jsonFirst = await http.post(`/campaigns/${id}/prospects`, json, keyed(jsonKey));
    expectReplayOf(await http.post(`/campaigns/${id}/prospects`, json, keyed(jsonKey)), jsonFirst);
    expect(await countProspects(id)).toBe(3);
  });

  it('covers DIDs, carrier accounts and suppressions (one and CSV import)', async () => {
    const posts: Array<[string, RequestInit['body'] | object, Record<string, string>?]> = [
      ['/dids', { number: '+14155550120' }],
      ['/carrier-accounts', { provider: 'sim', name: 'Idempotent sim', credentials: {} }],
      ['/suppressions', { phone: '+14155550121', reason: 'asked' }],
      ['/suppressions', 'phone\n+14155550122\n+14155550123\n', { 'content-type': 'text/csv' }],
    ];
    for (const [path, body, headers] of posts) {
      const key = randomUUID();
      const send = () =>
        typeof body === 'string'
          ? http.request('POST', path, { body, headers: { ...headers, 'idempotency-key': key } })
          : http.post(path, body, keyed(key));
      const first = await send();
      expect(first.status, `${path}: ${first.text}`).toBeLessThan(300);
      expectReplayOf(await send(), first);
    }
    expect((await http.get('/dids')).body.items).toHaveLength(1);
    expect((await http.get('/carrier-accounts')).body.items).toHaveLength(1);
    expect((await http.get('/suppressions')).body.items).toHaveLength(3);
  });

  it('documents the header on every creating POST', async () => {
    const doc = (await http.get('/docs/openapi.json', { key: null })).body;
    const creating = [
      '/api/campaigns',
      '/api/campaigns/{id}/prospects',
      '/api/dids',
      '/api/carrier-accounts',
      '/api/suppressions',
    ];
    for (const path of creating) {
      expect(doc.paths[path].post.parameters, path).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
        ]),
      );
    }
    const start = doc.paths['/api/campaigns/{id}/start'].post.parameters as Array<{ name: string }>;
    expect(start.map((p) => p.name)).not.toContain('Idempotency-Key');
  });
});
