import { sql } from 'kysely';
import type { Executor } from '../database';
import type { CallAttempt } from '../tables/call-attempts.table';
import type { QueuedCall } from '../tables/queued-calls.table';
import { isUuid } from '../uuid';

/** A queued call with what its state is derived from: its prospect and its latest attempt. */
export type QueuedCallRow = QueuedCall & {
  phone: string;
  prospect_status: string;
  status_reason: string | null;
  next_attempt_at: Date;
  attempt_count: number;
  latest_attempt_status: string | null;
};

/**
 * The customer's queued call named by `ref`: its id when `ref` is a UUID and such a call exists,
 * else the call whose `custom_call_id` is `ref`. Another customer's call is never found.
 */
export async function findQueuedCallRow(
  db: Executor,
  customerId: string,
  ref: string,
): Promise<QueuedCallRow | undefined> {
  const byId = isUuid(ref);
  return (
    db
      .selectFrom('queued_calls as q')
      .innerJoin('prospects as p', 'p.id', 'q.prospect_id')
      .selectAll('q')
      .select([
        'p.phone',
        'p.status as prospect_status',
        'p.status_reason',
        'p.next_attempt_at',
        'p.attempt_count',
        sql<string | null>`(select a.status from call_attempts a where a.prospect_id = p.id
                          order by a.attempt_number desc limit 1)`.as('latest_attempt_status'),
      ])
      .where('q.customer_id', '=', customerId)
      .where((eb) =>
        byId
          ? eb.or([eb('q.id', '=', ref.toLowerCase()), eb('q.custom_call_id', '=', ref)])
          : eb('q.custom_call_id', '=', ref),
      )
      // A UUID that is one call's id and another's custom id names the first.
      .$if(byId, (q) => q.orderBy(sql`q.id = ${ref.toLowerCase()}::uuid`, 'desc'))
      .limit(1)
      .executeTakeFirst()
  );
}

/** A call's attempts, first to last. */
export async function listCallAttempts(db: Executor, prospectId: number): Promise<CallAttempt[]> {
  return db
    .selectFrom('call_attempts')
    .selectAll()
    .where('prospect_id', '=', prospectId)
    .orderBy('attempt_number')
    .execute();
}

