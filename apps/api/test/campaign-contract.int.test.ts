import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCampaign } from '@engine/db';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

/**
 * The campaigns and prospects contract: zod request schemas (400 naming the field, with a code),
 * the OpenAPI document they produce, keyset paging, and uploads that can never crash the API.
 */
describe('campaigns and prospects: the request contract', () => {
  let s: ApiStack;
  let http: ApiClient;

  beforeAll(async () => {
    s = await startApiStack();
    ({ http } = await s.tenant('Contract'));
  });
  afterAll(() => s?.close());

  const create = (body: unknown) => http.post('/campaigns', body);
  const rawPost = (path: string, body: string, type = 'application/json') =>
    http.request('POST', path, { body, headers: { 'content-type': type } });

  it('answers a bad field with a 400 naming it, with a code and one message', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [
        { name: 'x', channel: 'voice', mode: { calls_per_second: 'fast' } },
        'mode.calls_per_second',
        /number/,
      ],
      [{ name: 42, channel: 'voice' }, 'name', /name: .*expected string/],
      [{ channel: 'voice' }, 'name', /^name is required$/],
      [{ name: 'x', channel: 'fax' }, 'channel', /must be one of voice, sms/],
      [{ name: 'x', channel: 'sms' }, 'message', /^message is required$/],
      [{ name: ' \t ', channel: 'voice' }, 'name', /visible character/],
      [{ name: 'a\u0000b', channel: 'voice' }, 'name', /NUL/],
      [
        { name: 'x', channel: 'voice', mode: { voicemail_drop_url: 'ftp://x.example' } },
        'mode.voicemail_drop_url',
        /http/,
      ],
      [{ name: 'x', channel: 'voice', mode: { transfer_to: '555' } }, 'mode.transfer_to', /E\.164/],
      [
        { name: 'x', channel: 'voice', mode: { template_variables: ['1st'] } },
        'mode.template_variables[0]',
        /variable name/,
      ],
      [{ name: 'x', channel: 'sms', message: 'Hi }} there' }, 'message', /not a valid template/],
      [{ name: 'x', channel: 'voice', callerIds: ['+1415555010'] }, 'callerIds[0]', /too short/],
      [{ name: 'x', channel: 'voice', priority: 1 }, 'priority', /unknown field priority/],
    ];
    const failures: string[] = [];
    for (const [body, field, message] of cases) {
      const res = await create(body);
      if (
        res.status !== 400 ||
        res.body.field !== field ||
        res.body.code !== 'validation_failed' ||
        typeof res.body.message !== 'string' ||
        !message.test(res.body.message)
      ) {
        failures.push(`${JSON.stringify(body)} -> ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('stores text Postgres can hold: trimmed names, lone surrogates replaced rather than a 500', async () => {
    const trimmed = await create({ name: '  Spring  ', channel: 'voice' });
    expect(trimmed.status).toBe(201);
    expect(trimmed.body.name).toBe('Spring');
    // A JSON "\ud800" escape: jsonb refuses it, so it must not reach the database as is.
    const res = await rawPost(
      '/campaigns',
      '{"name":"a\\ud800","channel":"sms","message":"Hi {{plan}}","mode":{"template_fallbacks":{"plan":"b\\udc00"}}}',
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body.name).toBe('a\ufffd');
    expect(res.body.mode.templateFallbacks).toEqual({ plan: 'b\ufffd' });
  });

  it('checks the template on PATCH against the mode it will run with', async () => {
    const id = (
      await create({
        name: 'sms',
        channel: 'sms',
        message: 'Hi {{first_name}}, {{plan}}',
        mode: { template_variables: ['plan'] },
      })
    ).body.id as string;
    const unknown = await http.patch(`/campaigns/${id}`, { message: 'Hi {{frist_name}}' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ field: 'message', code: 'invalid_template' });
    expect(unknown.body.message).toMatch(/frist_name/);
    // Dropping the declared variable the stored message uses is refused as well.
    const dropped = await http.patch(`/campaigns/${id}`, { mode: { template_variables: [] } });
    expect(dropped.status).toBe(400);
    expect(dropped.body.message).toMatch(/plan/);
    const ok = await http.patch(`/campaigns/${id}`, {
      message: 'Hi {{ first_name }}, {{tier}}',
      mode: { template_fallbacks: { tier: 'gold' } },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.mode).toMatchObject({ templateVariables: ['plan'], templateFallbacks: { tier: 'gold' } });
  });

  it('accepts a pause or cancel with no body at all', async () => {
    const id = (await create({ name: 'bare', channel: 'voice' })).body.id as string;
    const pause = await http.request('POST', `/campaigns/${id}/pause`);
    expect(pause.status).toBe(409);
    expect(pause.body.code).toBe('conflict');
    const cancel = await http.request('POST', `/campaigns/${id}/cancel`);
    expect(cancel.status, cancel.text).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'cancelled', applied: true });
  });

  it('pages campaigns created in the same millisecond without losing or repeating one', async () => {
    const { http: h, customerId } = await s.tenant('Same millisecond');
    const db = s.stack.database.db;
    // Microseconds apart, and two at the very same instant: a millisecond cursor loses some.
    const stamps = [
      '2026-01-01T00:00:00.123999Z',
      '2026-01-01T00:00:00.123456Z',
      '2026-01-01T00:00:00.123456Z',
      '2026-01-01T00:00:00.123001Z',
      '2026-01-01T00:00:00.122000Z',
    ];
    const ids: string[] = [];
    for (const [i, stamp] of stamps.entries()) {
      // Postgres keeps microseconds where a JS Date does not: the instant goes in as text.
      const row = await insertCampaign(db, {
        customer_id: customerId,
        name: `c${i}`,
        channel: 'voice',
        created_at: stamp as unknown as Date,
      });
      ids.push(row.id);
    }
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page += 1) {
      const res = await h.get(`/campaigns?limit=1&cursor=${cursor}`);
      expect(res.status, res.text).toBe(200);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      if (res.body.nextCursor === null) break;
      cursor = res.body.nextCursor as string;
    }
    expect(seen).toHaveLength(ids.length);
    expect(new Set(seen)).toEqual(new Set(ids));

    const forged = Buffer.from(
      JSON.stringify({ t: '2026-02-30T00:00:00.000000Z', id: randomUUID() }),
    ).toString('base64url');
    const bad = await h.get(`/campaigns?cursor=${forged}`);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('cursor');
  });

  it('refuses a malformed JSON row with a 400 naming it, and reports unusable rows', async () => {
    const id = (await create({ name: 'rows', channel: 'voice' })).body.id as string;
    const path = `/campaigns/${id}/prospects`;
    const malformed: Array<[unknown, string]> = [
      [{ prospects: 'all of them' }, 'prospects'],
      [{ prospects: [{ phone: '+14155550100' }, { phone: null }] }, 'prospects[1].phone'],
      [{ prospects: [{ phone: '+14155550100', first_name: 'Ann' }] }, 'prospects[0].first_name'],
      [
        { prospects: [{ phone: '+14155550100', variables: { plan: { tier: 1 } } }] },
        'prospects[0].variables.plan',
      ],
    ];
    for (const [body, field] of malformed) {
      const res = await http.post(path, body);
      expect(res.status, res.text).toBe(400);
      expect(res.body.field).toBe(field);
    }
    const loaded = await http.post(path, {
      prospects: [
        { phone: 4155550101, variables: { plan: 'gold', score: 3, vip: true, none: null } },
        { phone: 'not a phone' },
        { phone: '+14155550102', timezone: 'Mars/Olympus' },
      ],
    });
    expect(loaded.status, loaded.text).toBe(200);
    expect(loaded.body).toMatchObject({ accepted: 1, rejectedCount: 2 });
    expect(loaded.body.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3]);
    const listed = await http.get(path);
    expect(listed.body.items[0]).toMatchObject({
      phone: '+14155550101',
      variables: { plan: 'gold', score: '3', vip: 'true' },
    });
  });

  it('survives cut-short and malformed multipart uploads, loading nothing from them', async () => {
    const id = (await create({ name: 'multipart', channel: 'voice' })).body.id as string;
    const path = `/campaigns/${id}/prospects`;
    const type = 'multipart/form-data; boundary=BB';
    const filePart =
      'Content-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\n';
    // Cut short after the CSV: busboy fails the part in the tick it announces it.
    const truncated = await rawPost(path, `--BB\r\n${filePart}phone\n+14155550111\n`, type);
    expect(truncated.status, truncated.text).toBe(400);
    // A malformed part after the CSV refuses the whole upload.
    const trailing = await rawPost(
      path,
      `--BB\r\n${filePart}phone\n+14155550112\n\r\n--BB\r\nContent-Disposition: form-data; name="x\u000fy"\r\n\r\n\r\n--BB--\r\n`,
      type,
    );
    expect(trailing.status, trailing.text).toBe(400);
    expect(trailing.body.message).toMatch(/multipart/);
    expect((await http.get(path)).body.items).toEqual([]);
    // The API still answers, and other parts are ignored.
    const ok = await rawPost(
      path,
      `--BB\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--BB\r\n${filePart}phone\n+14155550113\n\r\n--BB--\r\n`,
      type,
    );
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.accepted).toBe(1);
  });

  it('documents what the routes take and answer', async () => {
    const doc = (await http.get('/docs/openapi.json', { key: null })).body;
    const create = doc.components.schemas.CreateCampaignDto;
    expect(create.oneOf).toHaveLength(2);
    expect(create.oneOf[1].required).toEqual(expect.arrayContaining(['channel', 'name', 'message']));
    const upload = doc.paths['/api/campaigns/{id}/prospects'].post;
    expect(Object.keys(upload.requestBody.content).sort()).toEqual([
      'application/json',
      'multipart/form-data',
      'text/csv',
    ]);
    expect(upload.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    expect(Object.keys(upload.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404', '409', '413', '415']),
    );
    const start = doc.paths['/api/campaigns/{id}/start'].post;
    expect(Object.keys(start.responses)).toEqual(expect.arrayContaining(['200', '202', '404', '409', '503']));
    const list = doc.paths['/api/campaigns'].get.parameters.map((p: { name: string }) => p.name);
    expect(list).toEqual(expect.arrayContaining(['limit', 'cursor', 'status', 'channel']));
  });
});
