import { sql } from 'kysely';
import type { Executor } from '../database';
import type { Did, NewDid } from '../tables/dids.table';

export async function insertDid(db: Executor, did: NewDid): Promise<Did> {
  return db.insertInto('dids').values(did).returningAll().executeTakeFirstOrThrow();
}

/**
 * Spam-avoidance caps the selection query enforces. A DID back from cooldown ramps in: its hourly
 * cap grows linearly from `rampFloor` of `rampHourlyCalls` to all of it between `ramp_started_at`
 * and `ramp_until`; a `warming` DID gets `warmingShare` of `rampHourlyCalls` an hour.
 */
export interface DidCaps {
  /** Calls per DID per UTC day (default 100). */
  dailyCap: number;
  /** The hourly rate a ramping DID grows to (default 60). */
  rampHourlyCalls: number;
  /** Share of `rampHourlyCalls` a ramping DID starts with (default 0.1). */
  rampFloor: number;
  /** Share of `rampHourlyCalls` a warming DID gets (default 0.25). */
  warmingShare: number;
}

export const DEFAULT_DID_CAPS: DidCaps = {
  dailyCap: 100,
  rampHourlyCalls: 60,
  rampFloor: 0.1,
  warmingShare: 0.25,
};

export interface DidSelectionRequest {
  customerId: string;
  /** The prospect's NANP area code: a DID with the same one is preferred (local presence). */
  areaCode: string | null;
  /** The campaign's `callerIds`: when set, only these numbers may be used. */
  callerIds: readonly string[] | null;
  /**
   * The line a DID's health must not be confidently under (a campaign's `min_did_score`, default
   * 0.7): a DID is skipped only when its score's upper bound (`health_score_upper`) is below it.
   */
  minScore: number;
  /**
   * A DID with fewer scored calls than this stays selectable whatever its bounds, so that a few
   * early failures cannot retire it silently before it has earned a verdict (default 10).
   */
  minCalls?: number;
  now: Date;
  /** Daily, ramp and warming caps (default {@link DEFAULT_DID_CAPS}). */
  caps?: DidCaps;
}

export interface SmsDidSelectionRequest extends DidSelectionRequest {
  /** A DID sends at most one message per gap (default 15 minutes). */
  gapMs: number;
}

/**
 * The SQL twin of the domain's `isSelectableByHealth` (out only when confidently under the line),
 * and never a number its carrier refused as caller ID (suspended).
 */
const healthy = (req: { minScore: number; minCalls?: number }) =>
  sql`(suspended_at is null and (health_sample_size < ${req.minCalls ?? 10} or health_score_upper >= ${req.minScore}))`;

const hourStart = (now: Date) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
const utcDay = (now: Date) => now.toISOString().slice(0, 10);

/** The DID's hourly cap now: a warming DID's share, a ramping DID's growing share, else none. */
const hourlyCap = (req: DidSelectionRequest) => {
  const caps = req.caps ?? DEFAULT_DID_CAPS;
  return sql`(case
        when state = 'warming' then greatest(1, floor(${caps.rampHourlyCalls}::float8 * ${caps.warmingShare}::float8))
        when ramp_until is not null and ramp_until > ${req.now}::timestamptz then greatest(1, floor(${caps.rampHourlyCalls}::float8 *
          greatest(${caps.rampFloor}::float8, extract(epoch from (${req.now}::timestamptz - ramp_started_at))
            / nullif(extract(epoch from (ramp_until - ramp_started_at)), 0))))
        else 2147483647
      end)`;
};

/** The DID may place one more call now under its daily, ramp and warming caps. */
const withinCaps = (req: DidSelectionRequest) => {
  const caps = req.caps ?? DEFAULT_DID_CAPS;
  const hour = hourStart(req.now);
  const day = utcDay(req.now);
  return sql`(day_bucket is distinct from ${day}::date or day_calls < ${caps.dailyCap}::int)
    and (hour_bucket is distinct from ${hour}::timestamptz or hour_calls < ${hourlyCap(req)})`;
};

/** Calls the DID may still place now under its daily and hourly caps (may be 0 or less). */
const callsLeft = (req: DidSelectionRequest) => {
  const caps = req.caps ?? DEFAULT_DID_CAPS;
  const hour = hourStart(req.now);
  const day = utcDay(req.now);
  return sql`least(
      ${caps.dailyCap}::bigint - case when day_bucket = ${day}::date then day_calls else 0 end,
      ${hourlyCap(req)}::bigint - case when hour_bucket = ${hour}::timestamptz then hour_calls else 0 end)`;
};

