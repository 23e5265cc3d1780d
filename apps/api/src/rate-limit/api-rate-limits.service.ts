import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EngineConfig } from '@engine/config';
import type { Redis, TokenBucketDecision } from '@engine/redis';
import { ApiRateLimiter } from '@engine/redis';
import { withTimeout } from '../common/wait';
import { ENGINE_CONFIG, REDIS } from '../infrastructure/tokens';
import type { ApiRateLimitPolicies } from './rate-limit-policy';
import { apiRateLimitPolicies } from './rate-limit-policy';

/**
 * How long a request waits for Redis before it is served unlimited. A take is one round trip
 * (well under a millisecond on a LAN); waiting longer would turn a slow Redis into a slow API.
 */
const REDIS_TIMEOUT_MS = 250;
/** An outage is reported at most once per this interval, not once per request. */
const WARN_INTERVAL_MS = 60_000;
/** Connection states in which a command would only sit in ioredis's offline queue. */
const DOWN = new Set(['reconnecting', 'close', 'end']);

/**
 * The API's rate limits over the shared token buckets in Redis: one bucket per API key (by the
 * key's hash, never the key), one per client address for failed key checks. Every method fails
 * open: when Redis cannot answer in time the request is served, and a warning says so (once per
 * minute), because an API that refuses all traffic while Redis is down is worse than one that is
 * briefly unlimited.
 */
@Injectable()
export class ApiRateLimits {
  readonly policies: ApiRateLimitPolicies;
  private readonly logger = new Logger('rate-limit');
  private readonly limiter: ApiRateLimiter;
  private lastWarningAt = Number.NEGATIVE_INFINITY;
  private unlimitedSinceWarning = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ENGINE_CONFIG) config: EngineConfig,
  ) {
    this.policies = apiRateLimitPolicies(config.env);
    this.limiter = new ApiRateLimiter(redis);
  }

  /** Takes one request from the API key's bucket; `undefined`: no limit, or Redis could not say. */
  async takeForKey(keyHash: string): Promise<TokenBucketDecision | undefined> {
    const policy = this.policies.perKey;
    if (!policy) return undefined;
    return this.failOpen(() => this.limiter.take(`key:${keyHash}`, policy));
  }

  /**
   * The address's failed-check budget, taking nothing: refused when it is used up. `undefined`:
   * no limit, no address, or Redis could not say.
   */
  async authFailureBudget(address: string | undefined): Promise<TokenBucketDecision | undefined> {
    const policy = this.policies.authFailuresPerAddress;
    if (!policy || !address) return undefined;
    return this.failOpen(() => this.limiter.peek(`auth-failures:${address}`, policy));
  }

  /** Counts one failed key check against the address. */
  async recordAuthFailure(address: string | undefined): Promise<void> {
    const policy = this.policies.authFailuresPerAddress;
    if (!policy || !address) return;
    await this.failOpen(() => this.limiter.take(`auth-failures:${address}`, policy));
  }

  /** `op`'s decision, or undefined (and a warning) when Redis is down, fails or is too slow. */
  private async failOpen<T extends object>(op: () => Promise<T>): Promise<T | undefined> {
    if (DOWN.has(this.redis.status)) {
      this.warnUnlimited(`Redis connection is ${this.redis.status}`);
      return undefined;
    }
    let failure = `Redis did not answer within ${REDIS_TIMEOUT_MS} ms`;
    const failed = (err: unknown) => {
      failure = err instanceof Error ? err.message : String(err);
      return undefined;
    };
    const decision = await withTimeout<T | undefined>(op().catch(failed), REDIS_TIMEOUT_MS, undefined);
    if (decision === undefined) this.warnUnlimited(failure);
    return decision;
  }

  private warnUnlimited(reason: string): void {
    this.unlimitedSinceWarning += 1;
    const now = Date.now();
    if (now - this.lastWarningAt < WARN_INTERVAL_MS) return;
    this.logger.warn(
      `API rate limits not enforced (${reason}): serving ${this.unlimitedSinceWarning} request(s) ` +
        `unlimited since the last warning; the next warning comes in ${WARN_INTERVAL_MS / 1000} s at the earliest`,
    );
    this.lastWarningAt = now;
    this.unlimitedSinceWarning = 0;
  }
}
