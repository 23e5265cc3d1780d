import type { Carrier, CarrierAccountSettings } from '../carrier';

export * from './telnyx-credentials';

/** Builds the Telnyx adapter of one account. (Placeholder until the adapter lands.) */
export function createTelnyxCarrier(account: CarrierAccountSettings): Carrier {
  throw new Error(`telnyx adapter not built yet (account ${account.id})`);
}
