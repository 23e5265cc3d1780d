import { sql } from 'kysely';
import type { Executor } from '../database';
import { addSuppressions } from './suppressions.repository';

/**
 * A recipient texted STOP to one of the customer's numbers: suppress the phone for that customer
 * and cancel its queued prospects in every campaign of that customer, in one transaction. Other
 * customers' prospects with the same phone are left alone: the opt-out is the customer's.
 * Returns how many prospects were cancelled.
 */
export async function recordOptOut(
  db: Executor,
  customerId: string,
  phone: string,
  reason: string,
): Promise<number> {
  const apply = async (tx: Executor) => {
    await addSuppressions(tx, customerId, [{ phone, reason, source: 'opt_out' }]);
    const cancelled = await tx
      .updateTable('prospects')
      .set({ status: 'cancelled', status_reason: 'opt_out', updated_at: sql<Date>`now()` })
      .where('phone', '=', phone)
      .where('status', '=', 'queued')
      .where('campaign_id', 'in', (eb) =>
        eb.selectFrom('campaigns').select('campaigns.id').where('campaigns.customer_id', '=', customerId),
      )
      .executeTakeFirst();
    return Number(cancelled.numUpdatedRows);
  };
  return db.isTransaction ? apply(db) : db.transaction().execute(apply);
}

/** START after STOP: lifts the customer's opt-out of `phone`, never a suppression an operator added. */
export async function liftOptOut(db: Executor, customerId: string, phone: string): Promise<boolean> {
  const result = await db
    .deleteFrom('suppressions')
    .where('customer_id', '=', customerId)
    .where('phone', '=', phone)
    .where('source', '=', 'opt_out')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Whether the customer had already suppressed `phone` (any source) before `at`, the moment an
 * inbound message arrived. A number already opted out gets no second opt-out confirmation (the
 * FCC allows one), and a number an operator suppressed gets none at all: it receives nothing. A
 * retried webhook of the message that suppressed the number still finds it "not before" (the
 * suppression was written after the message), so a confirmation that failed to go out is retried.
 */
export async function suppressedBefore(
  db: Executor,
  customerId: string,
  phone: string,
  at: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('suppressions')
    .select('created_at')
    .where('customer_id', '=', customerId)
    .where('phone', '=', phone)
    .where('created_at', '<', at)
    .executeTakeFirst();
  return row !== undefined;
}
