import { sql } from 'kysely';
import type { Executor } from '../database';
import type { CallBatch } from '../tables/queued-calls.table';

/**
 * Records a bulk-queue request. False when the customer already used `batchId` (the primary
 * key): a batch id names one request, so the caller refuses the second one. Call it in the
 * transaction that queues the batch's calls, so a refused or failed batch leaves nothing behind.
 */
export async function insertCallBatch(
  tx: Executor,
  batch: { customerId: string; batchId: string; submitted: number; accepted: number; rejected: number },
  now: Date,
): Promise<boolean> {
  const result = await tx
    .insertInto('call_batches')
    .values({
      customer_id: batch.customerId,
      batch_id: batch.batchId,
      submitted: batch.submitted,
      accepted: batch.accepted,
      rejected: batch.rejected,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['customer_id', 'batch_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The customer's batch, if it has one of that id. */
export async function findCallBatch(
  db: Executor,
  customerId: string,
  batchId: string,
): Promise<CallBatch | undefined> {
  return db
    .selectFrom('call_batches')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
}

/**
 * The batch's calls grouped by what their state is derived from (see `callStateOf`): the
 * prospect's status, whether it is due later than `now`, and for a call being dialed its latest
 * attempt's status. One aggregate over the batch; a few groups at most.
 */
export async function callBatchStateGroups(
  db: Executor,
  customerId: string,
  batchId: string,
  now: Date,
): Promise<Array<{ prospectStatus: string; later: boolean; attemptStatus: string | null; count: number }>> {
  const rows = await sql<{ status: string; later: boolean; attempt_status: string | null; n: string }>`
    select p.status, p.next_attempt_at > ${now} as later,
           case when p.status = 'dialing' then (
             select a.status from call_attempts a where a.prospect_id = p.id
             order by a.attempt_number desc limit 1
           ) end as attempt_status,
           count(*) as n
    from queued_calls q join prospects p on p.id = q.prospect_id
    where q.customer_id = ${customerId} and q.batch_id = ${batchId}
    group by 1, 2, 3`.execute(db);
  return rows.rows.map((r) => ({
    prospectStatus: r.status,
    later: r.later,
    attemptStatus: r.attempt_status,
    count: Number(r.n),
  }));
}
