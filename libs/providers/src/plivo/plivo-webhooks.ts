import { validateV3Signature } from 'plivo';
import type { WebhookInput } from '../webhook-input';
import { WebhookPayloadError } from '../errors/webhook-payload-error';
import { WebhookSignatureError } from '../errors/webhook-signature-error';
import { headerValue } from '../webhook-input';

/** Headers of Plivo's V3 webhook signature. */
export const PLIVO_SIGNATURE_HEADER = 'x-plivo-signature-v3';
export const PLIVO_NONCE_HEADER = 'x-plivo-signature-v3-nonce';

/** A webhook's parameters: form fields (or JSON keys) to their values, repeated fields in order. */
export type PlivoParams = Record<string, string | string[]>;

/** A verified webhook: its parameters and the nonce that identifies this delivery. */
export interface VerifiedPlivoWebhook {
  params: PlivoParams;
  /** The V3 nonce: unique per delivery, so a second delivery with it is a replay. */
  deliveryId: string;
}

function rawText(rawBody: Buffer | string): string {
  return typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
}

/** Form-encoded (Plivo's default) or JSON bodies, flattened to string values. */
export function parsePlivoBody(input: WebhookInput): PlivoParams {
  const text = rawText(input.rawBody);
  const contentType = headerValue(input.headers, 'content-type') ?? '';
  const params: PlivoParams = {};
  if (contentType.includes('json') || text.trimStart().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new WebhookPayloadError('body', 'webhook body is not valid JSON');
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      throw new WebhookPayloadError('body', 'webhook body is not a JSON object');
    }
    for (const [key, value] of Object.entries(json)) {
      params[key] = Array.isArray(value) ? value.map(String) : String(value);
    }
    return params;
  }
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = params[key];
    params[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

/**
 * Verifies a Plivo webhook with the V3 scheme through the SDK's `validateV3Signature`: an
 * HMAC-SHA256, keyed with the auth token, of the full URL (query sorted), the sorted POST
 * parameters and the nonce. The URL is signed, so a delivery cannot be moved to another attempt.
 *
 * V3 signs no timestamp, so no delivery can be told "expired" here: a replay carries a nonce
 * already seen, which the engine refuses by `deliveryId`.
 *
 * @throws WebhookSignatureError `missing` (no headers), `malformed` (no URL, odd nonce) or
 *   `mismatch` (forged, altered body or URL, other token).
 */
export function verifyPlivoWebhook(input: WebhookInput, authToken: string): VerifiedPlivoWebhook {
  const signature = headerValue(input.headers, PLIVO_SIGNATURE_HEADER)?.trim();
  const nonce = headerValue(input.headers, PLIVO_NONCE_HEADER)?.trim();
  if (!signature) throw new WebhookSignatureError('missing', `no ${PLIVO_SIGNATURE_HEADER} header`);
  if (!nonce) throw new WebhookSignatureError('missing', `no ${PLIVO_NONCE_HEADER} header`);
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(nonce)) {
    throw new WebhookSignatureError('malformed', `${PLIVO_NONCE_HEADER} is not a nonce`);
  }
  if (!input.url) {
    throw new WebhookSignatureError('malformed', 'Plivo signs the request URL, and none was given');
  }
  const method = (input.method ?? 'POST').toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    throw new WebhookSignatureError('malformed', `Plivo signs GET and POST requests only, not ${method}`);
  }
  // A GET carries its parameters in the (signed) URL; a POST's body is signed next to it.
  const params = method === 'POST' ? parsePlivoBody(input) : {};
  const genuine = validateV3Signature(method, input.url, nonce, authToken, signature, params);
  if (!genuine) {
    throw new WebhookSignatureError('mismatch', 'Plivo V3 signature does not match the URL and body');
  }
  return { params, deliveryId: nonce };
}

/** One parameter's value (the first of repeated ones). */
export function param(params: PlivoParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A parameter the event cannot do without. @throws WebhookPayloadError naming it. */
export function requiredParam(params: PlivoParams, name: string): string {
  const value = param(params, name);
  if (value === undefined || value === '') {
    throw new WebhookPayloadError(name, `webhook field ${name} is missing`);
  }
  return value;
}

/** The engine's id in the (signed) webhook URL's query, e.g. `attempt` or `message`. */
export function urlQueryParam(url: string | undefined, name: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}
