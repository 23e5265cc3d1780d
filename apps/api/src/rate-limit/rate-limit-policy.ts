import type { EngineEnv } from '@engine/config';
import type { TokenBucketPolicy } from '@engine/redis';

/** The API's two limits; `undefined` is a limit turned off (a `0` or empty variable). */
export interface ApiRateLimitPolicies {
  /** Every authenticated request takes a token from its API key's bucket. */
  perKey: TokenBucketPolicy | undefined;
  /** Every failed API-key check takes a token from its client address's bucket. */
  authFailuresPerAddress: TokenBucketPolicy | undefined;
}

/** Reads `API_RATE_LIMIT_PER_SECOND`, `API_RATE_LIMIT_BURST` and `API_AUTH_FAILURES_PER_MINUTE`. */
export function apiRateLimitPolicies(env: EngineEnv): ApiRateLimitPolicies {
  const rate = env.API_RATE_LIMIT_PER_SECOND;
  const burst = env.API_RATE_LIMIT_BURST;
  const failures = env.API_AUTH_FAILURES_PER_MINUTE;
  return {
    // A bucket with no refill or no room limits nothing useful: either zero turns the limit off.
    perKey: rate > 0 && burst > 0 ? { ratePerSecond: rate, burst } : undefined,
    // N per minute with a burst of N: a client that mistypes its key a few times is not slowed.
    authFailuresPerAddress: failures > 0 ? { ratePerSecond: failures / 60, burst: failures } : undefined,
  };
}

/** `Retry-After` is whole seconds; rounding down would invite a retry that is refused again. */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
