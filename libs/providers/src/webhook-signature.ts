import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureError } from './errors/webhook-signature-error';

/** The header the simulator signs its webhooks with (the value is produced by {@link signWebhook}). */
export const SIGNATURE_HEADER = 'x-sim-signature';

/**
 * How far (either way) a signature's timestamp may be from the verifier's clock. Five minutes
 * absorbs clock skew and the simulator's delivery retries while keeping the replay window short.
 */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/** The secret both sides use when `WEBHOOK_SECRET` is not set (dev stack, tests). */
export const DEFAULT_WEBHOOK_SECRET = 'dev-webhook-secret';

const HEX_SHA256 = /^[0-9a-f]{64}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

function hmac(secret: string, timestamp: number, rawBody: Buffer | string): Buffer {
  // The timestamp is part of the signed bytes, so it cannot be changed to dodge the tolerance check.
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * Signs a webhook body: returns the value of the {@link SIGNATURE_HEADER} header,
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<rawBody>")>`. Sign the exact bytes you send.
 */
export function signWebhook(secret: string, rawBody: Buffer | string, now: Date = new Date()): string {
  if (secret.length === 0) throw new TypeError('webhook secret must not be empty');
  const t = unixSeconds(now);
  return `t=${t},v1=${hmac(secret, t, rawBody).toString('hex')}`;
}

/** What a verified signature vouches for. */
export interface VerifiedWebhookSignature {
  /** The signing time (unix seconds) from the header. */
  timestamp: number;
}

interface ParsedSignatureHeader {
  timestamp: number;
  signatures: Buffer[];
}

function parseHeader(header: string): ParsedSignatureHeader {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw new WebhookSignatureError('malformed', `signature header part "${part}" is not key=value`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!UNIX_SECONDS.test(value) || timestamp !== undefined) {
        throw new WebhookSignatureError('malformed', 'signature header needs exactly one numeric t=');
      }
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) {
        throw new WebhookSignatureError(
          'malformed',
          'signature header v1= is not 64 lowercase hex characters',
        );
      }
      signatures.push(Buffer.from(value, 'hex'));
    }
    // Other keys (a future v2 scheme) are ignored so that the sender can add them first.
  }
  if (timestamp === undefined) throw new WebhookSignatureError('malformed', 'signature header has no t=');
  if (signatures.length === 0) throw new WebhookSignatureError('malformed', 'signature header has no v1=');
  return { timestamp, signatures };
}

/**
 * Verifies a webhook signed by {@link signWebhook}: the header is well formed, one of its `v1`
 * values is the HMAC of `rawBody` under one of `secrets` (a list allows rotating the secret), and
 * the timestamp is within `toleranceSeconds` of `now`. Comparison is constant-time.
 *
 * The tolerance window is the replay protection: a captured webhook re-sent later is refused as
 * `expired`. Inside the window a repeat is possible, so consumers must apply webhooks
 * idempotently (by attempt id), which they must anyway because carriers deliver at least once.
 *
 * @throws WebhookSignatureError with reason `missing`, `malformed`, `mismatch` or `expired`.
 */
export function verifyWebhook(
  secrets: string | readonly string[],
  header: string | undefined,
  rawBody: Buffer | string,
  now: Date = new Date(),
  toleranceSeconds: number = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): VerifiedWebhookSignature {
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  if (keys.length === 0 || keys.some((k) => k.length === 0)) {
    throw new TypeError('webhook secrets must be non-empty strings');
  }
  if (header === undefined || header.trim() === '') {
    throw new WebhookSignatureError('missing', `no ${SIGNATURE_HEADER} header`);
  }
  const { timestamp, signatures } = parseHeader(header);
  const genuine = keys.some((secret) => {
    const expected = hmac(secret, timestamp, rawBody);
    return signatures.some((candidate) => timingSafeEqual(candidate, expected));
  });
  // The signature is checked before the time: an unauthenticated timestamp proves nothing.
  if (!genuine) throw new WebhookSignatureError('mismatch', 'signature does not match the body');
  const skew = Math.abs(unixSeconds(now) - timestamp);
  if (skew > toleranceSeconds) {
    throw new WebhookSignatureError(
      'expired',
      `signature timestamp is ${skew}s away from now (tolerance ${toleranceSeconds}s): expired or replayed`,
    );
  }
  return { timestamp };
}
