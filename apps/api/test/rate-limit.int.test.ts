import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@engine/db';
import { seedCampaign } from '@engine/testing';
import type { ApiClient, ApiResponse, ApiStack } from './support/api-stack';
import { ApiClient as Client, startApiStack } from './support/api-stack';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Small limits, read by the API when it is created (this file runs in its own process): a bucket
// of 3 that regains one request every 2 s, and 4 failed key checks per minute per address.
const BURST = 3;
process.env['API_RATE_LIMIT_BURST'] = String(BURST);
process.env['API_RATE_LIMIT_PER_SECOND'] = '0.5';
process.env['API_AUTH_FAILURES_PER_MINUTE'] = '4';

const rateHeaders = (res: ApiResponse) => ({
  limit: res.headers.get('ratelimit-limit'),
  remaining: res.headers.get('ratelimit-remaining'),
  reset: res.headers.get('ratelimit-reset'),
});

describe('per-API-key rate limits', () => {
  let s: ApiStack;

  beforeAll(async () => {
    s = await startApiStack();
  });
  afterAll(() => s?.close());

  /** A tenant with one campaign, seeded in the database so that no request is spent on it. */
  async function tenantWithCampaign(
    name: string,
  ): Promise<{ http: ApiClient; path: string; customerId: string }> {
    const { http, customerId } = await s.tenant(name);
    const campaign = await seedCampaign(s.stack.database.db, customerId);
    return { http, customerId, path: `/campaigns/${campaign.id}` };
  }

  /** Sends requests at once until one is refused; the bucket holds BURST. */
  async function exhaust(http: ApiClient, path: string): Promise<ApiResponse[]> {
    const answers = await Promise.all(Array.from({ length: BURST + 1 }, () => http.get(path)));
    return answers.sort((x, y) => x.status - y.status);
  }

  it('answers a spent bucket with 429, Retry-After and the RateLimit headers, and serves again after the wait', async () => {
    const { http, path } = await tenantWithCampaign('A');
    const answers = await exhaust(http, path);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    const served = answers.slice(0, BURST);
    for (const res of served) expect(rateHeaders(res).limit).toBe(String(BURST));
    expect(served.map((r) => rateHeaders(r).remaining).sort()).toEqual(['0', '1', '2']);

    const refused = answers[BURST]!;
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'rate_limited',
      message: expect.stringMatching(
        /rate limit of this API key exceeded: 3 requests at once, then 0.5 per second; retry after [12] s/,
      ),
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect([1, 2]).toContain(retryAfter);
    expect(rateHeaders(refused)).toEqual({
      limit: '3',
      remaining: '0',
      reset: expect.stringMatching(/^[1-6]$/),
    });

    await sleep(retryAfter * 1000);
    const again = await http.get(path);
    expect(again.status).toBe(200);
    expect(rateHeaders(again).remaining).toBe('0');
  });

  it('sends the headers on every limited answer, errors included', async () => {
    const { http } = await tenantWithCampaign('headers');
    const missing = await http.get('/campaigns/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(rateHeaders(missing)).toEqual({ limit: '3', remaining: '2', reset: '2' });
  });

  it('keeps one bucket per API key: other customers and other keys of the same customer are not slowed', async () => {
    const a = await tenantWithCampaign('A2');
    const b = await tenantWithCampaign('B2');
    expect((await exhaust(a.http, a.path)).map((r) => r.status)).toEqual([200, 200, 200, 429]);
    const other = await b.http.get(b.path);
    expect(other.status).toBe(200);
    expect(rateHeaders(other).remaining).toBe('2');
    // A second key of A's customer has a bucket of its own.
    const secondKey = await createApiKey(s.stack.database.db, a.customerId, 'second');
    const second = await new Client(s.url, secondKey).get(a.path);
    expect(second.status).toBe(200);
    expect(rateHeaders(second).remaining).toBe('2');
    expect((await a.http.get(a.path)).status).toBe(429);
  });

  it('never limits health, carrier webhooks and call documents', async () => {
    const anon = new Client(s.url, null);
    for (let i = 0; i < BURST * 3; i += 1) {
      const health = await anon.get('/health');
      expect(health.status).toBe(200);
      expect(rateHeaders(health).limit).toBeNull();
      // Public but signed: refused for the signature, never for a rate.
      const hook = await anon.post('/webhooks/sim/call-status', { attemptId: 'x' });
      expect(hook.status).toBe(401);
      expect(hook.body.message).toMatch(/signature/);
      const document = await anon.get(
        '/voice/attempts/00000000-0000-4000-8000-000000000000/answer?exp=1&sig=0000000000000000000000000000000000000000000000000000000000000000',
      );
      expect(document.status).toBe(403);
      expect(rateHeaders(document).limit).toBeNull();
    }
  });

  // Last: it spends this address's failed-check budget, which the tests above would then feel.
  it('slows key guessing: after 4 failed checks an address gets 429 for keys it has not shown valid', async () => {
    const known = await tenantWithCampaign('known');
    expect((await known.http.get(known.path)).status).toBe(200);
    const wrong = new Client(s.url, 'ce_deadbeef_not-a-real-key');
    for (let i = 0; i < 4; i += 1) {
      const res = await wrong.get('/campaigns');
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('invalid or revoked API key');
    }
    const blocked = await wrong.get('/campaigns');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'rate_limited',
      message: expect.stringMatching(
        /^too many failed API key checks from this address: at most 4 per minute/,
      ),
    });
    // One failed check comes back every 15 s.
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(15);
    // A valid key this process has not verified yet is not checked either: guesses learn nothing.
    const fresh = await tenantWithCampaign('fresh');
    expect((await fresh.http.get(fresh.path)).status).toBe(429);
    // A key verified before keeps working (clients behind one proxy share an address).
    expect((await known.http.get(known.path)).status).toBe(200);
    // Without any key there is nothing to check, and nothing counted: still 401.
    expect((await new Client(s.url, null).get('/campaigns')).status).toBe(401);
  });
});
