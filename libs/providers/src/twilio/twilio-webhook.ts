import twilio from 'twilio';
import { WebhookPayloadError } from '../errors/webhook-payload-error';
import { WebhookSignatureError } from '../errors/webhook-signature-error';
import type { WebhookInput } from '../webhook-input';
import { headerValue } from '../webhook-input';

/** The header Twilio signs every webhook with. */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/** Base64 of an HMAC-SHA1 (20 bytes): 27 characters and one `=`. */
const BASE64_SHA1 = /^[A-Za-z0-9+/]{27}=$/;

/** Form parameters as the SDK's validator wants them (a repeated name becomes an array). */
export type TwilioParams = Record<string, string | string[]>;

/** A verified Twilio webhook: its parameters, the URL's query, and its delivery id. */
export interface VerifiedTwilioWebhook {
  params: TwilioParams;
  /** The query of the signed URL (`attempt`, `message`): covered by the signature. */
  query: URLSearchParams;
  /** The signature itself: it covers URL and parameters, so a replay carries the same one. */
  deliveryId: string;
}

/** Parses a form-encoded body; repeated names keep every value. */
export function parseFormBody(rawBody: Buffer | string): TwilioParams {
  const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const params: TwilioParams = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = params[key];
    if (seen === undefined) params[key] = value;
    else params[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return params;
}

/**
 * Verifies Twilio's `X-Twilio-Signature` (HMAC-SHA1 of the full URL and the sorted POST parameters
 * under the auth token) with the SDK's own `validateRequest`, which also tries the URL with and
 * without its default port as Twilio does.
 *
 * Twilio's scheme has no timestamp, so a verbatim replay verifies: the engine refuses it by
 * `deliveryId`. The signature is used as that id rather than the `I-Twilio-Idempotency-Token`
 * header because the header is not signed (a replayer could change it) and the signature cannot
 * be changed without the auth token. Where the signed parameters carry Twilio's `Timestamp` (call
 * progress callbacks do), one outside `toleranceSeconds` is refused as `expired`.
 *
 * @throws WebhookSignatureError (`missing`, `malformed`, `mismatch`, `expired`).
 * @throws TypeError when `input.url` is absent: Twilio signs the URL, it cannot be verified without.
 */
export function verifyTwilioWebhook(
  authTokens: readonly string[],
  input: WebhookInput,
  toleranceSeconds: number,
): VerifiedTwilioWebhook {
  if (input.url === undefined) {
    throw new TypeError('twilio webhooks are verified against the full request URL: pass WebhookInput.url');
  }
  const signature = headerValue(input.headers, TWILIO_SIGNATURE_HEADER)?.trim();
  if (!signature) throw new WebhookSignatureError('missing', 'no X-Twilio-Signature header');
  if (!BASE64_SHA1.test(signature)) {
    throw new WebhookSignatureError('malformed', 'X-Twilio-Signature is not a base64 HMAC-SHA1');
  }
  // A GET (document fetch) carries its parameters in the signed URL and has no body to sign.
  const isGet = (input.method ?? 'POST').toUpperCase() === 'GET';
  const params = isGet ? {} : parseFormBody(input.rawBody);
  const url = input.url;
  if (!authTokens.some((token) => twilio.validateRequest(token, signature, url, params))) {
    throw new WebhookSignatureError('mismatch', 'X-Twilio-Signature does not match the URL and parameters');
  }
  checkTimestamp(params, input.now ?? new Date(), toleranceSeconds);
  return { params, query: new URL(url).searchParams, deliveryId: signature };
}

function checkTimestamp(params: TwilioParams, now: Date, toleranceSeconds: number): void {
  const stamp = params['Timestamp'];
  if (typeof stamp !== 'string') return;
  const at = Date.parse(stamp);
  if (Number.isNaN(at)) throw new WebhookPayloadError('Timestamp', `Timestamp "${stamp}" is not a date`);
  const skew = Math.abs(now.getTime() - at) / 1000;
  if (skew > toleranceSeconds) {
    throw new WebhookSignatureError(
      'expired',
      `Timestamp is ${Math.round(skew)}s away from now (tolerance ${toleranceSeconds}s): replayed or stale`,
    );
  }
}

/** A required parameter as a non-empty string. @throws WebhookPayloadError naming it. */
export function requiredParam(params: TwilioParams | URLSearchParams, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  if (typeof value !== 'string' || value === '') {
    throw new WebhookPayloadError(name, `webhook field ${name} is missing`);
  }
  return value;
}

/** An optional single-valued parameter. */
export function optionalParam(params: TwilioParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Twilio's RFC 2822 `Timestamp` parameter as ISO 8601, else the verifier's clock. */
export function occurredAt(params: TwilioParams, now: Date | undefined): string {
  const stamp = optionalParam(params, 'Timestamp');
  const at = stamp === undefined ? Number.NaN : Date.parse(stamp);
  return new Date(Number.isNaN(at) ? (now ?? new Date()).getTime() : at).toISOString();
}
