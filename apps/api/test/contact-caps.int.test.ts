import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getContactCaps } from '@engine/db';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

const DEFAULTS = { per24h: 3, per7d: 7 };

describe('GET and PUT /compliance/contact-caps', () => {
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

  it('answers the defaults for a customer who set none', async () => {
    const res = await a.get('/compliance/contact-caps');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ per24h: null, per7d: null, defaults: DEFAULTS });
  });

  it("stores the customer's caps where the worker reads them, for that customer only, and null restores the default", async () => {
    const put = await a.request('PUT', '/compliance/contact-caps', { json: { per24h: 1, per7d: 20 } });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toEqual({ per24h: 1, per7d: 20, defaults: DEFAULTS });
    expect((await a.get('/compliance/contact-caps')).body).toEqual({
      per24h: 1,
      per7d: 20,
      defaults: DEFAULTS,
    });
    expect(await getContactCaps(s.stack.database.db, aCustomerId)).toEqual({ per24h: 1, per7d: 20 });
    // Another tenant's caps are its own.
    expect((await b.get('/compliance/contact-caps')).body).toEqual({
      per24h: null,
      per7d: null,
      defaults: DEFAULTS,
    });

    const back = await a.request('PUT', '/compliance/contact-caps', { json: { per24h: null, per7d: 20 } });
    expect(back.body).toEqual({ per24h: null, per7d: 20, defaults: DEFAULTS });
    expect(await getContactCaps(s.stack.database.db, aCustomerId)).toEqual({ per24h: null, per7d: 20 });
  });

  it.each([
    ['a 24-hour cap of 0', { per24h: 0, per7d: null }, /per24h/],
    ['a 24-hour cap over 100', { per24h: 101, per7d: null }, /per24h/],
    ['a fractional 7-day cap', { per24h: null, per7d: 2.5 }, /per7d/],
    ['a 7-day cap over 500', { per24h: null, per7d: 501 }, /per7d/],
    ['a cap as text', { per24h: '3', per7d: null }, /per24h/],
    ['a missing cap (PUT replaces both)', { per24h: 3 }, /per7d/],
    ['an unknown field', { per24h: 3, per7d: 7, perHour: 1 }, /perHour/],
  ])('refuses %s with a 400 naming the field, changing nothing', async (_name, body, field) => {
    const before = (await b.get('/compliance/contact-caps')).body;
    const res = await b.request('PUT', '/compliance/contact-caps', { json: body });
    expect(res.status, res.text).toBe(400);
    expect(res.text).toMatch(field);
    expect((await b.get('/compliance/contact-caps')).body).toEqual(before);
  });

  it('needs an API key', async () => {
    expect((await a.get('/compliance/contact-caps', { key: null })).status).toBe(401);
    const put = await a.request('PUT', '/compliance/contact-caps', {
      key: null,
      json: { per24h: 1, per7d: 1 },
    });
    expect(put.status).toBe(401);
  });
});
