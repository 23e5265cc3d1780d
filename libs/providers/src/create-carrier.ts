import type { Carrier, CarrierAccountSettings } from './carrier';
import { createPlivoCarrier } from './plivo';
import { SimulatorProvider } from './simulator';
import { createTelnyxCarrier } from './telnyx';
import { createTwilioCarrier } from './twilio';

/** Options shared by every account's adapter. */
export interface CreateCarrierOptions {
  /** The simulator's base URL when a `sim` account gives none. */
  simBaseUrl: string;
  /** The simulator's webhook secret when a `sim` account gives none. */
  simWebhookSecret: string;
}

/** Builds the adapter of one carrier account. */
export function createCarrier(account: CarrierAccountSettings, options: CreateCarrierOptions): Carrier {
  switch (account.provider) {
    case 'sim':
      return new SimulatorProvider({
        baseUrl: account.apiBaseUrl ?? options.simBaseUrl,
        webhookSecret: account.credentials['webhookSecret'] ?? options.simWebhookSecret,
        ...(account.timeoutMs === undefined ? {} : { timeoutMs: account.timeoutMs }),
      });
    case 'twilio':
      return createTwilioCarrier(account);
    case 'telnyx':
      return createTelnyxCarrier(account);
    case 'plivo':
      return createPlivoCarrier(account);
  }
}
