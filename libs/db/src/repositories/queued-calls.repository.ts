import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CallPriority } from '@engine/domain';
import { priorityRank } from '@engine/domain';
import type { Executor } from '../database';

/** One call to queue, already validated and normalised by the caller. */
export interface QueuedCallInput {
  /** E.164. */
  phone: string;
  areaCode: string | null;
  timezone?: string | null;
  customCallId: string | null;
  batchId: string | null;
  /** One of the customer's campaigns the caller files the call under, checked by the caller. */
  campaignId: string | null;
  priority: CallPriority;
  /** Not before; null: now. */
  scheduledAt: Date | null;
  maxRetries: number;
  /** The seed's `call_config` (snake_case), stored as given; its `variables` also become the prospect's. */
  callConfig: Record<string, unknown>;
}

/** What became of one input: a new call, or the call its `custom_call_id` already named. */
export interface QueuedCallResult {
  callId: string;
  prospectId: number;
  created: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows per INSERT statement (PostgreSQL binds at most 65,535 parameters). */
const CHUNK = 2_000;

/**
 * Queues calls on the customer's call queue `queueId`, in one transaction the caller opens.
 *
 * `custom_call_id` is the caller's idempotency key: a call whose id is already queued (before, in
 * a concurrent request, or earlier in the same list) is not queued again; its result names the
 * first call. Concurrent requests of one customer that carry custom ids serialise on an advisory
 * lock for the length of their transactions, so two of them can never both insert one id.
 */
export async function insertQueuedCalls(
  tx: Executor,
  customerId: string,
  queueId: string,
  calls: readonly QueuedCallInput[],
  now: Date,
): Promise<QueuedCallResult[]> {
  const customIds = [...new Set(calls.map((c) => c.customCallId).filter((id): id is string => id !== null))];
  const known = new Map<string, QueuedCallResult>();
  if (customIds.length > 0) {
    await sql`select pg_advisory_xact_lock(hashtext(${`queued_calls:${customerId}`}))`.execute(tx);
    for (const row of await findByCustomIds(tx, customerId, customIds))
      known.set(row.custom_call_id!, { callId: row.id, prospectId: Number(row.prospect_id), created: false });
  }

  const results: Array<QueuedCallResult | undefined> = new Array(calls.length);
  const fresh: Array<{ index: number; call: QueuedCallInput; callId: string }> = [];
  const claimedHere = new Map<string, number>();
  calls.forEach((call, index) => {
    const existing = call.customCallId === null ? undefined : known.get(call.customCallId);
    if (existing) results[index] = existing;
    else if (call.customCallId !== null && claimedHere.has(call.customCallId)) return;
    else {
      if (call.customCallId !== null) claimedHere.set(call.customCallId, index);
      fresh.push({ index, call, callId: randomUUID() });
    }
  });

  for (let i = 0; i < fresh.length; i += CHUNK) {
    const chunk = fresh.slice(i, i + CHUNK);
    const prospectIds = await insertCallProspects(
      tx,
      queueId,
      chunk.map((f) => f.call),
      now,
    );
    await tx
      .insertInto('queued_calls')
      .values(
        chunk.map((f, k) => ({
          id: f.callId,
          customer_id: customerId,
          queue_id: queueId,
          prospect_id: prospectIds[k]!,
          custom_call_id: f.call.customCallId,
          batch_id: f.call.batchId,
          campaign_id: f.call.campaignId,
          priority: f.call.priority,
          scheduled_at: f.call.scheduledAt,
          max_retries: f.call.maxRetries,
          created_at: now,
        })),
      )
      .execute();
    chunk.forEach((f, k) => {
      results[f.index] = { callId: f.callId, prospectId: prospectIds[k]!, created: true };
    });
  }
  // A repeated custom id within the list names the call its first occurrence created.
  calls.forEach((call, index) => {
    if (results[index] || call.customCallId === null) return;
    const first = claimedHere.get(call.customCallId);
    const firstResult = first === undefined ? undefined : results[first];
    if (firstResult) results[index] = { ...firstResult, created: false };
  });
  return results.map((r, i) => {
    if (!r) throw new Error(`queued call ${i} has no result`);
    return r;
  });
}

/**
 * The calls' prospect rows, in input order (a multi-row INSERT ... RETURNING returns rows in the
 * order of its VALUES in PostgreSQL, which bulk inserters rely on; the ids are checked anyway).
 */
async function insertCallProspects(
  tx: Executor,
  queueId: string,
  calls: readonly QueuedCallInput[],
  now: Date,
): Promise<number[]> {
  const rows = await tx
    .insertInto('prospects')
    .values(
      calls.map((c) => ({
        campaign_id: queueId,
        phone: c.phone,
        area_code: c.areaCode,
        timezone: c.timezone ?? null,
        variables: JSON.stringify(stringVariables(c.callConfig['variables'])),
        priority: priorityRank(c.priority),
        max_attempts: 1 + c.maxRetries,
        call_config: JSON.stringify(c.callConfig),
        ad_hoc: true,
        next_attempt_at: c.scheduledAt && c.scheduledAt > now ? c.scheduledAt : now,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning('id')
    .execute();
  const ids = rows.map((r) => Number(r.id));
  if (ids.length !== calls.length || ids.some((id, i) => i > 0 && id <= ids[i - 1]!))
    throw new Error('prospect ids of queued calls did not come back in insertion order');
  return ids;
}

function stringVariables(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]),
  );
}

async function findByCustomIds(tx: Executor, customerId: string, customIds: readonly string[]) {
  return tx
    .selectFrom('queued_calls')
    .select(['id', 'prospect_id', 'custom_call_id'])
    .where('customer_id', '=', customerId)
    .where('custom_call_id', 'in', [...customIds])
    .execute();
}

/**
 * Cancels queued calls that have not been dialed (their prospect is still `queued`, scheduled or
 * waiting for a retry): the prospect becomes `cancelled` (`status_reason` = `reason`), the call
 * records when and why. A call being dialed or finished is left alone. Returns the calls cancelled.
 */
export async function cancelQueuedCalls(
  db: Executor,
  customerId: string,
  callIds: readonly string[],
  reason: string,
  now: Date,
): Promise<string[]> {
  const ids = callIds.filter((id) => UUID.test(id));
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string }>`
    with targets as (
      select q.id, q.prospect_id from queued_calls q
      where q.customer_id = ${customerId} and q.id = any(${sql.val(ids)}::uuid[])
    ),
    done as (
      update prospects p set status = 'cancelled', status_reason = ${reason}, updated_at = ${now}
      from targets t where p.id = t.prospect_id and p.status = 'queued'
      returning p.id
    )
    update queued_calls q set cancelled_at = ${now}, cancel_reason = ${reason}
    from done d where q.prospect_id = d.id
    returning q.id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** A queued call's id and its attempt limit, by prospect: what settling its attempts needs. */
export interface QueuedCallOfProspect {
  prospectId: number;
  callId: string;
  customCallId: string | null;
  maxAttempts: number | null;
}

/** The queued calls behind these prospects (prospects of a campaign have none). */
export async function queuedCallsOfProspects(
  db: Executor,
  prospectIds: readonly number[],
): Promise<Map<number, QueuedCallOfProspect>> {
  if (prospectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('queued_calls as q')
    .innerJoin('prospects as p', 'p.id', 'q.prospect_id')
    .select(['q.prospect_id', 'q.id', 'q.custom_call_id', 'p.max_attempts'])
    .where('q.prospect_id', 'in', [...prospectIds])
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.prospect_id),
      {
        prospectId: Number(r.prospect_id),
        callId: r.id,
        customCallId: r.custom_call_id,
        maxAttempts: r.max_attempts,
      },
    ]),
  );
}

/** What a queued call's state is derived from: its prospect and its latest attempt. */
export interface QueuedCallProgress {
  callId: string;
  customerId: string;
  queueId: string;
  customCallId: string | null;
  prospectStatus: string;
  statusReason: string | null;
  nextAttemptAt: Date;
  attemptCount: number;
  lastOutcome: string | null;
  latestAttemptStatus: string | null;
}

/** One queued call's progress, by its id; undefined when there is no such call. */
export async function findQueuedCallProgress(
  db: Executor,
  callId: string,
): Promise<QueuedCallProgress | undefined> {
  if (!UUID.test(callId)) return undefined;
  const row = await db
    .selectFrom('queued_calls as q')
    .innerJoin('prospects as p', 'p.id', 'q.prospect_id')
    .select([
      'q.id',
      'q.customer_id',
      'q.queue_id',
      'q.custom_call_id',
      'p.status',
      'p.status_reason',
      'p.next_attempt_at',
      'p.attempt_count',
      'p.last_outcome',
      (eb) =>
        eb
          .selectFrom('call_attempts as a')
          .select('a.status')
          .whereRef('a.prospect_id', '=', 'p.id')
          .orderBy('a.attempt_number', 'desc')
          .limit(1)
          .as('latest_attempt_status'),
    ])
    .where('q.id', '=', callId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    callId: row.id,
    customerId: row.customer_id,
    queueId: row.queue_id,
    customCallId: row.custom_call_id,
    prospectStatus: row.status,
    statusReason: row.status_reason,
    nextAttemptAt: row.next_attempt_at,
    attemptCount: row.attempt_count,
    lastOutcome: row.last_outcome,
    latestAttemptStatus: row.latest_attempt_status ?? null,
  };
}
