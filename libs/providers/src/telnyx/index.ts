import type { Carrier, CarrierAccountSettings } from '../carrier';
import { TelnyxCarrier } from './telnyx-carrier';

export * from './telnyx-credentials';
export { TelnyxCarrier, TELNYX_FIND_SETTLE_MS } from './telnyx-carrier';
export { TELNYX_API_BASE_URL } from './telnyx-client';
export { TelnyxHangupCauseOutcomes, telnyxCallOutcome } from './telnyx-call-outcome';
export { TelnyxMessageStatuses } from './telnyx-sms';
export { TELNYX_SIGNATURE_HEADER, TELNYX_TIMESTAMP_HEADER } from './telnyx-webhook';

/**
 * Builds the Telnyx adapter of one account (credentials validated by `telnyxCredentialsSchema`).
 *
 * @throws ZodError on invalid credentials, TypeError on a public key that is not 32 bytes.
 */
export function createTelnyxCarrier(account: CarrierAccountSettings): Carrier {
  return new TelnyxCarrier(account);
}
