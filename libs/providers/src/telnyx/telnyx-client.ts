import { Telnyx } from 'telnyx';
import type { CarrierAccountSettings } from '../carrier';
import type { TelnyxCredentials } from './telnyx-credentials';

/** Telnyx's public API (version 2); `apiBaseUrl` replaces it (regional endpoint, proxy, test fake). */
export const TELNYX_API_BASE_URL = 'https://api.telnyx.com/v2';

/** Per-request timeout when the account sets none. */
export const DEFAULT_TELNYX_TIMEOUT_MS = 10_000;

/**
 * Builds the SDK client of one account. Everything that could make the SDK act on its own is
 * pinned here rather than left to its defaults or to `TELNYX_*` environment variables:
 * - `maxRetries: 0`: the SDK otherwise repeats a dial on 5xx, 408, 409, 429 and timeouts, which
 *   can place a second call for one attempt; the engine resolves an unknown state with `findCall`;
 * - `baseURL`: every request goes to the configured endpoint, never to an environment override;
 * - `clientID`/`clientSecret: null`: no OAuth flow picked up from the environment; the API key
 *   is the only credential;
 * - `logLevel: 'off'`: request details (including failed bodies) stay out of the worker's logs.
 */
export function createTelnyxClient(account: CarrierAccountSettings, credentials: TelnyxCredentials): Telnyx {
  return new Telnyx({
    apiKey: credentials.apiKey,
    publicKey: credentials.publicKey,
    clientID: null,
    clientSecret: null,
    baseURL: account.apiBaseUrl ?? TELNYX_API_BASE_URL,
    maxRetries: 0,
    timeout: account.timeoutMs ?? DEFAULT_TELNYX_TIMEOUT_MS,
    logLevel: 'off',
  });
}
