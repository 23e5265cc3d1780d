import type { Response } from 'express';
import type { StoredAnswer } from '@engine/redis';
import { IDEMPOTENT_REPLAYED_HEADER } from './idempotency-key';

/**
 * Response headers not replayed: they describe one transfer or one moment (framing, date), are
 * recomputed from the body by Express (length, ETag), or must not be handed out twice (cookies).
 */
const NOT_REPLAYED = new Set([
  'connection',
  'content-length',
  'date',
  'etag',
  'keep-alive',
  'set-cookie',
  'transfer-encoding',
  'x-powered-by',
]);

type End = (...args: unknown[]) => unknown;
type Write = (...args: unknown[]) => boolean;

function chunkBytes(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, Buffer.isEncoding(encoding as string) ? (encoding as BufferEncoding) : 'utf8');
  }
  return undefined;
}

/**
 * Calls `onAnswer` with the answer exactly as the client gets it (status, headers, body bytes),
 * whoever writes it: the route's own reply, or the exception filter's. The response is held back
 * until `onAnswer` settles, so that a client never sees an answer that is not stored yet: a retry
 * it sends right away finds the stored answer instead of a key still running. `onAnswer` must not
 * reject.
 */
export function captureAnswer(res: Response, onAnswer: (answer: StoredAnswer) => Promise<void>): void {
  const target = res as unknown as { write: Write; end: End };
  const write = target.write;
  const end = target.end;
  const chunks: Buffer[] = [];
  target.write = function (this: unknown, ...args: unknown[]) {
    const bytes = chunkBytes(args[0], typeof args[1] === 'string' ? args[1] : undefined);
    if (bytes) chunks.push(bytes);
    return write.apply(this, args);
  };
  target.end = function (this: unknown, ...args: unknown[]) {
    target.write = write;
    target.end = end;
    const bytes = typeof args[0] === 'function' ? undefined : chunkBytes(args[0], args[1]);
    if (bytes) chunks.push(bytes);
    const answer: StoredAnswer = {
      status: res.statusCode,
      headers: replayableHeaders(res),
      body: Buffer.concat(chunks),
    };
    void onAnswer(answer).finally(() => end.apply(this, args));
    return res;
  };
}

function replayableHeaders(res: Response): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value === undefined || NOT_REPLAYED.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return headers;
}

/**
 * Puts a stored answer's status and headers on `res`, marked as replayed, and returns its body for
 * the route to send: Express then sends the same bytes (UTF-8 JSON) with the same content type and
 * recomputes length and ETag, as it did the first time.
 */
export function prepareReplay(res: Response, answer: StoredAnswer): string | undefined {
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  res.status(answer.status);
  return answer.body.length > 0 ? answer.body.toString('utf8') : undefined;
}
