import type { Redis } from 'ioredis';
import {
  InvalidSemaphoreArgumentError,
  UnexpectedSemaphoreReplyError,
  UnknownChannelPoolError,
} from './errors';
import type { ChannelPool, ChannelPoolLimits } from './pools';
import { CHANNEL_POOLS, DEFAULT_CHANNEL_POOL_LIMITS, isChannelPool } from './pools';
import type { SemaphoreCommands } from './scripts';
import { defineSemaphoreCommands } from './scripts';

/**
 * Default lease lifetime: 15 minutes, longer than the longest call plus its callback timeout, so a
 * live call never loses its slot, yet a lost callback frees it within a quarter of an hour (the
 * seed's counter held it for an hour, or for ever).
 */
export const DEFAULT_LEASE_TTL_MS = 15 * 60 * 1000;

/** Back-off when a pool is full: the design's 5 s re-queue (DESIGN.md section 5). */
export const DEFAULT_FULL_RETRY_AFTER_MS = 5_000;

export interface ChannelSemaphoreOptions {
  /** Overrides of {@link DEFAULT_CHANNEL_POOL_LIMITS}, per pool; every worker must use the same. */
  limits?: Partial<ChannelPoolLimits>;
  /** Lease lifetime when `acquire`/`renew` are given none. Default {@link DEFAULT_LEASE_TTL_MS}. */
  leaseTtlMs?: number;
  /** Redis key of a pool's lease set, before the client's keyPrefix. Default `channels:<pool>`. */
  keyFor?: (pool: ChannelPool) => string;
  /**
   * Longest `retryAfterMs` a full pool answers. It is shorter when the pool's earliest lease
   * expires sooner. Default {@link DEFAULT_FULL_RETRY_AFTER_MS}.
   */
  fullRetryAfterMs?: number;
}

/** A slot was taken (or was already held by this lease id, and was extended). */
export interface ChannelAcquired {
  acquired: true;
  /** Live leases in the pool, this one included. */
  inUse: number;
}

/** The pool is full: back-pressure, not a failure. Try again after `retryAfterMs`. */
export interface ChannelPoolFull {
  acquired: false;
  inUse: number;
  limit: number;
  /**
   * When trying again makes sense: the time until the pool's earliest lease expires, capped at
   * `fullRetryAfterMs` (a release usually frees a slot long before an expiry does).
   */
  retryAfterMs: number;
}

export type ChannelAcquireResult = ChannelAcquired | ChannelPoolFull;

/** One pool's occupancy, for monitoring. */
export interface ChannelPoolUsage {
  pool: ChannelPool;
  inUse: number;
  limit: number;
}

/** One live lease, for finding which call attempts hold a pool's slots. */
export interface ChannelLease {
  leaseId: string;
  /** Milliseconds until it expires, by the Redis server's clock. */
  expiresInMs: number;
}

/**
 * A leak-proof semaphore over the SIP channel pools, shared by every worker through Redis.
 *
 * Each pool is a sorted set of leases (member = lease id, the call attempt id; score = expiry in
 * Redis server time). Every operation is one Lua script, so it is atomic; expired leases are
 * purged before anything is counted, so a slot whose release never comes (crashed worker, lost
 * provider callback) returns by itself when its lease expires. Acquire is idempotent per lease
 * id (an activity retry keeps its slot rather than taking a second one) and release removes only
 * its own lease id (a double or late release cannot free a slot someone else holds).
 *
 * Usage: `acquire` before originating, `release` in a `finally` (or when the outcome arrives),
 * `renew` as a heartbeat if a call may outlive the lease TTL.
 */
export class ChannelSemaphore {
  /** The effective limit of every pool: the defaults with the given overrides. */
  readonly limits: Readonly<ChannelPoolLimits>;
  readonly leaseTtlMs: number;
  readonly fullRetryAfterMs: number;
  private readonly redis: Redis & SemaphoreCommands;
  private readonly keys: Readonly<Record<ChannelPool, string>>;

  constructor(redis: Redis, options: ChannelSemaphoreOptions = {}) {
    this.limits = resolveLimits(options.limits);
    this.leaseTtlMs = checkTtl('leaseTtlMs', options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS);
    this.fullRetryAfterMs = checkTtl(
      'fullRetryAfterMs',
      options.fullRetryAfterMs ?? DEFAULT_FULL_RETRY_AFTER_MS,
    );
    this.keys = resolveKeys(options.keyFor ?? ((pool) => `channels:${pool}`));
    this.redis = defineSemaphoreCommands(redis);
  }

  /**
   * Takes a slot of `pool` for `leaseId` for `ttlMs` (default: the semaphore's `leaseTtlMs`).
   * Acquiring again with a lease id that holds a live lease succeeds without taking a second
   * slot, and moves its expiry to `ttlMs` from now if that is later.
   */
  async acquire(
    pool: ChannelPool,
    leaseId: string,
    ttlMs: number = this.leaseTtlMs,
  ): Promise<ChannelAcquireResult> {
    const key = this.keyOf(pool);
    checkLeaseId(leaseId);
    checkTtl('ttlMs', ttlMs);
    const limit = this.limits[pool];
    const reply = await this.redis.channelSemaphoreAcquire(key, leaseId, limit, ttlMs);
    const [status, inUse, msUntilEarliestExpiry] = integers('acquire-1.lua', reply);
    if (status === 1 && inUse !== undefined) return { acquired: true, inUse };
    if (status === 0 && inUse !== undefined && msUntilEarliestExpiry !== undefined) {
      // -1: the pool has no lease to wait for (a limit of 0), only a config change frees it.
      const retryAfterMs =
        msUntilEarliestExpiry < 0
          ? this.fullRetryAfterMs
          : Math.max(1, Math.min(this.fullRetryAfterMs, msUntilEarliestExpiry));
      return { acquired: false, inUse, limit, retryAfterMs };
    }
    throw new UnexpectedSemaphoreReplyError('acquire-1.lua', reply);
  }

