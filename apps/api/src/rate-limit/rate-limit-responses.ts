import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { TokenBucketDecision, TokenBucketPolicy } from '@engine/redis';
import { retryAfterSeconds } from './rate-limit-policy';

/**
 * The IETF draft's fields (draft-ietf-httpapi-ratelimit-headers, the `RateLimit-Limit` /
 * `-Remaining` / `-Reset` form): the bucket's size, the whole requests left in it, and the seconds
 * until it is full again.
 */
export function setRateLimitHeaders(res: Response, decision: TokenBucketDecision): void {
  res.setHeader('RateLimit-Limit', String(decision.limit));
  res.setHeader('RateLimit-Remaining', String(decision.remaining));
  res.setHeader('RateLimit-Reset', String(Math.ceil(decision.resetMs / 1000)));
}

/**
 * A 429 naming the rule that refused the request. `Retry-After` goes on the response here rather
 * than through the exception: the exception filter writes status and body only, and headers set
 * on the response before the throw are kept.
 */
export function tooManyRequests(res: Response, retryAfterMs: number, rule: string): HttpException {
  const seconds = retryAfterSeconds(retryAfterMs);
  res.setHeader('Retry-After', String(seconds));
  // The filter fills in statusCode, error and the code (rate_limited).
  return new HttpException({ message: `${rule}; retry after ${seconds} s` }, HttpStatus.TOO_MANY_REQUESTS);
}

/** The per-key rule, as a 429's message states it. */
export function perKeyRule(policy: TokenBucketPolicy): string {
  return (
    `rate limit of this API key exceeded: ${policy.burst} requests at once, ` +
    `then ${policy.ratePerSecond} per second`
  );
}

/** The failed-check rule, as a 429's message states it. */
export function authFailureRule(policy: TokenBucketPolicy): string {
  return (
    `too many failed API key checks from this address: at most ${policy.burst} per minute; ` +
    `the key was not checked`
  );
}
