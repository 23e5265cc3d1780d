import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';

const TAKE_SCRIPT = {
  command: 'apiRateTake',
  lua: readFileSync(join(__dirname, 'lua', 'take-1.lua'), 'utf8'),
};

interface ApiRateCommands {
  apiRateTake(key: string, ratePerSecond: number, burst: number, cost: number): Promise<unknown>;
}

/** A token bucket's shape: `burst` requests at once, then `ratePerSecond` on average. */
export interface TokenBucketPolicy {
  /** Tokens regained per second (> 0; fractions allowed: 0.5 is one every 2 s). */
  ratePerSecond: number;
  /** The bucket's size: the most requests in a burst (whole number >= 1). */
  burst: number;
}

/** What a take (or a peek) found. */
export interface TokenBucketDecision {
  /** The tokens were taken (a peek: a token is there). */
  allowed: boolean;
  /** The bucket's size, as sent in `RateLimit-Limit`. */
  limit: number;
  /** Whole tokens left after this call. */
  remaining: number;
  /** 0 when allowed, else how long until the request would be allowed (>= 1). */
  retryAfterMs: number;
  /** How long until the bucket is full again (0 when full). */
  resetMs: number;
}

/** Checks a policy, so that a bad configuration fails at startup rather than inside Redis. */
export function assertTokenBucketPolicy(policy: TokenBucketPolicy): void {
  if (!(policy.ratePerSecond > 0) || !Number.isFinite(policy.ratePerSecond)) {
    throw new RangeError(`token bucket rate must be a positive number, got ${policy.ratePerSecond}`);
  }
  if (!Number.isInteger(policy.burst) || policy.burst < 1) {
    throw new RangeError(`token bucket burst must be a whole number >= 1, got ${policy.burst}`);
  }
}

/** Options of {@link ApiRateLimiter}. */
export interface ApiRateLimiterOptions {
  /** Redis key of a bucket, before the client's keyPrefix. Default `api-rate:<bucketId>`. */
  keyFor?: (bucketId: string) => string;
}

/**
 * Token buckets in Redis, one per caller (the API gives one to every API key): each take is one
 * atomic script on Redis server time, so any number of API processes share one allowance and two
 * concurrent requests cannot both take the last token. A bucket's key expires once it would be
 * full again, so idle callers leave nothing behind.
 */
export class ApiRateLimiter {
  private readonly redis: Redis & ApiRateCommands;
  private readonly keyFor: (bucketId: string) => string;

  constructor(redis: Redis, options: ApiRateLimiterOptions = {}) {
    redis.defineCommand(TAKE_SCRIPT.command, { numberOfKeys: 1, lua: TAKE_SCRIPT.lua });
    this.redis = redis as Redis & ApiRateCommands;
    this.keyFor = options.keyFor ?? ((bucketId) => `api-rate:${bucketId}`);
  }

  /** Takes `cost` tokens (default 1) from the bucket, all or none. */
  async take(bucketId: string, policy: TokenBucketPolicy, cost = 1): Promise<TokenBucketDecision> {
    assertTokenBucketPolicy(policy);
    if (!Number.isInteger(cost) || cost < 1 || cost > policy.burst) {
      throw new RangeError(`cost must be a whole number from 1 to the burst (${policy.burst}), got ${cost}`);
    }
    return this.run(bucketId, policy, cost);
  }

  /** Whether a token is there, taking none and writing nothing. */
  async peek(bucketId: string, policy: TokenBucketPolicy): Promise<TokenBucketDecision> {
    assertTokenBucketPolicy(policy);
    return this.run(bucketId, policy, 0);
  }

  private async run(bucketId: string, policy: TokenBucketPolicy, cost: number): Promise<TokenBucketDecision> {
    const reply = await this.redis.apiRateTake(
      this.keyFor(bucketId),
      policy.ratePerSecond,
      policy.burst,
      cost,
    );
    if (!Array.isArray(reply) || reply.length !== 4 || !reply.every((v) => typeof v === 'number')) {
      throw new Error(`api rate script answered ${JSON.stringify(reply)}`);
    }
    const [allowed, remaining, retryAfterMs, resetMs] = reply as [number, number, number, number];
    return { allowed: allowed === 1, limit: policy.burst, remaining, retryAfterMs, resetMs };
  }
}
