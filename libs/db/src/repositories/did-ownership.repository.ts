import type { Executor } from '../database';
import type { Did } from '../tables/dids.table';

/**
 * The partial unique index behind "a caller ID belongs to one customer": one row per number
 * whose state is not `retired`.
 */
export const DID_NUMBER_OWNER_INDEX = 'dids_number_owner_key';

/** True for PostgreSQL's unique violation (23505), optionally of one constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** The customer's DID with this number, whatever its state. */
export async function findCustomerDidByNumber(
  db: Executor,
  customerId: string,
  number: string,
): Promise<Did | undefined> {
  return db
    .selectFrom('dids')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Whether a customer other than `customerId` holds `number` (has it in a state other than `retired`). */
export async function isNumberHeldByAnotherCustomer(
  db: Executor,
  customerId: string,
  number: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('dids')
    .select('id')
    .where('number', '=', number)
    .where('state', '<>', 'retired')
    .where('customer_id', '<>', customerId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of `numbers` someone holds (a DID in a state other than `retired`), in one query. */
export async function heldNumbers(db: Executor, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db
    .selectFrom('dids')
    .select('number')
    .where('number', 'in', [...numbers])
    .where('state', '<>', 'retired')
    .execute();
  return new Set(rows.map((r) => r.number));
}

/** Who an inbound message to a number belongs to. */
export interface NumberOwner {
  didId: string;
  customerId: string;
  /** False when nobody holds the number any more and it went to whoever retired it last. */
  held: boolean;
}

/**
 * The one customer an inbound text to `number` belongs to: its current holder, or when only
 * retired DIDs have the number, the customer who retired it most recently (a reply to a number
 * just retired still answers whoever texted from it). Never more than one customer.
 */
export async function findNumberOwner(db: Executor, number: string): Promise<NumberOwner | undefined> {
  const holder = await db
    .selectFrom('dids')
    .select(['id', 'customer_id'])
    .where('number', '=', number)
    .where('state', '<>', 'retired')
    .executeTakeFirst();
  if (holder) return { didId: holder.id, customerId: holder.customer_id, held: true };
  const lastHolder = await db
    .selectFrom('dids')
    .select(['id', 'customer_id'])
    .where('number', '=', number)
    .where('state', '=', 'retired')
    .orderBy('retired_at', (ob) => ob.desc().nullsLast())
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  return lastHolder ? { didId: lastHolder.id, customerId: lastHolder.customer_id, held: false } : undefined;
}
