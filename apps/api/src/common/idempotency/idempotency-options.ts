import { IDEMPOTENCY_LOCK_TTL_MS, IDEMPOTENCY_TTL_MS } from '@engine/redis';
import { MAX_CSV_BYTES } from '../csv-upload';

/** Injection tokens of the idempotency pieces. */
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

export interface IdempotencyOptions {
  /** How long an answer is kept. */
  ttlMs: number;
  /** How long a claim lives without a heartbeat (a crashed API frees the key after this). */
  lockTtlMs: number;
  /** How long a request waits for a concurrent one with the same key before a 409. */
  waitMs: number;
  /** The 409's Retry-After, in seconds. */
  retryAfterSeconds: number;
  /** First and longest pause between two looks at a running key. */
  pollMinMs: number;
  pollMaxMs: number;
  /**
   * How much of an upload the handler left unread may still be read to hash it before its answer
   * is stored (a 404 given before a CSV was read): beyond it the answer is not stored.
   */
  drainBytes: number;
  drainMs: number;
  /** Largest answer body stored (the API's answers are far smaller; a larger one is not kept). */
  maxAnswerBytes: number;
  /** Largest body a replay reads to compare its hash (the CSV upload limit). */
  maxBodyBytes: number;
  /** Longest a claim is kept alive for one request; a handler that hangs longer loses the key. */
  maxHoldMs: number;
}

export const DEFAULT_IDEMPOTENCY_OPTIONS: IdempotencyOptions = {
  ttlMs: IDEMPOTENCY_TTL_MS,
  lockTtlMs: IDEMPOTENCY_LOCK_TTL_MS,
  waitMs: 30_000,
  retryAfterSeconds: 5,
  pollMinMs: 20,
  pollMaxMs: 250,
  drainBytes: 1024 * 1024,
  drainMs: 5_000,
  maxAnswerBytes: 4 * 1024 * 1024,
  maxBodyBytes: MAX_CSV_BYTES,
  maxHoldMs: 15 * 60_000,
};
