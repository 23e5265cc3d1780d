import type { CarrierErrorReason, ProviderOperation } from '../errors/provider-request-error';
import { ProviderRequestError } from '../errors/provider-request-error';
import { PlivoHttpError, PlivoNetworkError } from './plivo-transport';

const PROVIDER = 'plivo';

/**
 * Plivo's API errors are `{ api_id, error }` with a text, not a numeric code, so the reason is
 * read from the status and the text. Patterns are deliberately loose: Plivo words the same
 * refusal differently across endpoints (`to`/`dst`, `from`/`src`).
 */
const INVALID_DESTINATION =
  /\b(to|dst|destination)\b[^.]*\b(invalid|not (a )?valid|unallocated)\b|\binvalid\b[^.]*\b(to|dst|destination)\b/i;
const UNVERIFIED_CALLER_ID =
  /\b(from|src|caller ?id|source)\b[^.]*\b(not (verified|rented|owned)|unverified|not a (valid )?plivo number|not (associated|linked) with)\b/i;
const GEO_PERMISSION =
  /\bgeo[ -]?permission|\b(country|region|destination)\b[^.]*\b(not (enabled|allowed|permitted)|disabled)\b/i;

/** Plivo's reason for a refusal (status and error text), per the engine's vocabulary. */
export function plivoErrorReason(status: number, text: string): CarrierErrorReason {
  if (status === 401) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status >= 500 || status === 408) return 'unavailable';
  if (GEO_PERMISSION.test(text)) return 'geo_permission';
  if (UNVERIFIED_CALLER_ID.test(text)) return 'caller_id_unverified';
  if (INVALID_DESTINATION.test(text)) return 'invalid_number';
  // The SDK's own rule (`isGeoPermissionError`): a 403 to a call or message create is geo permission.
  if (status === 403 && text === '') return 'geo_permission';
  return 'refused';
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds. */
export function retryAfterMs(header: string | null, now: Date = new Date()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/**
 * Any failure of an SDK call as the engine's `ProviderRequestError`. Retryable when the request
 * may have reached Plivo or a repeat may succeed: 5xx, 408, 429, timeouts, network errors.
 */
export function toProviderError(err: unknown, operation: ProviderOperation): ProviderRequestError {
  if (err instanceof ProviderRequestError) return err;
  if (err instanceof PlivoHttpError) {
    const reason = plivoErrorReason(err.status, err.plivoError);
    const retryable = reason === 'rate_limited' || reason === 'unavailable';
    const wait = reason === 'rate_limited' ? retryAfterMs(err.headers.get('retry-after')) : undefined;
    return new ProviderRequestError(`${PROVIDER} ${operation}: ${err.message}`, {
      provider: PROVIDER,
      operation,
      retryable,
      status: err.status,
      reason,
      ...(err.plivoError ? { carrierCode: err.plivoError.slice(0, 120) } : {}),
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
      cause: err,
    });
  }
  if (err instanceof PlivoNetworkError) {
    return new ProviderRequestError(`${PROVIDER} ${operation}: ${err.message}`, {
      provider: PROVIDER,
      operation,
      retryable: true,
      reason: 'unavailable',
      cause: err,
    });
  }
  // The SDK validated a parameter and refused before sending (it rejects with an Error or, for
  // some checks, a string): nothing left, nothing placed.
  const message = err instanceof Error ? err.message : String(err);
  return new ProviderRequestError(`${PROVIDER} ${operation}: ${message}`, {
    provider: PROVIDER,
    operation,
    retryable: false,
    reason: 'refused',
    cause: err,
  });
}

/** Runs one SDK call, turning whatever it throws into a `ProviderRequestError`. */
export async function plivoCall<T>(operation: ProviderOperation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toProviderError(err, operation);
  }
}

/** A 2xx answer whose body is not what Plivo sends: the outcome is unknown, so retryable. */
export function unexpectedAnswer(operation: ProviderOperation, what: string): ProviderRequestError {
  return new ProviderRequestError(`${PROVIDER} ${operation}: unexpected answer (${what})`, {
    provider: PROVIDER,
    operation,
    retryable: true,
  });
}
