/** What a provider call was doing when it failed; part of the error message and of logs. */
export type ProviderOperation =
  'originate' | 'findCall' | 'sendSms' | 'findMessage' | 'respond' | 'listOwnedNumbers';

/**
 * What a carrier's refusal means for the engine, whatever the carrier's own code:
 * - `invalid_number`: the callee cannot be reached (not a number, not mobile for SMS, landline
 *   for SMS, unallocated): the prospect fails with the reason, never retried;
 * - `geo_permission`: the account may not call that country or region: the prospect fails;
 * - `caller_id_unverified`: the caller ID is not owned or verified on the account: the DID leaves
 *   rotation (with an event) and the prospect goes back to the queue;
 * - `auth`: the credentials were refused: the campaign pauses (`campaign.paused.carrier_auth`);
 * - `rate_limited`: the carrier said 429: nothing was placed, back off and retry;
 * - `opted_out`: the carrier itself blocks the recipient (e.g. Twilio 21610): suppress;
 * - `unavailable`: 5xx, timeouts, network (state unknown);
 * - `refused`: any other refusal.
 */
export const CarrierErrorReasons = [
  'invalid_number',
  'geo_permission',
  'caller_id_unverified',
  'auth',
  'rate_limited',
  'opted_out',
  'unavailable',
  'refused',
] as const;
export type CarrierErrorReason = (typeof CarrierErrorReasons)[number];

/** Constructor options of {@link ProviderRequestError}. */
export interface ProviderRequestErrorOptions {
  provider: string;
  operation: ProviderOperation;
  /**
   * True when the request may have reached the carrier or may succeed if repeated (5xx, 408, 429,
   * timeouts, network errors, an unreadable 2xx answer). A caller must then treat the attempt's
   * state as unknown and resolve it with `findCall` / `findMessage` before sending it again
   * (except `rate_limited`: a 429 placed nothing).
   */
  retryable: boolean;
  /** HTTP status of the carrier's answer, when there was one. */
  status?: number;
  /** What the failure means; default `unavailable` when retryable, else `refused`. */
  reason?: CarrierErrorReason;
  /** The carrier's own error code (Twilio 21211, Telnyx 10010, ...), for logs and the prospect. */
  carrierCode?: string;
  /** From a 429's `Retry-After`, when given. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * A request to the carrier failed. `retryable: false` means the carrier definitely refused it
 * (a 4xx validation error): repeating it cannot help and nothing was originated or sent.
 */
export class ProviderRequestError extends Error {
  readonly code = 'PROVIDER_REQUEST_FAILED' as const;
  readonly provider: string;
  readonly operation: ProviderOperation;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly reason: CarrierErrorReason;
  readonly carrierCode: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: ProviderRequestErrorOptions) {
    super(message, { cause: options.cause });
    this.name = 'ProviderRequestError';
    this.provider = options.provider;
    this.operation = options.operation;
    this.retryable = options.retryable;
    this.status = options.status;
    this.reason = options.reason ?? (options.retryable ? 'unavailable' : 'refused');
    this.carrierCode = options.carrierCode;
    this.retryAfterMs = options.retryAfterMs;
  }
}
