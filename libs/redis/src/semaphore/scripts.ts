import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';

/**
 * One Lua file per operation, named `<name>-<numberOfKeys>.lua` (the BullMQ convention), read once
 * at module load. Keys always travel in KEYS so that ioredis applies the client's keyPrefix.
 */
interface ScriptDefinition {
  /** The command name registered on the client; prefixed so it cannot clash with other modules. */
  command: string;
  file: string;
  numberOfKeys: number;
  lua: string;
}

function load(command: string, file: string): ScriptDefinition {
  const match = /-(\d+)\.lua$/.exec(file);
  if (!match?.[1]) throw new Error(`script file ${file} does not end in -<numberOfKeys>.lua`);
  return {
    command,
    file,
    numberOfKeys: Number(match[1]),
    lua: readFileSync(join(__dirname, 'lua', file), 'utf8'),
  };
}

const SCRIPTS = [
  load('channelSemaphoreAcquire', 'acquire-1.lua'),
  load('channelSemaphoreRelease', 'release-1.lua'),
  load('channelSemaphoreRenew', 'renew-1.lua'),
  load('channelSemaphoreUsage', 'usage-1.lua'),
  load('channelSemaphoreLeases', 'leases-1.lua'),
] as const;

/** The commands `defineSemaphoreCommands` adds to a client; see each Lua file's header. */
export interface SemaphoreCommands {
  channelSemaphoreAcquire(key: string, leaseId: string, limit: number, ttlMs: number): Promise<unknown>;
  channelSemaphoreRelease(key: string, leaseId: string): Promise<unknown>;
  channelSemaphoreRenew(key: string, leaseId: string, ttlMs: number): Promise<unknown>;
  channelSemaphoreUsage(key: string): Promise<unknown>;
  channelSemaphoreLeases(key: string): Promise<unknown>;
}

/**
 * Registers the semaphore scripts on `redis` (EVALSHA with a fallback to EVAL on NOSCRIPT, handled
 * by ioredis). Registering again on the same client only replaces the definitions.
 */
export function defineSemaphoreCommands(redis: Redis): Redis & SemaphoreCommands {
  for (const script of SCRIPTS) {
    redis.defineCommand(script.command, { numberOfKeys: script.numberOfKeys, lua: script.lua });
  }
  return redis as Redis & SemaphoreCommands;
}
