import type { Executor } from '../database';
import type { SuppressionSource } from '../tables/suppressions.table';

export interface SuppressionInput {
  phone: string;
  reason?: string | null;
  source?: SuppressionSource;
}

/** Adds entries; an existing entry keeps its original reason and date. Returns how many were new. */
export async function addSuppressions(
  db: Executor,
  customerId: string,
  entries: SuppressionInput[],
): Promise<number> {
  if (entries.length === 0) return 0;
  const result = await db
    .insertInto('suppressions')
    .values(
      entries.map((e) => ({
        customer_id: customerId,
        phone: e.phone,
        reason: e.reason ?? null,
        source: e.source ?? 'manual',
      })),
    )
    .onConflict((oc) => oc.columns(['customer_id', 'phone']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function removeSuppression(db: Executor, customerId: string, phone: string): Promise<boolean> {
  const result = await db
    .deleteFrom('suppressions')
    .where('customer_id', '=', customerId)
    .where('phone', '=', phone)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function isSuppressed(db: Executor, customerId: string, phone: string): Promise<boolean> {
  const row = await db
    .selectFrom('suppressions')
    .select('phone')
    .where('customer_id', '=', customerId)
    .where('phone', '=', phone)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of `phones` are suppressed for the customer, in one query. */
export async function suppressedAmong(
  db: Executor,
  customerId: string,
  phones: readonly string[],
): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await db
    .selectFrom('suppressions')
    .select('phone')
    .where('customer_id', '=', customerId)
    .where('phone', '=', (eb) => eb.fn.any(eb.val([...phones])))
    .execute();
  return new Set(rows.map((r) => r.phone));
}
