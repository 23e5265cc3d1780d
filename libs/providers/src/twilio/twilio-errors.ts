import type { CarrierErrorReason, ProviderOperation } from '../errors/provider-request-error';
import { ProviderRequestError } from '../errors/provider-request-error';
import { TwilioHttpError } from './twilio-http-client';

/** Twilio error codes and what each means for the engine. */
export const TWILIO_ERROR_REASONS: Readonly<Record<number, CarrierErrorReason>> = {
  // Invalid 'To' number, not a valid phone number, 'To' not reachable / unallocated.
  21211: 'invalid_number',
  21214: 'invalid_number',
  21217: 'invalid_number',
  21401: 'invalid_number',
  21612: 'invalid_number',
  21614: 'invalid_number',
  // The account's geo permissions forbid the destination (voice, then SMS).
  21215: 'geo_permission',
  21216: 'geo_permission',
  21408: 'geo_permission',
  // Caller ID not verified / not owned by the account; SMS 'From' not a number of the account.
  21210: 'caller_id_unverified',
  21212: 'caller_id_unverified',
  21606: 'caller_id_unverified',
  // Authenticate (wrong account SID or auth token).
  20003: 'auth',
  20429: 'rate_limited',
  // The recipient replied STOP: Twilio itself blocks texts to them.
  21610: 'opted_out',
};

/** Twilio's "resource not found" code: a lookup by SID that found nothing. */
export const TWILIO_NOT_FOUND = 20404;

function reasonOf(error: TwilioHttpError): CarrierErrorReason {
  if (error.status === 429) return 'rate_limited';
  const byCode = error.twilioCode === undefined ? undefined : TWILIO_ERROR_REASONS[error.twilioCode];
  if (byCode) return byCode;
  if (error.status === 401) return 'auth';
  return error.status >= 500 || error.status === 408 ? 'unavailable' : 'refused';
}

/**
 * Turns whatever the SDK threw into a `ProviderRequestError`. A Twilio error answer keeps its code
 * and, for 429, its `Retry-After`; anything else (timeout, dropped connection, an unreadable 2xx)
 * is retryable: the request may have reached Twilio, so the state is unknown.
 */
export function toProviderError(operation: ProviderOperation, cause: unknown): ProviderRequestError {
  if (cause instanceof ProviderRequestError) return cause;
  if (cause instanceof TwilioHttpError) {
    const reason = reasonOf(cause);
    const retryable = reason === 'rate_limited' || reason === 'unavailable';
    return new ProviderRequestError(`twilio ${operation}: ${cause.message}`, {
      provider: 'twilio',
      operation,
      retryable,
      status: cause.status,
      reason,
      ...(cause.twilioCode === undefined ? {} : { carrierCode: String(cause.twilioCode) }),
      ...(reason === 'rate_limited' && cause.retryAfterMs !== undefined
        ? { retryAfterMs: cause.retryAfterMs }
        : {}),
      cause,
    });
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ProviderRequestError(`twilio ${operation}: request failed (${detail})`, {
    provider: 'twilio',
    operation,
    retryable: true,
    reason: 'unavailable',
    cause,
  });
}

/** Runs one SDK request, mapping its failure with {@link toProviderError}. */
export async function twilioRequest<T>(operation: ProviderOperation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    throw toProviderError(operation, cause);
  }
}

/** True when a lookup by SID failed only because Twilio has no such resource. */
export function isTwilioNotFound(error: unknown): boolean {
  return error instanceof TwilioHttpError && error.status === 404 && error.twilioCode === TWILIO_NOT_FOUND;
}
