import { NotFoundException } from '@nestjs/common';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@engine/db';
import {
  attachDidToCarrierAccount,
  findCarrierAccount,
  findCustomerDidByNumber,
  insertDid,
  isNumberHeldByAnotherCustomer,
  isUniqueViolation,
} from '@engine/db';
import type { DidRegistry } from './sync-owned-numbers';

/**
 * The customer's DID pool as sync-dids changes it. Each change holds the account row (`FOR
 * SHARE`) so it cannot be deleted with a DID being put on it; the unique indexes decide a race
 * for a number.
 */
export function databaseDidRegistry(
  db: Kysely<Database>,
  customerId: string,
  accountId: string,
): DidRegistry {
  const onLiveAccount = <T>(change: (tx: Transaction<Database>) => Promise<T>) =>
    db.transaction().execute(async (tx) => {
      if (!(await findCarrierAccount(tx, customerId, accountId, 'share'))) {
        throw new NotFoundException(`carrier account ${accountId} not found (deleted while syncing)`);
      }
      return change(tx);
    });
  return {
    async findOwn(number) {
      const did = await findCustomerDidByNumber(db, customerId, number);
      return did && { id: did.id, state: did.state, carrierAccountId: did.carrier_account_id };
    },
    heldByAnotherCustomer: (number) => isNumberHeldByAnotherCustomer(db, customerId, number),
    async create(number, areaCode) {
      try {
        await onLiveAccount((tx) =>
          insertDid(tx, {
            customer_id: customerId,
            number,
            area_code: areaCode,
            carrier_account_id: accountId,
          }),
        );
        return 'created';
      } catch (err) {
        if (isUniqueViolation(err)) return 'taken';
        throw err;
      }
    },
    attach: (didId) => onLiveAccount((tx) => attachDidToCarrierAccount(tx, customerId, didId, accountId)),
  };
}
