import { sql } from 'kysely';
import type { Executor } from '../database';
import type { Campaign } from '../tables/campaigns.table';

/**
 * The customer's open call queue (a campaign of kind `call_queue`), created on first use. Its
 * calls go to the AI agent (seed 001's calls all do) unless a call's `call_config.agent` says
 * `plain`. Two
 * concurrent first calls both end up with the same row: the partial unique index allows one open
 * queue per customer, the loser's insert does nothing and it reads the winner's.
 */
export async function ensureCallQueue(db: Executor, customerId: string): Promise<Campaign> {
  const open = await findOpenCallQueue(db, customerId);
  if (open) return open;
  await sql`
    insert into campaigns (customer_id, name, channel, kind, mode, schedule)
    values (${customerId}, 'Call queue', 'voice', 'call_queue', '{"agent":"ai"}'::jsonb, '{}'::jsonb)
    on conflict (customer_id) where kind = 'call_queue' and status not in ('completed', 'cancelled') do nothing`.execute(
    db,
  );
  const created = await findOpenCallQueue(db, customerId);
  if (!created) throw new Error(`call queue of customer ${customerId} could not be created`);
  return created;
}

/** The customer's open call queue, if it has one. */
export async function findOpenCallQueue(db: Executor, customerId: string): Promise<Campaign | undefined> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'call_queue')
    .where('status', 'not in', ['completed', 'cancelled'])
    .executeTakeFirst();
}

/** Records the queue's workflow id once its workflow is started (or signalled with start). */
export async function setCallQueueWorkflowId(
  db: Executor,
  queueId: string,
  workflowId: string,
): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({ workflow_id: workflowId })
    .where('id', '=', queueId)
    .where('workflow_id', 'is', null)
    .execute();
}

/** The pace of a customer's call queue (`customers.queue_calls_per_second`), or undefined: the default. */
export async function callQueuePace(db: Executor, customerId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('customers')
    .select('queue_calls_per_second')
    .where('id', '=', customerId)
    .executeTakeFirst();
  return row?.queue_calls_per_second ?? undefined;
}

/** Sets the pace of a customer's call queue (null: the default). */
export async function setCallQueuePace(db: Executor, customerId: string, pace: number | null): Promise<void> {
  await db
    .updateTable('customers')
    .set({ queue_calls_per_second: pace })
    .where('id', '=', customerId)
    .execute();
}
