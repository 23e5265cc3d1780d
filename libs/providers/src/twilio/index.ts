import type { Carrier, CarrierAccountSettings } from '../carrier';

export * from './twilio-credentials';

/** Builds the Twilio adapter of one account. (Placeholder until the adapter lands.) */
export function createTwilioCarrier(account: CarrierAccountSettings): Carrier {
  throw new Error(`twilio adapter not built yet (account ${account.id})`);
}
