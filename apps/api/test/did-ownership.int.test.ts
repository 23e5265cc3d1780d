import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiResponse, ApiStack } from './support/api-stack';
import { startApiStack, waitFor } from './support/api-stack';

/** The tenants' names and ids must never show in an answer to another tenant. */
function expectConflictNamingOnly(res: ApiResponse, number: string, secrets: string[]): void {
  expect(res.status, res.text).toBe(409);
  expect(res.body.message).toContain(number);
  expect(res.body.message).toMatch(/another customer/);
  for (const secret of secrets) expect(res.text).not.toContain(secret);
}

describe('a caller ID belongs to one customer (POST /api/dids, reinstate)', () => {
  let s: ApiStack;
  let a: ApiClient;
  let b: ApiClient;
  let aId: string;
  let bId: string;
  const secrets = () => [aId, bId, 'Holder Inc', 'Taker Ltd'];

  beforeAll(async () => {
    s = await startApiStack();
    ({ http: a, customerId: aId } = await s.tenant('Holder Inc'));
    ({ http: b, customerId: bId } = await s.tenant('Taker Ltd'));
  });
  afterAll(() => s?.close());

  /**
   * Runs `request` while another transaction has inserted a DID for `customerId` and not yet
   * committed: the API's own checks cannot see it, so only the unique index can stop the request.
   * Commits once the request waits on that index.
   */
  async function againstUncommittedHolder(
    customerId: string,
    number: string,
    request: () => Promise<ApiResponse>,
  ) {
    const db = s.stack.database.db;
    const { pending } = await db.transaction().execute(async (tx) => {
      await tx.insertInto('dids').values({ customer_id: customerId, number }).execute();
      const pending = request();
      await waitFor(
        async () => {
          // An insert that meets an uncommitted duplicate waits on that transaction's lock.
          const waiting = await sql<{ n: number }>`
            select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
          return (waiting.rows[0]?.n ?? 0) > 0;
        },
        10_000,
        'the request to wait on the unique index',
      );
      return { pending };
    });
    return pending;
  }

  it('answers 409 to a second customer registering a number another holds, naming the number only', async () => {
    const created = await a.post('/dids', { number: '+1 (415) 555-0101' });
    expect(created.status).toBe(201);
    const taken = await b.post('/dids', { number: '415-555-0101' });
    expectConflictNamingOnly(taken, '+14155550101', secrets());
    expect((await b.get('/dids')).body.items).toEqual([]);
    // The holder itself still gets its own answer.
    const again = await a.post('/dids', { number: '+14155550101' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already in the DID pool/);
  });

  it('gives one 201 and one 409 when two customers race for one number', async () => {
    for (let i = 0; i < 8; i += 1) {
      const number = `+1415555${String(200 + i).padStart(4, '0')}`;
      const answers = await Promise.all([a.post('/dids', { number }), b.post('/dids', { number })]);
      expect(answers.map((r) => r.status).sort(), answers.map((r) => r.text).join(' | ')).toEqual([201, 409]);
      const holders = await s.stack.database.db
        .selectFrom('dids')
        .select('customer_id')
        .where('number', '=', number)
        .execute();
      expect(holders).toHaveLength(1);
    }
  });

  it('turns the database refusing a second holder into a 409, not a 500', async () => {
    const number = '+14155550301';
    const res = await againstUncommittedHolder(bId, number, () => a.post('/dids', { number }));
    expectConflictNamingOnly(res, number, secrets());
    const rows = await s.stack.database.db
      .selectFrom('dids')
      .select('customer_id')
      .where('number', '=', number)
      .execute();
    expect(rows).toEqual([{ customer_id: bId }]);
  });

  it('lets another customer take a retired number, and then refuses to reinstate the old one', async () => {
    const number = '+14155550401';
    const old = (await a.post('/dids', { number })).body.id as string;
    expect((await a.post(`/dids/${old}/retire`)).body.state).toBe('retired');
    const taken = await b.post('/dids', { number });
    expect(taken.status).toBe(201);

    const refused = await a.post(`/dids/${old}/reinstate`);
    expectConflictNamingOnly(refused, number, secrets());
    expect((await a.get(`/dids/${old}`)).body.state).toBe('retired');
    // Nor can the first customer register it afresh: it is still in their pool, retired.
    expect((await a.post('/dids', { number })).status).toBe(409);

    // Once the new holder retires it in turn, the first customer may have it back.
    expect((await b.post(`/dids/${taken.body.id as string}/retire`)).status).toBe(200);
    const back = await a.post(`/dids/${old}/reinstate`);
    expect(back.status).toBe(200);
    expect(back.body.state).toBe('active');
    expect((await b.post(`/dids/${taken.body.id as string}/reinstate`)).status).toBe(409);
  });

  it('answers 409 when another customer takes the number while a reinstatement is under way', async () => {
    const number = '+14155550501';
    const old = (await a.post('/dids', { number })).body.id as string;
    await a.post(`/dids/${old}/retire`);
    const res = await againstUncommittedHolder(bId, number, () => a.post(`/dids/${old}/reinstate`));
    expectConflictNamingOnly(res, number, secrets());
    expect((await a.get(`/dids/${old}`)).body.state).toBe('retired');
  });
});
