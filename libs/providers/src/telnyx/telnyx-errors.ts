import { APIConnectionError, APIError } from 'telnyx';
import type { CarrierErrorReason, ProviderOperation } from '../errors/provider-request-error';
import { ProviderRequestError } from '../errors/provider-request-error';

/** One entry of a Telnyx error body, `{"errors":[{"code":"10002","title":…,"source":{"pointer":"/to"}}]}`. */
export interface TelnyxApiError {
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string };
}

/** Codes of Telnyx's API error catalogue the engine tells apart. */
export const TelnyxErrorCodes = {
  invalidPhoneNumber: '10002',
  authenticationFailed: '10009',
  authorizationFailed: '10010',
  tooManyRequests: '10011',
  notE164: '10016',
  /** The call was hung up before the command arrived (a late command is not a failure). */
  callAlreadyEnded: '90018',
  /** SIP-layer "403 Caller Origination Number is Invalid": the caller ID is not on the account. */
  callerIdInvalid: 'D35',
  /** The outbound voice profile does not allow the destination's country. */
  destinationNotWhitelisted: 'D13',
  /** Messaging: the recipient texted STOP to this sender. */
  blockedByStop: '40300',
} as const;

const NUMBER_CODES: readonly string[] = [TelnyxErrorCodes.invalidPhoneNumber, TelnyxErrorCodes.notE164];

/** The first entry of a Telnyx error body, if the body has the usual shape. */
export function firstTelnyxError(body: unknown): TelnyxApiError | undefined {
  if (!body || typeof body !== 'object' || !('errors' in body) || !Array.isArray(body.errors))
    return undefined;
  const first: unknown = body.errors[0];
  if (!first || typeof first !== 'object') return undefined;
  const entry = first as Record<string, unknown>;
  const source = entry['source'];
  return {
    ...(entry['code'] !== undefined ? { code: String(entry['code']) } : {}),
    ...(typeof entry['title'] === 'string' ? { title: entry['title'] } : {}),
    ...(typeof entry['detail'] === 'string' ? { detail: entry['detail'] } : {}),
    ...(source && typeof source === 'object' && 'pointer' in source && typeof source.pointer === 'string'
      ? { source: { pointer: source.pointer } }
      : {}),
  };
}

/**
 * What a refusal means. A number error names its field (`source.pointer`): a bad `/from` is our
 * caller ID, anything else is the callee. 403 is only `auth` when it is not a routing refusal.
 */
export function telnyxRefusalReason(status: number, error: TelnyxApiError | undefined): CarrierErrorReason {
  const code = error?.code;
  const text = `${error?.title ?? ''} ${error?.detail ?? ''}`;
  if (status === 401) return 'auth';
  if (code === TelnyxErrorCodes.callerIdInvalid) return 'caller_id_unverified';
  if (code === TelnyxErrorCodes.destinationNotWhitelisted || /whitelist/i.test(text)) return 'geo_permission';
  if (code === TelnyxErrorCodes.blockedByStop) return 'opted_out';
  if (code !== undefined && NUMBER_CODES.includes(code)) {
    return error?.source?.pointer === '/from' ? 'caller_id_unverified' : 'invalid_number';
  }
  if (status === 403) return 'auth';
  return 'refused';
}

/** `Retry-After` (seconds or an HTTP date) or Telnyx's `retry-after-ms`, in milliseconds. */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describe(operation: ProviderOperation, status: number | undefined, error?: TelnyxApiError): string {
  const what = error
    ? ` ${error.code ?? ''} ${error.title ?? ''}${error.detail ? `: ${error.detail}` : ''}`
    : '';
  return `telnyx ${operation}: ${status === undefined ? 'no answer' : `answered ${status}`}${what}`.trim();
}

/**
 * Maps whatever the SDK threw to a `ProviderRequestError`. Connection failures and timeouts are
 * retryable (the request may have been acted on), so are 408, 429 and 5xx; any other status is a
 * definite refusal.
 */
export function toProviderRequestError(operation: ProviderOperation, cause: unknown): ProviderRequestError {
  if (cause instanceof ProviderRequestError) return cause;
  if (cause instanceof APIError && !(cause instanceof APIConnectionError) && cause.status !== undefined) {
    const status = cause.status;
    const error = firstTelnyxError(cause.error);
    const base = { provider: 'telnyx', operation, status, cause, carrierCode: error?.code };
    if (status === 429) {
      return new ProviderRequestError(describe(operation, status, error), {
        ...base,
        retryable: true,
        reason: 'rate_limited',
        retryAfterMs: retryAfterMs(cause.headers),
      });
    }
    if (status >= 500 || status === 408) {
      return new ProviderRequestError(describe(operation, status, error), {
        ...base,
        retryable: true,
        reason: 'unavailable',
      });
    }
    return new ProviderRequestError(describe(operation, status, error), {
      ...base,
      retryable: false,
      reason: telnyxRefusalReason(status, error),
    });
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return new ProviderRequestError(`telnyx ${operation}: request failed (${message})`, {
    provider: 'telnyx',
    operation,
    retryable: true,
    reason: 'unavailable',
    cause,
  });
}

/** Runs one SDK request and maps its failure. */
export async function callTelnyx<T>(operation: ProviderOperation, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (cause) {
    throw toProviderRequestError(operation, cause);
  }
}
