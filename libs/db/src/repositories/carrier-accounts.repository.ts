import { sql } from 'kysely';
import type { Executor } from '../database';
import type {
  CarrierAccount,
  CarrierAccountUpdate,
  NewCarrierAccount,
} from '../tables/carrier-accounts.table';

/**
 * Stores a carrier account. The caller gives the id: its credentials ciphertext is bound to it
 * (the cipher's additional data), so the id must be known before the row exists.
 */
export async function insertCarrierAccount(
  db: Executor,
  account: NewCarrierAccount & { id: string },
): Promise<CarrierAccount> {
  return db.insertInto('carrier_accounts').values(account).returningAll().executeTakeFirstOrThrow();
}

export interface CarrierAccountPageRequest {
  customerId: string;
  limit: number;
  /** The last row of the previous page (its creation time as read, and id). */
  after?: { createdAt: Date; id: string };
}

/**
 * One customer's carrier accounts that are not deleted, oldest first, keyset-paged. The key is
 * the creation time at millisecond precision (what a JS Date, hence a cursor, holds; Postgres
 * keeps microseconds) and the id, so a cursor made from a row compares equal to that row.
 */
export async function listCarrierAccountsPage(
  db: Executor,
  req: CarrierAccountPageRequest,
): Promise<CarrierAccount[]> {
  const createdMs = sql<Date>`date_trunc('milliseconds', created_at)`;
  let query = db
    .selectFrom('carrier_accounts')
    .selectAll()
    .where('customer_id', '=', req.customerId)
    .where('deleted_at', 'is', null);
  if (req.after) {
    const { createdAt, id } = req.after;
    query = query.where(
      sql<boolean>`(${createdMs}, id) > (${createdAt.toISOString()}::timestamptz, ${id}::uuid)`,
    );
  }
  return query.orderBy(createdMs).orderBy('id').limit(req.limit).execute();
}

/**
 * The customer's account, unless deleted. `lock`: `share` keeps it from being deleted until the
 * transaction ends (a DID being attached to it), `update` is what deleting it takes.
 */
export async function findCarrierAccount(
  db: Executor,
  customerId: string,
  accountId: string,
  lock?: 'share' | 'update',
): Promise<CarrierAccount | undefined> {
  let query = db
    .selectFrom('carrier_accounts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null);
  if (lock === 'share') query = query.forShare();
  if (lock === 'update') query = query.forUpdate();
  return query.executeTakeFirst();
}

/** An account to dial or text through (worker): deleted accounts are never used again. */
export async function findCarrierAccountById(
  db: Executor,
  accountId: string,
): Promise<CarrierAccount | undefined> {
  return db
    .selectFrom('carrier_accounts')
    .selectAll()
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * An account to verify a webhook with, deleted or not: calls and texts placed before the account
 * was deleted still report their status, signed with its secret.
 */
export async function findCarrierAccountForWebhook(
  db: Executor,
  accountId: string,
): Promise<CarrierAccount | undefined> {
  return db.selectFrom('carrier_accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
}

/**
 * Changes a live account of the customer (name, credentials, rate, base URL); undefined when it is
 * missing, deleted or another customer's.
 */
export async function updateCarrierAccount(
  db: Executor,
  customerId: string,
  accountId: string,
  patch: Omit<CarrierAccountUpdate, 'id' | 'customer_id' | 'provider' | 'created_at' | 'deleted_at'>,
  now: Date = new Date(),
): Promise<CarrierAccount | undefined> {
  return db
    .updateTable('carrier_accounts')
    .set({ ...patch, updated_at: now })
    .where('customer_id', '=', customerId)
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Marks the customer's account deleted; undefined when it is not theirs or already deleted. */
export async function softDeleteCarrierAccount(
  db: Executor,
  customerId: string,
  accountId: string,
  now = new Date(),
): Promise<CarrierAccount | undefined> {
  return db
    .updateTable('carrier_accounts')
    .set({ deleted_at: now, updated_at: now })
    .where('customer_id', '=', customerId)
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** DIDs that still dial through the account: any state but `retired`. */
export async function countHeldDidsOnCarrierAccount(db: Executor, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('dids')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('carrier_account_id', '=', accountId)
    .where('state', '<>', 'retired')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Whether any carrier account is stored, deleted ones included (their credentials still verify
 * webhooks of calls in flight): then `CARRIER_CREDENTIALS_KEY` is needed to run.
 */
export async function anyCarrierAccountExists(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('carrier_accounts').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The most recently stored account, deleted or not: start-up checks the key decrypts it. */
export async function newestCarrierAccount(db: Executor): Promise<CarrierAccount | undefined> {
  return db
    .selectFrom('carrier_accounts')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}
