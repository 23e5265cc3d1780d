/**
 * Why a webhook signature was refused:
 * - `missing`: no signature header;
 * - `malformed`: the header is not `t=<unix seconds>,v1=<64 hex chars>`;
 * - `mismatch`: no `v1` matches the HMAC of the body (forged, tampered, or the wrong secret);
 * - `expired`: the signature is genuine but its timestamp is outside the tolerance window, which
 *   is how a replayed (captured and re-sent) webhook is refused;
 * - `replayed`: genuine, but its delivery id (event id, nonce, signature) was received before.
 */
export const WebhookSignatureFailures = ['missing', 'malformed', 'mismatch', 'expired', 'replayed'] as const;

/** See {@link WebhookSignatureFailures}. */
export type WebhookSignatureFailure = (typeof WebhookSignatureFailures)[number];

/** A webhook whose signature could not be verified; answer it with 401 and do not process it. */
export class WebhookSignatureError extends Error {
  readonly code = 'WEBHOOK_SIGNATURE_INVALID' as const;
  readonly reason: WebhookSignatureFailure;

  constructor(reason: WebhookSignatureFailure, message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
    this.reason = reason;
  }
}
