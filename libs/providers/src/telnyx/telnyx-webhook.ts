import type { KeyObject } from 'node:crypto';
import { createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';
import type { WebhookInput } from '../webhook-input';
import { WebhookSignatureError } from '../errors/webhook-signature-error';
import { parseWebhookBody } from '../simulator/parse-webhook-body';
import { headerValue } from '../webhook-input';

/** Telnyx's webhook signature headers (ed25519 over `<timestamp>|<raw body>`). */
export const TELNYX_SIGNATURE_HEADER = 'telnyx-signature-ed25519';
export const TELNYX_TIMESTAMP_HEADER = 'telnyx-timestamp';

const UNIX_SECONDS = /^\d{1,12}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The account's webhook public key (base64 of the raw 32-byte ed25519 key, as the Telnyx portal
 * shows it) as a `KeyObject`.
 *
 * @throws TypeError when it is not a 32-byte key.
 */
export function telnyxPublicKey(base64Key: string): KeyObject {
  const raw = Buffer.from(base64Key.trim(), 'base64');
  if (!BASE64.test(base64Key.trim()) || raw.length !== 32) {
    throw new TypeError('telnyx publicKey must be the base64 of a raw 32-byte ed25519 key');
  }
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

/**
 * Verifies a Telnyx webhook: ed25519 signature of `<telnyx-timestamp>|<raw body>` under the
 * account's public key, and the timestamp within `toleranceSeconds` of `now` (a captured webhook
 * re-sent later is refused as `expired`). Done with node:crypto rather than the SDK's async
 * `webhooks.unwrap` because parsing is synchronous and the clock must be injectable (tests).
 *
 * @throws WebhookSignatureError `missing`, `malformed`, `mismatch` or `expired`.
 */
export function verifyTelnyxSignature(input: WebhookInput, key: KeyObject, toleranceSeconds: number): void {
  const signature = headerValue(input.headers, TELNYX_SIGNATURE_HEADER)?.trim();
  const timestamp = headerValue(input.headers, TELNYX_TIMESTAMP_HEADER)?.trim();
  if (!signature) throw new WebhookSignatureError('missing', `no ${TELNYX_SIGNATURE_HEADER} header`);
  if (!timestamp) throw new WebhookSignatureError('missing', `no ${TELNYX_TIMESTAMP_HEADER} header`);
  if (!UNIX_SECONDS.test(timestamp)) {
    throw new WebhookSignatureError('malformed', `${TELNYX_TIMESTAMP_HEADER} is not unix seconds`);
  }
  const bytes = Buffer.from(signature, 'base64');
  if (!BASE64.test(signature) || bytes.length !== 64) {
    throw new WebhookSignatureError(
      'malformed',
      `${TELNYX_SIGNATURE_HEADER} is not a base64 ed25519 signature`,
    );
  }
  const raw = typeof input.rawBody === 'string' ? Buffer.from(input.rawBody, 'utf8') : input.rawBody;
  const signed = Buffer.concat([Buffer.from(`${timestamp}|`, 'utf8'), raw]);
  // The signature is checked before the time: an unauthenticated timestamp proves nothing.
  if (!verify(null, signed, key, bytes)) {
    throw new WebhookSignatureError('mismatch', 'signature does not match the body');
  }
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const skew = Math.abs(now - Number(timestamp));
  if (skew > toleranceSeconds) {
    throw new WebhookSignatureError(
      'expired',
      `signature timestamp is ${skew}s away from now (tolerance ${toleranceSeconds}s): expired or replayed`,
    );
  }
}

/** An ISO 8601 time as Telnyx writes it (microseconds, `Z`). */
export const telnyxTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO 8601 time');

/** Every Telnyx webhook: `{"data":{"record_type":"event","id","event_type","occurred_at","payload"},"meta"}`. */
export function telnyxEnvelopeSchema<P extends z.ZodType>(payload: P) {
  return z.object({
    data: z.object({
      id: z.string().min(1),
      event_type: z.string().min(1),
      occurred_at: telnyxTime,
      payload,
    }),
  });
}

/** Verifies then parses a webhook body; the event id is the delivery id (the same on redelivery). */
export function parseTelnyxWebhook<P extends z.ZodType>(
  input: WebhookInput,
  key: KeyObject,
  toleranceSeconds: number,
  payload: P,
): { id: string; eventType: string; occurredAt: string; payload: z.infer<P> } {
  verifyTelnyxSignature(input, key, toleranceSeconds);
  const { data } = parseWebhookBody(telnyxEnvelopeSchema(payload), input.rawBody);
  // zod cannot name the generic payload's key in the inferred type; the schema checked it.
  const fields = data as { id: string; event_type: string; occurred_at: string; payload: z.infer<P> };
  return {
    id: fields.id,
    eventType: fields.event_type,
    occurredAt: new Date(fields.occurred_at).toISOString(),
    payload: fields.payload,
  };
}
