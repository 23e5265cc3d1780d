import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Kysely } from 'kysely';
import type { Customer, Database } from '@engine/db';
import { findCustomerByApiKey, hashApiKey } from '@engine/db';
import { DB } from '../infrastructure/tokens';
import type { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';

/** How long a verified key is trusted without asking the database again (revocation delay). */
const CACHE_TTL_MS = 10_000;
const CACHE_MAX = 10_000;

/**
 * The global guard: `Authorization: Bearer <api key>` resolves to the key's customer, which every
 * handler scopes its queries to. Routes marked `@Public()` (health, provider webhooks) skip it;
 * the OpenAPI document is served outside Nest's router and never reaches it.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly cache = new Map<string, { customer: Customer; expires: number }>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(DB) private readonly db: Kysely<Database>,
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
    const customer = await this.resolve(match[1]);
    if (!customer) throw new UnauthorizedException('invalid or revoked API key');
    req.customer = customer;
    return true;
  }

  private async resolve(apiKey: string): Promise<Customer | undefined> {
    if (apiKey.length > 512) return undefined;
    const hash = hashApiKey(apiKey);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.expires > now) return cached.customer;
    const customer = await findCustomerByApiKey(this.db, apiKey);
    if (!customer) {
      this.cache.delete(hash);
      return undefined;
    }
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(hash, { customer, expires: now + CACHE_TTL_MS });
    return customer;
  }
}
