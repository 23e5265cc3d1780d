/** Exponential backoff between attempts of a queued call, with bounded jitter. */
export interface BackoffPolicy {
  /** Delay before the second attempt, in seconds. */
  baseSeconds: number;
  /** Each further delay is this many times the previous one (before jitter). */
  factor: number;
  /** No delay exceeds this (before jitter). */
  maxSeconds: number;
  /** Each delay is scaled by a factor drawn from [1 - jitter, 1 + jitter]. */
  jitter: number;
}

/**
 * Defaults for ad-hoc calls: 60 s, 120 s, 240 s, ... up to an hour, ± 20 %. With `factor` 2 and
 * jitter ± 20 %, each delay is at least 2 · 0.8 / 1.2 ≈ 1.33 times the previous one until the
 * cap, so the intervals grow even with the worst draws, and a burst of failures that happened
 * together does not come back together.
 */
export const DefaultCallBackoff: BackoffPolicy = {
  baseSeconds: 60,
  factor: 2,
  maxSeconds: 3600,
  jitter: 0.2,
};

/**
 * The delay (ms) before the attempt after `attemptNumber` (1 = the first attempt failed).
 * `unit` is a uniform draw in [0, 1) (the caller's randomness, so the function stays pure).
 */
export function retryDelayMs(policy: BackoffPolicy, attemptNumber: number, unit: number): number {
  const n = Math.max(1, Math.floor(attemptNumber));
  const raw = Math.min(policy.maxSeconds, policy.baseSeconds * policy.factor ** (n - 1));
  const scale = 1 - policy.jitter + 2 * policy.jitter * Math.min(Math.max(unit, 0), 1);
  return Math.round(raw * scale * 1000);
}

/**
 * A deterministic uniform draw in [0, 1) from a string (FNV-1a): the jitter of one attempt is the
 * same on every retry of the activity that computes it, so a retried recording writes the same
 * time.
 */
export function unitFromKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x100000000;
}
