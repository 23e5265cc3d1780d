import twilio from 'twilio';
import type { CarrierAccountSettings } from '../carrier';
import type { TwilioCredentials } from './twilio-credentials';
import { TwilioRequestClient } from './twilio-http-client';

/** Default per-request timeout: long enough for Twilio's call create, short enough to retry. */
export const DEFAULT_TWILIO_TIMEOUT_MS = 10_000;

/** The SDK's REST client, as the adapter's parts share it. */
export type TwilioClient = twilio.Twilio;

/**
 * Builds the SDK client of one account: every request through {@link TwilioRequestClient} (base
 * URL, timeout, no retries). `env: {}` keeps the SDK from reading `TWILIO_*` credentials of the
 * process, so one process can serve several accounts.
 */
export function createTwilioClient(
  credentials: TwilioCredentials,
  account: Pick<CarrierAccountSettings, 'apiBaseUrl' | 'timeoutMs'>,
): TwilioClient {
  const httpClient = new TwilioRequestClient({
    ...(account.apiBaseUrl === undefined ? {} : { apiBaseUrl: account.apiBaseUrl }),
    timeoutMs: account.timeoutMs ?? DEFAULT_TWILIO_TIMEOUT_MS,
  });
  return twilio(credentials.accountSid, credentials.authToken, {
    httpClient,
    autoRetry: false,
    env: {},
  });
}
