import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';

/** One Lua file per operation (`<name>-<numberOfKeys>.lua`); each file's header documents it. */
const SCRIPTS = [
  { command: 'idempotencyClaim', file: 'claim-1.lua' },
  { command: 'idempotencyPeek', file: 'peek-1.lua' },
  { command: 'idempotencyComplete', file: 'complete-1.lua' },
  { command: 'idempotencyRelease', file: 'release-1.lua' },
  { command: 'idempotencyRenew', file: 'renew-1.lua' },
].map((s) => ({ ...s, lua: readFileSync(join(__dirname, 'lua', s.file), 'utf8') }));

type Arg = string | number | Buffer;

/** ioredis adds `<command>Buffer` for each defined command: replies as Buffers, byte for byte. */
interface IdempotencyCommands {
  idempotencyClaimBuffer(key: string, ...args: Arg[]): Promise<unknown>;
  idempotencyPeekBuffer(key: string, ...args: Arg[]): Promise<unknown>;
  idempotencyComplete(key: string, ...args: Arg[]): Promise<unknown>;
  idempotencyRelease(key: string, token: string): Promise<unknown>;
  idempotencyRenew(key: string, token: string, lockTtlMs: number): Promise<unknown>;
}

/** Default time an answer is kept: 24 h. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Default life of a claim without a renewal. */
export const IDEMPOTENCY_LOCK_TTL_MS = 30_000;

/** What a request is, for telling a retry from a different request under the same key. */
export interface IdempotentRequest {
  /** Method and path with its params, e.g. `POST /api/campaigns/42/prospects`. */
  request: string;
  /** Hex SHA-256 of the body bytes; undefined while a streamed body has not been read. */
  bodyHash?: string | undefined;
}

/** An answer as the client first got it. */
export interface StoredAnswer {
  status: number;
  /** The response headers worth replaying (content-type, location, ...), by lower-case name. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Where a key stands, as seen by a request that carries it. */
export type IdempotencyState =
  /** Nobody holds the key (only `peek` answers this; `claim` takes it instead). */
  | { outcome: 'free' }
  /** The key belongs to a different request. */
  | { outcome: 'mismatch' }
  /** Another attempt holds the key; `bodyHash` is undefined while its body is being read. */
  | { outcome: 'running'; bodyHash: string | undefined }
  /** The stored answer, and the body hash of the request that got it. */
  | { outcome: 'done'; bodyHash: string; answer: StoredAnswer };

/** What `claim` got: the key (and a token to complete or release it), or where it stands. */
export type ClaimResult =
  { outcome: 'claimed'; token: string } | Exclude<IdempotencyState, { outcome: 'free' }>;

/** Options of {@link IdempotencyStore}. */
export interface IdempotencyStoreOptions {
  /** Redis key of a record, before the client's keyPrefix. Default `idempotency:<scope>:<key>`. */
  keyFor?: (scope: string, key: string) => string;
  /** How long an answer is kept after it was stored. Default 24 h. */
  ttlMs?: number;
  /** How long a claim lives without a renewal. Default 30 s. */
  lockTtlMs?: number;
}

/**
 * Idempotency-Key records in Redis: the first request with a key claims it, executes, and stores
 * its answer for 24 h; a retry with the same key and the same request gets that answer, one with
 * a different request is told so. Every step is one Lua script, so two API processes can never
 * both claim a key. A claim expires unless renewed: an API process that dies mid-request frees
 * the key by itself, and a failed attempt releases it so that a retry executes again.
 *
 * `scope` keeps tenants apart (the customer id): the same key from two customers is two keys.
 */
export class IdempotencyStore {
  private readonly redis: Redis & IdempotencyCommands;
  private readonly keyFor: (scope: string, key: string) => string;
  readonly ttlMs: number;
  readonly lockTtlMs: number;

  constructor(redis: Redis, options: IdempotencyStoreOptions = {}) {
    for (const script of SCRIPTS) redis.defineCommand(script.command, { numberOfKeys: 1, lua: script.lua });
    this.redis = redis as Redis & IdempotencyCommands;
    this.keyFor = options.keyFor ?? ((scope, key) => `idempotency:${scope}:${key}`);
    this.ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
    this.lockTtlMs = options.lockTtlMs ?? IDEMPOTENCY_LOCK_TTL_MS;
  }

  /** Claims the key for this request, or says who has it and how it ended. */
  async claim(scope: string, key: string, req: IdempotentRequest): Promise<ClaimResult> {
    const token = randomUUID();
    const reply = await this.redis.idempotencyClaimBuffer(
      this.keyFor(scope, key),
      req.request,
      req.bodyHash ?? '',
      token,
      this.lockTtlMs,
    );
    const first = field(reply, 0);
    if (first === 'claimed') return { outcome: 'claimed', token };
    return state(reply, first) as ClaimResult;
  }

  /** Where the key stands for this request, claiming nothing. */
  async peek(scope: string, key: string, req: IdempotentRequest): Promise<IdempotencyState> {
    const reply = await this.redis.idempotencyPeekBuffer(
      this.keyFor(scope, key),
      req.request,
      req.bodyHash ?? '',
    );
    return state(reply, field(reply, 0));
  }

  /**
   * Stores the answer of the attempt holding `token`. False when the attempt no longer holds the
   * key (its claim expired): the answer then went to the client but is not replayed.
   */
  async complete(
    scope: string,
    key: string,
    token: string,
    bodyHash: string,
    answer: StoredAnswer,
  ): Promise<boolean> {
    const stored = await this.redis.idempotencyComplete(
      this.keyFor(scope, key),
      token,
      bodyHash,
      answer.status,
      JSON.stringify(answer.headers),
      answer.body,
      this.ttlMs,
    );
    return stored === 1;
  }

  /** Frees the key without an answer, so that the next request with it executes. */
  async release(scope: string, key: string, token: string): Promise<boolean> {
    return (await this.redis.idempotencyRelease(this.keyFor(scope, key), token)) === 1;
  }

  /** Extends the claim by the lock TTL; false when the attempt no longer holds the key. */
  async renew(scope: string, key: string, token: string): Promise<boolean> {
    return (await this.redis.idempotencyRenew(this.keyFor(scope, key), token, this.lockTtlMs)) === 1;
  }
}

function field(reply: unknown, index: number): string {
  const value = Array.isArray(reply) ? (reply as unknown[])[index] : undefined;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'string') return value;
  throw new Error(`idempotency script answered ${JSON.stringify(reply)}: no field ${index}`);
}

function state(reply: unknown, outcome: string): IdempotencyState {
  switch (outcome) {
    case 'free':
    case 'mismatch':
      return { outcome };
    case 'running': {
      const bodyHash = field(reply, 1);
      return { outcome, bodyHash: bodyHash === '' ? undefined : bodyHash };
    }
    case 'done': {
      const body = (reply as unknown[])[4];
      return {
        outcome,
        bodyHash: field(reply, 1),
        answer: {
          status: Number(field(reply, 2)),
          headers: JSON.parse(field(reply, 3)) as StoredAnswer['headers'],
          body: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
        },
      };
    }
    default:
      throw new Error(`idempotency script answered an unknown outcome ${JSON.stringify(outcome)}`);
  }
}
