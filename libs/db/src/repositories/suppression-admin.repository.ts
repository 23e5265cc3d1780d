import type { Executor } from '../database';
import type { Suppression } from '../tables/suppressions.table';

export async function findSuppression(
  db: Executor,
  customerId: string,
  phone: string,
): Promise<Suppression | undefined> {
  return db
    .selectFrom('suppressions')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('phone', '=', phone)
    .executeTakeFirst();
}

/** One customer's suppressions ordered by phone, keyset-paginated. */
export async function listSuppressionsPage(
  db: Executor,
  customerId: string,
  limit: number,
  afterPhone?: string,
): Promise<Suppression[]> {
  let query = db.selectFrom('suppressions').selectAll().where('customer_id', '=', customerId);
  if (afterPhone !== undefined) query = query.where('phone', '>', afterPhone);
  return query.orderBy('phone').limit(limit).execute();
}