/** Counts the call against the hour and day buckets, in the same statement that picks the DID. */
const countCall = (now: Date) => {
  const hour = hourStart(now);
  const day = utcDay(now);
  return sql`hour_calls = case when hour_bucket = ${hour}::timestamptz then hour_calls + 1 else 1 end,
    hour_bucket = ${hour}::timestamptz,
    day_calls = case when day_bucket = ${day}::date then day_calls + 1 else 1 end,
    day_bucket = ${day}::date`;
};

/**
 * How full the DID's day looks to selection: its calls today, counted twice while it has a
 * `warning` (confidently below the `ok` line, not yet below the cooldown one). A warned DID so
 * gets about half the calls of the others, never none: only further calls can clear its verdict
 * or confirm a cooldown, and a DID passed over for good would sit on a stale verdict unseen.
 * Point scores are not ranked: the intervals of healthy DIDs overlap, and ranking by them would
 * put every call on whichever DID scores highest by luck, the quickest way to get it flagged.
 */
const dayLoad = (now: Date) =>
  sql`((case when day_bucket = ${utcDay(now)}::date then day_calls else 0 end)
    * (case when health_verdict = 'warning' then 2 else 1 end))`;

const callerIdFilter = (callerIds: readonly string[] | null) =>
  callerIds && callerIds.length > 0 ? sql`and number = any(${sql.val([...callerIds])}::text[])` : sql``;

/**
 * Picks the caller ID for a call and stamps `last_call_at` in one statement: active, healthy
 * enough, allowed by the campaign; local presence first, then the lightest day (calls today, a
 * warned DID's counted twice), then least recently used. Calls spread evenly over equally good DIDs, also
 * within one batch (whose selections share a clock) and across workers whose clocks differ.
 * `SKIP LOCKED` keeps concurrent selectors off each other's rows; only when every candidate is
 * momentarily locked does it wait for one (so "busy" is never mistaken for "none").
 */
export async function selectDidForCall(db: Executor, req: DidSelectionRequest): Promise<Did | undefined> {
  const pick = (lockMode: 'skip' | 'wait') =>
    sql<Did>`
    update dids d
    set last_call_at = ${req.now}, updated_at = ${req.now}, ${countCall(req.now)}
    where d.id = (
      select id from dids
      where customer_id = ${req.customerId}
        and state in ('active', 'warming')
        and ${healthy(req)}
        and ${withinCaps(req)}
        ${callerIdFilter(req.callerIds)}
      order by coalesce(area_code = ${req.areaCode}, false) desc,
               ${dayLoad(req.now)},
               last_call_at asc nulls first,
               id
      limit 1
      for update ${lockMode === 'skip' ? sql`skip locked` : sql``}
    )
    returning d.*`.execute(db);
  // Every candidate locked by concurrent selectors is "busy", not "none": try the others again
  // shortly (spreading the load), and only then queue behind a lock.
  for (let attempt = 0; attempt < 5; attempt++) {
    const skipped = await pick('skip');
    if (skipped.rows[0]) return skipped.rows[0];
    const anyEligible = await sql<{ id: string }>`
      select id from dids
      where customer_id = ${req.customerId} and state in ('active', 'warming') and ${healthy(req)} and ${withinCaps(req)}
      ${callerIdFilter(req.callerIds)}
      limit 1`.execute(db);
    if (anyEligible.rows.length === 0) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
  }
  return (await pick('wait')).rows[0];
}

/**
 * Picks the caller ID for a text and stamps `last_sms_at`: as for calls, plus the per-DID gap.
 * The gap condition sits in the locked row's WHERE clause, so under READ COMMITTED a selector
 * that waited for a row re-checks it after the other's update and cannot send inside the gap.
 */
export async function selectDidForSms(db: Executor, req: SmsDidSelectionRequest): Promise<Did | undefined> {
  const gapStart = new Date(req.now.getTime() - req.gapMs);
  const result = await sql<Did>`
    update dids d
    set last_sms_at = ${req.now}, updated_at = ${req.now}, ${countCall(req.now)}
    where d.id = (
      select id from dids
      where customer_id = ${req.customerId}
        and state in ('active', 'warming')
        and ${healthy(req)}
        and ${withinCaps(req)}
        and (last_sms_at is null or last_sms_at <= ${gapStart})
        ${callerIdFilter(req.callerIds)}
      order by coalesce(area_code = ${req.areaCode}, false) desc,
               ${dayLoad(req.now)},
               last_sms_at asc nulls first,
               id
      limit 1
      for update skip locked
    )
    and (d.last_sms_at is null or d.last_sms_at <= ${gapStart})
    returning d.*`.execute(db);
  return result.rows[0];
}

