import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';

const SCRIPTS = [
  { command: 'carrierRateTakeSlots', lua: readFileSync(join(__dirname, 'lua', 'take-slots-1.lua'), 'utf8') },
  { command: 'carrierRateFreeSlots', lua: readFileSync(join(__dirname, 'lua', 'free-slots-1.lua'), 'utf8') },
];

interface CarrierRateCommands {
  carrierRateTakeSlots(
    key: string,
    wanted: number,
    limit: number,
    windowMs: number,
    prefix: string,
  ): Promise<unknown>;
  carrierRateFreeSlots(key: string, limit: number, windowMs: number): Promise<unknown>;
}

/** What a request for call slots got. */
export interface CarrierSlots {
  /** Calls that may start now (0..wanted). */
  granted: number;
  /** When the rest may try again (0 when all were granted). */
  retryAfterMs: number;
}

/**
 * A carrier's "N calls per second" as a sliding window: `limit` calls in any `windowMs`. Integer
 * rates are N per 1000 ms; a fractional rate keeps its average with whole calls (0.5/s is 1 per
 * 2000 ms, 2.5/s is 2 per 800 ms).
 */
export function rateWindow(callsPerSecond: number): { limit: number; windowMs: number } {
  if (!(callsPerSecond > 0) || !Number.isFinite(callsPerSecond)) {
    throw new RangeError(`calls per second must be a positive number, got ${callsPerSecond}`);
  }
  const limit = Math.max(1, Math.floor(callsPerSecond));
  return { limit, windowMs: Math.round((limit * 1000) / callsPerSecond) };
}

/** Options of {@link CarrierRateLimiter}. */
export interface CarrierRateLimiterOptions {
  /** Redis key of an account's slot log, before the client's keyPrefix. Default `carrier-rate:<id>`. */
  keyFor?: (accountId: string) => string;
}

/**
 * The per-account call rate every campaign and worker shares (carriers cap calls per second per
 * account; Twilio's default is 1). Slots are taken atomically in Redis, so two workers cannot both
 * take the last one; a caller that gets fewer than it asked for defers the rest (`retryAfterMs`),
 * it does not fail them.
 */
export class CarrierRateLimiter {
  private readonly redis: Redis & CarrierRateCommands;
  private readonly keyFor: (accountId: string) => string;

  constructor(redis: Redis, options: CarrierRateLimiterOptions = {}) {
    for (const script of SCRIPTS) redis.defineCommand(script.command, { numberOfKeys: 1, lua: script.lua });
    this.redis = redis as Redis & CarrierRateCommands;
    this.keyFor = options.keyFor ?? ((accountId) => `carrier-rate:${accountId}`);
  }

  /** Takes up to `wanted` slots of the account's `callsPerSecond`. */
  async take(accountId: string, callsPerSecond: number, wanted: number): Promise<CarrierSlots> {
    if (!Number.isInteger(wanted) || wanted < 0)
      throw new RangeError(`wanted must be a whole number, got ${wanted}`);
    if (wanted === 0) return { granted: 0, retryAfterMs: 0 };
    const { limit, windowMs } = rateWindow(callsPerSecond);
    const reply = await this.redis.carrierRateTakeSlots(
      this.keyFor(accountId),
      wanted,
      limit,
      windowMs,
      randomUUID(),
    );
    const [granted, retryAfterMs] = pair(reply);
    return { granted, retryAfterMs };
  }

  /** How many slots are free now (taking none), and when one frees if none is. */
  async free(accountId: string, callsPerSecond: number): Promise<{ free: number; retryAfterMs: number }> {
    const { limit, windowMs } = rateWindow(callsPerSecond);
    const [free, retryAfterMs] = pair(
      await this.redis.carrierRateFreeSlots(this.keyFor(accountId), limit, windowMs),
    );
    return { free, retryAfterMs };
  }
}

function pair(reply: unknown): [number, number] {
  if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
    throw new Error(`carrier rate script answered ${JSON.stringify(reply)}`);
  }
  return [reply[0], reply[1]];
}
