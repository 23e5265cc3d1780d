import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';

/** The request header that makes a creating POST safe to retry. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer that was replayed from the first request with the key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * Visible ASCII (`!` to `~`): what survives every HTTP stack and log unchanged. No spaces: HTTP
 * strips them around a header value, so " k" and "k" would be one key.
 */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * The request's Idempotency-Key, undefined when it has none. A key that is empty, longer than 255
 * characters or not visible ASCII is a 400 naming the header: executing the request without the
 * protection the client asked for would be worse than refusing it.
 */
export function idempotencyKeyOf(req: Request): string | undefined {
  const raw = req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (raw === undefined) return undefined;
  // Node joins repeated custom headers with ", "; an array only comes from a hand-built request.
  const key = Array.isArray(raw) ? raw.join(', ') : raw;
  const why =
    key.length === 0
      ? 'it is empty'
      : key.length > MAX_IDEMPOTENCY_KEY_LENGTH
        ? `it has ${key.length}`
        : VISIBLE_ASCII.test(key)
          ? undefined
          : 'it has spaces or characters outside visible ASCII';
  if (why !== undefined) {
    throw new BadRequestException({
      message: `${IDEMPOTENCY_KEY_HEADER} header must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters (no spaces); ${why}`,
      field: IDEMPOTENCY_KEY_HEADER,
      code: 'invalid_header',
    });
  }
  return key;
}

/** Method and path with its params, without the query string: what a key is bound to besides the body. */
export function requestLine(req: Request): string {
  const path = (req.originalUrl ?? req.url).split('?')[0] ?? '';
  return `${req.method} ${path}`;
}
