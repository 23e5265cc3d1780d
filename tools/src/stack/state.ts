import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '@engine/local-services';

/** One service as the stack started (or found) it. */
export interface ServiceRecord {
  /** Undefined for an external service (DATABASE_URL / REDIS_URL set by the user). */
  pid?: number;
  port?: number;
  url?: string;
  logFile?: string;
  external?: boolean;
}

/** `.data/stack.json`: what `stack:up` started, read by `stack:down`, the demo and the admin CLI. */
export interface StackState {
  startedAt: string;
  services: Record<string, ServiceRecord>;
  env: Record<string, string>;
}

export const stackStatePath = () => join(dataDir(), 'stack.json');

export function readStackState(): StackState | undefined {
  const path = stackStatePath();
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as StackState;
}

export function writeStackState(state: StackState): void {
  mkdirSync(dataDir(), { recursive: true });
  writeFileSync(stackStatePath(), `${JSON.stringify(state, null, 2)}\n`);
}