/** How many DIDs could send or call now (drives the SMS tick and the no-DID auto-pause). */
export async function countUsableDids(
  db: Executor,
  customerId: string,
  minScore: number,
  callerIds: readonly string[] | null,
  options: { minCalls?: number; now?: Date; caps?: DidCaps } = {},
): Promise<number> {
  const req: DidSelectionRequest = {
    customerId,
    areaCode: null,
    callerIds,
    minScore,
    now: options.now ?? new Date(),
    ...(options.minCalls !== undefined ? { minCalls: options.minCalls } : {}),
    ...(options.caps ? { caps: options.caps } : {}),
  };
  const result = await sql<{ count: number }>`
    select count(*)::int as count from dids
    where customer_id = ${customerId} and state in ('active', 'warming') and ${healthy(req)} and ${withinCaps(req)}
    ${callerIdFilter(callerIds)}`.execute(db);
  return result.rows[0]?.count ?? 0;
}

/**
 * The health of a DID with no calls to judge (new, back from cooldown, reinstated): score 1,
 * bounds 0 and 1 (nothing known), no verdict until it has enough fresh calls.
 */
export const NO_HEALTH_EVIDENCE = Object.freeze({
  health_score: 1,
  health_score_upper: 1,
  health_score_lower: 0,
  health_sample_size: 0,
  health_verdict: 'unrated',
});

/** How long a DID back from cooldown takes to ramp to full rotation (default 2 hours). */
export const DEFAULT_RAMP_MS = 2 * 60 * 60 * 1000;

export interface LifecycleTransitions {
  /** Cooling DIDs whose cooldown has passed: active again, ramping in, judged on new calls only. */
  rampedIn: Array<Pick<Did, 'id' | 'customer_id' | 'number'>>;
  /** Warming DIDs whose warming period is complete. */
  warmed: Array<Pick<Did, 'id' | 'customer_id' | 'number'>>;
}

/**
 * The DID lifecycle step run by the `did-lifecycle` schedule. Burned and retired DIDs are never
 * touched: only an operator brings them back.
 */
export async function advanceDidLifecycle(
  db: Executor,
  now: Date,
  rampMs = DEFAULT_RAMP_MS,
): Promise<LifecycleTransitions> {
  const rampedIn = await db
    .updateTable('dids')
    .set({
      state: 'active',
      cooldown_until: null,
      score_since: now,
      ramp_started_at: now,
      ramp_until: new Date(now.getTime() + rampMs),
      ...NO_HEALTH_EVIDENCE,
      updated_at: now,
    })
    .where('state', '=', 'cooling')
    .where('cooldown_until', '<=', now)
    .returning(['id', 'customer_id', 'number'])
    .execute();
  const warmed = await db
    .updateTable('dids')
    .set({ state: 'active', warming_until: null, updated_at: now })
    .where('state', '=', 'warming')
    .where('warming_until', '<=', now)
    .returning(['id', 'customer_id', 'number'])
    .execute();
  return { rampedIn, warmed };
}

/**
 * How many calls the DIDs a selection could use may still place now under their caps, counted up
 * to `upTo` (a dial tick claims no more prospects than that). 0 means no usable DID at all.
 */
export async function didCallCapacity(db: Executor, req: DidSelectionRequest, upTo: number): Promise<number> {
  const result = await sql<{ capacity: number }>`
    select least(coalesce(sum(least(left_now, ${upTo}::bigint)), 0), ${upTo}::bigint)::int as capacity
    from (
      select ${callsLeft(req)} as left_now from dids
      where customer_id = ${req.customerId} and state in ('active', 'warming') and ${healthy(req)}
        ${callerIdFilter(req.callerIds)}
    ) d
    where left_now > 0`.execute(db);
  return result.rows[0]?.capacity ?? 0;
}

/**
 * Takes a DID out of rotation because its carrier refused it as caller ID. Returns the DID when
 * this call suspended it (not when it already was), so that one event is published per suspension.
 */
export async function suspendDid(
  db: Executor,
  didId: string,
  reason: string,
  now: Date,
): Promise<Pick<Did, 'id' | 'customer_id' | 'number'> | undefined> {
  return db
    .updateTable('dids')
    .set({ suspended_at: now, suspended_reason: reason.slice(0, 300), updated_at: now })
    .where('id', '=', didId)
    .where('suspended_at', 'is', null)
    .returning(['id', 'customer_id', 'number'])
    .executeTakeFirst();
}

/**
 * The carrier accounts (null: the environment's) of the DIDs that could place a call now for this
 * request: a tick takes no more prospects than these accounts' rate limits leave room for.
 */
export async function usableDidAccounts(
  db: Executor,
  req: DidSelectionRequest,
): Promise<Array<string | null>> {
  const result = await sql<{ carrier_account_id: string | null }>`
    select distinct carrier_account_id from dids
    where customer_id = ${req.customerId} and state in ('active', 'warming') and ${healthy(req)} and ${withinCaps(req)}
    ${callerIdFilter(req.callerIds)}`.execute(db);
  return result.rows.map((r) => r.carrier_account_id);
}
