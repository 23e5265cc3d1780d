import { sql } from 'kysely';
import type { Executor } from '../database';
import type { DidHealthEvent } from '../tables/did-health-events.table';
import type { Did, DidState } from '../tables/dids.table';

export async function findDid(db: Executor, customerId: string, didId: string): Promise<Did | undefined> {
  return db
    .selectFrom('dids')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('id', '=', didId)
    .executeTakeFirst();
}

export interface DidPageRequest {
  customerId: string;
  state?: DidState;
  limit: number;
  offset: number;
}

/** One customer's DIDs ordered by number. */
export async function listDidsPage(db: Executor, req: DidPageRequest): Promise<Did[]> {
  let query = db.selectFrom('dids').selectAll().where('customer_id', '=', req.customerId);
  if (req.state) query = query.where('state', '=', req.state);
  return query.orderBy('number').orderBy('id').limit(req.limit).offset(req.offset).execute();
}

/**
 * Takes a DID out of rotation for good (state `retired`), freeing its number for other customers;
 * undefined when it is not the customer's. Retiring it again keeps the first `retired_at`.
 */
export async function retireDid(
  db: Executor,
  customerId: string,
  didId: string,
  now = new Date(),
): Promise<Did | undefined> {
  return db
    .updateTable('dids')
    .set((eb) => ({
      state: 'retired',
      retired_at: eb.fn.coalesce('retired_at', eb.val(now)),
      updated_at: now,
    }))
    .where('customer_id', '=', customerId)
    .where('id', '=', didId)
    .returningAll()
    .executeTakeFirst();
}

/** Every DID of a customer ordered by number. */
export async function listCustomerDids(db: Executor, customerId: string): Promise<Did[]> {
  return db
    .selectFrom('dids')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('number')
    .orderBy('id')
    .execute();
}

/**
 * Puts a `burned` or `retired` DID back into rotation with a fresh score: calls before `now` no
 * longer count (`score_since`). Undefined when the DID is missing, another customer's, or in
 * another state. A retired number another customer holds now violates `dids_number_owner_key`.
 */
export async function reinstateDid(
  db: Executor,
  customerId: string,
  didId: string,
  now = new Date(),
): Promise<Did | undefined> {
  return db
    .updateTable('dids')
    .set({
      state: 'active',
      health_score: 1,
      health_verdict: 'ok',
      health_sample_size: 0,
      cooldown_until: null,
      warming_until: null,
      score_since: now,
      retired_at: null,
      updated_at: now,
    })
    .where('customer_id', '=', customerId)
    .where('id', '=', didId)
    .where('state', 'in', ['burned', 'retired'])
    .returningAll()
    .executeTakeFirst();
}

/**
 * The scoring window of every DID of a customer in one query: each DID's last `windowSize`
 * health events since its `score_since`, newest first.
 */
export async function didHealthWindows(
  db: Executor,
  customerId: string,
  windowSize = 50,
): Promise<Map<string, DidHealthEvent[]>> {
  const result = await sql<DidHealthEvent>`
    select e.* from dids d
    cross join lateral (
      select * from did_health_events h
      where h.did_id = d.id and (d.score_since is null or h.created_at >= d.score_since)
      order by h.created_at desc, h.id desc
      limit ${windowSize}
    ) e
    where d.customer_id = ${customerId}
    order by e.did_id, e.created_at desc, e.id desc`.execute(db);
  const windows = new Map<string, DidHealthEvent[]>();
  for (const row of result.rows) {
    const list = windows.get(row.did_id) ?? [];
    list.push(row);
    windows.set(row.did_id, list);
  }
  return windows;
}