  /**
   * Gives back `leaseId`'s slot of `pool`. Idempotent and safe to call from a `finally`: it
   * removes only this lease id. Returns true if a live lease was released, false if there was
   * none (never acquired, already released, or already expired).
   */
  async release(pool: ChannelPool, leaseId: string): Promise<boolean> {
    const key = this.keyOf(pool);
    checkLeaseId(leaseId);
    return flag('release-1.lua', await this.redis.channelSemaphoreRelease(key, leaseId));
  }

  /**
   * Extends a live lease to expire `ttlMs` from now (default: `leaseTtlMs`). Returns false, and
   * takes nothing, if the lease is gone: the holder has lost its slot and must not assume it.
   */
  async renew(pool: ChannelPool, leaseId: string, ttlMs: number = this.leaseTtlMs): Promise<boolean> {
    const key = this.keyOf(pool);
    checkLeaseId(leaseId);
    checkTtl('ttlMs', ttlMs);
    return flag('renew-1.lua', await this.redis.channelSemaphoreRenew(key, leaseId, ttlMs));
  }

  /** Live leases of `pool` against its limit (expired leases are purged first). */
  async usage(pool: ChannelPool): Promise<ChannelPoolUsage> {
    const key = this.keyOf(pool);
    const inUse = await this.redis.channelSemaphoreUsage(key);
    if (typeof inUse !== 'number') throw new UnexpectedSemaphoreReplyError('usage-1.lua', inUse);
    return { pool, inUse, limit: this.limits[pool] };
  }

  /** {@link usage} of every pool, in {@link CHANNEL_POOLS} order. */
  usageAll(): Promise<ChannelPoolUsage[]> {
    return Promise.all(CHANNEL_POOLS.map((pool) => this.usage(pool)));
  }

  /** The live leases of `pool`, soonest expiry first: which attempts hold the slots. */
  async leases(pool: ChannelPool): Promise<ChannelLease[]> {
    const key = this.keyOf(pool);
    const reply = await this.redis.channelSemaphoreLeases(key);
    if (!Array.isArray(reply) || reply.length % 2 !== 0) {
      throw new UnexpectedSemaphoreReplyError('leases-1.lua', reply);
    }
    const leases: ChannelLease[] = [];
    for (let i = 0; i < reply.length; i += 2) {
      const leaseId: unknown = reply[i];
      const expiresInMs: unknown = reply[i + 1];
      if (typeof leaseId !== 'string' || typeof expiresInMs !== 'number') {
        throw new UnexpectedSemaphoreReplyError('leases-1.lua', reply);
      }
      leases.push({ leaseId, expiresInMs });
    }
    return leases;
  }

  /** The Redis key of `pool` (before the client's keyPrefix); throws on an unknown pool. */
  keyOf(pool: ChannelPool): string {
    // Callers may hold a pool name from config or a request, typed or not: check at run time.
    if (!isChannelPool(pool)) throw new UnknownChannelPoolError(String(pool), CHANNEL_POOLS);
    return this.keys[pool];
  }
}

function resolveLimits(overrides: Partial<ChannelPoolLimits> | undefined): ChannelPoolLimits {
  const limits: ChannelPoolLimits = { ...DEFAULT_CHANNEL_POOL_LIMITS };
  for (const [pool, limit] of Object.entries(overrides ?? {})) {
    // A misspelt pool in config would otherwise be ignored and leave the default in force.
    if (!isChannelPool(pool)) throw new UnknownChannelPoolError(pool, CHANNEL_POOLS);
    if (limit === undefined) continue;
    if (!Number.isSafeInteger(limit) || limit < 0) {
      throw new InvalidSemaphoreArgumentError(`limits.${pool}`, limit, 'an integer >= 0');
    }
    limits[pool] = limit;
  }
  return limits;
}

function resolveKeys(keyFor: (pool: ChannelPool) => string): Record<ChannelPool, string> {
  const keys = {} as Record<ChannelPool, string>;
  const seen = new Set<string>();
  for (const pool of CHANNEL_POOLS) {
    const key = keyFor(pool);
    if (typeof key !== 'string' || key === '') {
      throw new InvalidSemaphoreArgumentError(`keyFor(${pool})`, key, 'a non-empty string');
    }
    // Two pools on one key would silently share a single limit.
    if (seen.has(key)) throw new InvalidSemaphoreArgumentError(`keyFor(${pool})`, key, 'a key of its own');
    seen.add(key);
    keys[pool] = key;
  }
  return keys;
}

function checkTtl(argument: string, ttlMs: number): number {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new InvalidSemaphoreArgumentError(argument, ttlMs, 'a whole number of milliseconds > 0');
  }
  return ttlMs;
}

function checkLeaseId(leaseId: string): void {
  if (typeof leaseId !== 'string' || leaseId === '') {
    throw new InvalidSemaphoreArgumentError('leaseId', leaseId, 'a non-empty string');
  }
}

/** A script reply of integers (Lua numbers come back as integers), or an error naming the script. */
function integers(script: string, reply: unknown): number[] {
  if (!Array.isArray(reply) || !reply.every((n) => typeof n === 'number')) {
    throw new UnexpectedSemaphoreReplyError(script, reply);
  }
  return reply as number[];
}

function flag(script: string, reply: unknown): boolean {
  if (reply === 1) return true;
  if (reply === 0) return false;
  throw new UnexpectedSemaphoreReplyError(script, reply);
}
