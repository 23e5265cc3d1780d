import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { ApiRateLimits } from './api-rate-limits.service';
import { perKeyRule, setRateLimitHeaders, tooManyRequests } from './rate-limit-responses';

/**
 * The per-API-key limit, a global guard registered after the API-key guard: every request that
 * guard authenticated takes one token from its key's bucket, and answers 429 with `Retry-After`
 * when the bucket is empty. Public routes (health, carrier webhooks, call documents) never carry
 * a key hash, so they are never limited here.
 */
@Injectable()
export class ApiRateLimitGuard implements CanActivate {
  constructor(private readonly limits: ApiRateLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const keyHash = http.getRequest<Partial<AuthenticatedRequest>>().apiKeyHash;
    const policy = this.limits.policies.perKey;
    if (!keyHash || !policy) return true;
    const decision = await this.limits.takeForKey(keyHash);
    // No limit configured, or Redis could not answer: served (the service has warned).
    if (!decision) return true;
    const res = http.getResponse<Response>();
    setRateLimitHeaders(res, decision);
    if (decision.allowed) return true;
    throw tooManyRequests(res, decision.retryAfterMs, perKeyRule(policy));
  }
}
