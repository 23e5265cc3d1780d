import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { Kysely } from 'kysely';
import type { Customer, Database } from '@engine/db';
import { findCustomerByApiKey, hashApiKey } from '@engine/db';
import { DB } from '../infrastructure/tokens';
import { ApiRateLimits } from '../rate-limit/api-rate-limits.service';
import { authFailureRule, tooManyRequests } from '../rate-limit/rate-limit-responses';
import type { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';

/** How long a verified key is trusted without asking the database again (revocation delay). */
const CACHE_TTL_MS = 10_000;
/**
 * How long a key verified by this process stays exempt from its address's failed-check limit
 * (it is still verified against the database): clients behind one proxy share an address, and
 * one of them trying bad keys must not lock the others out.
 */
const KNOWN_KEY_MS = 60 * 60_000;
const CACHE_MAX = 10_000;

interface CachedKey {
  customer: Customer;
  /** Until when the key is trusted without the database. */
  expires: number;
  /** Until when the key skips the failed-check limit. */
  known: number;
}

/**
 * The global guard: `Authorization: Bearer <api key>` resolves to the key's customer, which every
 * handler scopes its queries to. Routes marked `@Public()` (health, provider webhooks) skip it;
 * the OpenAPI document is served outside Nest's router and never reaches it. Failed checks count
 * against the client address (`API_AUTH_FAILURES_PER_MINUTE`); once its budget is spent, keys the
 * process does not know are refused with 429 without being checked, so guessing gets no answers.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly cache = new Map<string, CachedKey>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly limits: ApiRateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new UnauthorizedException('missing API key: send "Authorization: Bearer <key>"');
    }
    const apiKey = match[1];
    const hash = apiKey.length > 512 ? undefined : hashApiKey(apiKey);
    const customer = hash
      ? await this.resolve(apiKey, hash, req.ip, context.switchToHttp().getResponse<Response>())
      : undefined;
    if (!customer || !hash) {
      await this.limits.recordAuthFailure(req.ip);
      throw new UnauthorizedException('invalid or revoked API key');
    }
    req.customer = customer;
    req.apiKeyHash = hash;
    return true;
  }

  private async resolve(
    apiKey: string,
    hash: string,
    address: string | undefined,
    res: Response,
  ): Promise<Customer | undefined> {
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.expires > now) return cached.customer;
    if (!(cached && cached.known > now)) {
      const budget = await this.limits.authFailureBudget(address);
      const policy = this.limits.policies.authFailuresPerAddress;
      if (budget && !budget.allowed && policy) {
        throw tooManyRequests(res, budget.retryAfterMs, authFailureRule(policy));
      }
    }
    const customer = await findCustomerByApiKey(this.db, apiKey);
    if (!customer) {
      this.cache.delete(hash);
      return undefined;
    }
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(hash, { customer, expires: now + CACHE_TTL_MS, known: now + KNOWN_KEY_MS });
    return customer;
  }
}
