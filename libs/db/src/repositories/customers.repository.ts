import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../database';
import type { Customer } from '../tables/customers.table';
import { isUuid } from '../uuid';

/** The plaintext key is `ce_<prefix>_<secret>`; only its SHA-256 is stored. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

export function generateApiKey(): { apiKey: string; prefix: string } {
  const prefix = randomBytes(4).toString('hex');
  return { apiKey: `ce_${prefix}_${randomBytes(24).toString('base64url')}`, prefix };
}

/** Creates a customer and its first API key; the key is returned once and never stored in clear. */
export async function createCustomerWithApiKey(
  db: Executor,
  name: string,
): Promise<{ customer: Customer; apiKey: string }> {
  const customer = await db.insertInto('customers').values({ name }).returningAll().executeTakeFirstOrThrow();
  const apiKey = await createApiKey(db, customer.id);
  return { customer, apiKey };
}

export async function createApiKey(db: Executor, customerId: string, name = 'default'): Promise<string> {
  const { apiKey, prefix } = generateApiKey();
  await db
    .insertInto('api_keys')
    .values({ customer_id: customerId, name, key_prefix: prefix, key_hash: hashApiKey(apiKey) })
    .execute();
  return apiKey;
}

/** The customer an unrevoked key belongs to, or undefined. */
export async function findCustomerByApiKey(db: Executor, apiKey: string): Promise<Customer | undefined> {
  return db
    .selectFrom('api_keys')
    .innerJoin('customers', 'customers.id', 'api_keys.customer_id')
    .selectAll('customers')
    .where('api_keys.key_hash', '=', hashApiKey(apiKey))
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** The customer with this id; undefined when there is none (or the id is not a UUID). */
export async function findCustomer(db: Executor, customerId: string): Promise<Customer | undefined> {
  if (!isUuid(customerId)) return undefined;
  return db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
}
