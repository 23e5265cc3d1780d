import type { Carrier, CarrierAccountSettings } from '../carrier';

export * from './plivo-credentials';

/** Builds the Plivo adapter of one account. (Placeholder until the adapter lands.) */
export function createPlivoCarrier(account: CarrierAccountSettings): Carrier {
  throw new Error(`plivo adapter not built yet (account ${account.id})`);
}