/** Which of `ids` are the customer's campaigns (kind `campaign`, any status): the ones a call may name. */
export async function findCustomerCampaignIds(
  db: Executor,
  customerId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const uuids = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  if (uuids.length === 0) return new Set();
  const rows = await db
    .selectFrom('campaigns')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'campaign')
    .where('id', 'in', uuids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The numbers of `GET /api/queue/status`, from the queue's prospects and attempts. */
export interface CallQueueMetrics {
  /** Queued and due now, by priority rank (1 = low ... 4 = urgent). */
  dueByRank: Map<number, number>;
  /** Queued, due later (scheduled, waiting for a retry or for the recipient's calling window). */
  scheduled: number;
  /** Being dialed or in progress. */
  inFlight: number;
  /** Calls sent to the carrier in the last 60 seconds. */
  originatedLastMinute: number;
  /** Calls whose last attempt ended in the last hour, answered or not. */
  endedLastHour: { completed: number; failed: number; completedDurationSeconds: number };
}

/** The longest a call can last (`max_duration` 14,400 s): an attempt that ended in the last hour began within this much more. */
const LONGEST_CALL = '4 hours';

/** Statuses of a call that was answered; the others of a finished call (but `cancelled`) are failures. */
const ANSWERED = ['human_connected', 'human_hangup', 'voicemail'];
const UNANSWERED = ['no_answer', 'busy', 'failed'];

/**
 * The queue's metrics. Each count reads an index range: the claim index for the queued rows,
 * (campaign_id, status) for those dialing, and the originated-attempts index for what happened
 * recently, so the cost stays flat however many calls the queue has finished before.
 */
export async function callQueueMetrics(db: Executor, queueId: string, now: Date): Promise<CallQueueMetrics> {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const minuteAgo = new Date(now.getTime() - 60_000);
  const [queued, inFlight, recent, ended] = await Promise.all([
    sql<{ priority: number; later: boolean; n: string }>`
      select priority, next_attempt_at > ${now} as later, count(*) as n from prospects
      where campaign_id = ${queueId} and status = 'queued' group by 1, 2`.execute(db),
    sql<{ n: string }>`
      select count(*) as n from prospects where campaign_id = ${queueId} and status = 'dialing'`.execute(db),
    sql<{ n: string }>`
      select count(*) as n from call_attempts
      where campaign_id = ${queueId} and originated_at is not null and originated_at > ${minuteAgo}`.execute(
      db,
    ),
    sql<{ answered: boolean; n: string; seconds: string | null }>`
      with last_attempts as (
        select distinct on (a.prospect_id) a.prospect_id, a.completed_at, a.duration_seconds
        from call_attempts a
        where a.campaign_id = ${queueId} and a.originated_at is not null
          and a.originated_at > ${hourAgo}::timestamptz - ${LONGEST_CALL}::interval
        order by a.prospect_id, a.attempt_number desc
      )
      select p.status = any(${sql.val(ANSWERED)}::text[]) as answered, count(*) as n,
             sum(l.duration_seconds) as seconds
      from last_attempts l join prospects p on p.id = l.prospect_id
      where l.completed_at > ${hourAgo} and p.status = any(${sql.val([...ANSWERED, ...UNANSWERED])}::text[])
      group by 1`.execute(db),
  ]);
  const dueByRank = new Map<number, number>();
  let scheduled = 0;
  for (const row of queued.rows) {
    if (row.later) scheduled += Number(row.n);
    else dueByRank.set(row.priority, (dueByRank.get(row.priority) ?? 0) + Number(row.n));
  }
  const answered = ended.rows.find((r) => r.answered);
  const unanswered = ended.rows.find((r) => !r.answered);
  return {
    dueByRank,
    scheduled,
    inFlight: Number(inFlight.rows[0]?.n ?? 0),
    originatedLastMinute: Number(recent.rows[0]?.n ?? 0),
    endedLastHour: {
      completed: Number(answered?.n ?? 0),
      failed: Number(unanswered?.n ?? 0),
      completedDurationSeconds: Number(answered?.seconds ?? 0),
    },
  };
}

/** A call being dialed with its current attempt (none yet just after the claim). */
export interface ActiveCallRow {
  call_id: string;
  custom_call_id: string | null;
  batch_id: string | null;
  campaign_id: string | null;
  priority: QueuedCall['priority'];
  prospect_id: number;
  phone: string;
  attempt_number: number | null;
  attempt_id: string | null;
  attempt_status: string | null;
  from_number: string | null;
  provider: string | null;
  started_at: Date | null;
}

/** The queue's calls being dialed or in progress, in claim order of their prospects (keyset on the prospect id). */
export async function listActiveCalls(
  db: Executor,
  req: { queueId: string; limit: number; afterProspectId?: number },
): Promise<ActiveCallRow[]> {
  const rows = await sql<ActiveCallRow & { prospect_id: string | number }>`
    select q.id as call_id, q.custom_call_id, q.batch_id, q.campaign_id, q.priority,
           p.id as prospect_id, p.phone, a.attempt_number, a.id as attempt_id, a.status as attempt_status,
           a.from_number, a.provider, coalesce(a.originated_at, a.created_at) as started_at
    from prospects p
    join queued_calls q on q.prospect_id = p.id
    left join lateral (
      select * from call_attempts ca where ca.prospect_id = p.id order by ca.attempt_number desc limit 1
    ) a on true
    where p.campaign_id = ${req.queueId} and p.status = 'dialing'
      and p.id > ${req.afterProspectId ?? 0}
    order by p.id
    limit ${req.limit}`.execute(db);
  return rows.rows.map((r) => ({ ...r, prospect_id: Number(r.prospect_id) }));
}
