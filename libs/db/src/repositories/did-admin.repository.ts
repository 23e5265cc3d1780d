import { sql } from 'kysely';
import type { TimedScoredCall } from '@engine/domain';
import type { Executor } from '../database';
import type { DidHealthEvent } from '../tables/did-health-events.table';
import type { Did, DidState } from '../tables/dids.table';
import { toTimedScoredCalls } from './did-health.repository';
import { NO_HEALTH_EVIDENCE } from './dids.repository';

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
  /** The last DID of the previous page (keyset: number, then id). */
  after?: { number: string; id: string };
}

/** One customer's DIDs ordered by number, then id. */
export async function listDidsPage(db: Executor, req: DidPageRequest): Promise<Did[]> {
  let query = db.selectFrom('dids').selectAll().where('customer_id', '=', req.customerId);
  if (req.state) query = query.where('state', '=', req.state);
  const after = req.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('number', '>', after.number),
        eb.and([eb('number', '=', after.number), eb('id', '>', after.id)]),
      ]),
    );
  }
  return query.orderBy('number').orderBy('id').limit(req.limit).execute();
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
  // Suspended (its carrier refused it as caller ID) but otherwise in rotation: only the
  // suspension is lifted, its health stands.
  const unsuspended = await db
    .updateTable('dids')
    .set({ suspended_at: null, suspended_reason: null, updated_at: now })
    .where('customer_id', '=', customerId)
    .where('id', '=', didId)
    .where('suspended_at', 'is not', null)
    .where('state', 'not in', ['burned', 'retired'])
    .returningAll()
    .executeTakeFirst();
  if (unsuspended) return unsuspended;
  return db
    .updateTable('dids')
    .set({
      state: 'active',
      ...NO_HEALTH_EVIDENCE,
      cooldown_until: null,
      warming_until: null,
      score_since: now,
      retired_at: null,
      suspended_at: null,
      suspended_reason: null,
      updated_at: now,
    })
    .where('customer_id', '=', customerId)
    .where('id', '=', didId)
    .where('state', 'in', ['burned', 'retired'])
    .returningAll()
    .executeTakeFirst();
}

/** A DID and its last calls, newest first, regardless of `score_since`. */
export interface DidWithRecentCalls {
  did: Did;
  recentCalls: TimedScoredCall[];
}

/**
 * Every DID of a customer (ordered by number) with its last `windowSize` health events regardless
 * of `score_since`, in one round trip: what the domain's `assessDidHealth` judges, so the API
 * shows the verdict the engine acts on.
 */
export async function didsWithRecentCalls(
  db: Executor,
  customerId: string,
  windowSize = 50,
): Promise<DidWithRecentCalls[]> {
  const [dids, events] = await Promise.all([
    db
      .selectFrom('dids')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('number')
      .orderBy('id')
      .execute(),
    sql<DidHealthEvent>`
      select e.* from dids d
      cross join lateral (
        select * from did_health_events h
        where h.did_id = d.id
        order by h.created_at desc, h.id desc
        limit ${windowSize}
      ) e
      where d.customer_id = ${customerId}
      order by e.did_id, e.created_at desc, e.id desc`.execute(db),
  ]);
  const byDid = new Map<string, DidHealthEvent[]>();
  for (const row of events.rows) {
    const list = byDid.get(row.did_id) ?? [];
    list.push(row);
    byDid.set(row.did_id, list);
  }
  return dids.map((did) => ({ did, recentCalls: toTimedScoredCalls(byDid.get(did.id) ?? []) }));
}

/** One line of a DID pool overview: the stored health and counts over every call ever placed. */
export interface DidPoolLine {
  number: string;
  state: DidState;
  health_score: number;
  health_score_lower: number;
  health_score_upper: number;
  health_verdict: string;
  health_sample_size: number;
  calls: number;
  answered: number;
  spam: number;
}

/** A customer's DIDs with their stored health and lifetime call counts, ordered by number. */
export async function didPoolOverview(db: Executor, customerId: string): Promise<DidPoolLine[]> {
  const result = await sql<DidPoolLine>`
    select d.number, d.state, d.health_score, d.health_score_lower,
           d.health_score_upper, d.health_verdict, d.health_sample_size,
           count(e.id)::int as calls,
           count(e.id) filter (where e.outcome in ('human_connected', 'human_hangup', 'voicemail'))::int as answered,
           count(e.id) filter (where e.spam_flagged)::int as spam
    from dids d left join did_health_events e on e.did_id = d.id
    where d.customer_id = ${customerId}
    group by d.id order by d.number`.execute(db);
  return result.rows;
}

/**
 * Puts the customer's DID on a carrier account when it has none (sync-dids); false when it is
 * not theirs or already on an account. Retired DIDs are left alone: reinstating is an operator's call.
 */
export async function attachDidToCarrierAccount(
  db: Executor,
  customerId: string,
  didId: string,
  carrierAccountId: string,
  now = new Date(),
): Promise<boolean> {
  const row = await db
    .updateTable('dids')
    .set({ carrier_account_id: carrierAccountId, updated_at: now })
    .where('customer_id', '=', customerId)
    .where('id', '=', didId)
    .where('carrier_account_id', 'is', null)
    .where('state', '<>', 'retired')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
