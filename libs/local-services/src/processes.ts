import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SpawnLoggedOptions {
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Detached processes outlive the script that started them (the stack); others die with it. */
  detached?: boolean;
  uid?: number;
  gid?: number;
}

/** Starts a process with stdout and stderr appended to `logFile`. */
export function spawnLogged(command: string, args: string[], options: SpawnLoggedOptions): ChildProcess {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const fd = openSync(options.logFile, 'a');
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: options.detached ?? false,
    stdio: ['ignore', fd, fd],
  };
  if (options.uid !== undefined) spawnOptions.uid = options.uid;
  if (options.gid !== undefined) spawnOptions.gid = options.gid;
  const child = spawn(command, args, spawnOptions);
  if (options.detached) child.unref();
  return child;
}

export function isPidAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends `signal`, waits up to `graceMs` for the process to exit, then SIGKILLs it.
 * Returns false if it was not running.
 */
export async function stopPid(
  pid: number,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 15_000,
): Promise<boolean> {
  if (!isPidAlive(pid)) return false;
  try {
    process.kill(pid, signal);
  } catch {
    return false;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isPidAlive(pid)) return true;
    await sleep(100);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  return true;
}

/** Thrown when a service does not become healthy in time; names it and its log. */
export class ServiceStartError extends Error {
  readonly code = 'SERVICE_START_FAILED';
  constructor(
    readonly service: string,
    readonly logFile: string | undefined,
    reason: string,
  ) {
    super(`${service} did not come up: ${reason}${logFile ? ` (see its log: ${logFile})` : ''}`);
    this.name = 'ServiceStartError';
  }
}

/**
 * Polls `check` until it returns true. Fails fast, naming the service and its log, if the
 * process exits or the deadline passes.
 */
export async function waitUntilHealthy(
  service: string,
  check: () => Promise<boolean>,
  options: { timeoutMs: number; logFile?: string; child?: ChildProcess; pid?: number; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let exitCode: number | null = null;
  options.child?.once('exit', (code) => {
    exitCode = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    if (exitCode !== null)
      throw new ServiceStartError(service, options.logFile, `process exited with code ${exitCode}`);
    if (options.pid !== undefined && !isPidAlive(options.pid)) {
      throw new ServiceStartError(service, options.logFile, 'process exited');
    }
    await sleep(options.intervalMs ?? 200);
  }
  throw new ServiceStartError(
    service,
    options.logFile,
    `no healthy answer within ${options.timeoutMs / 1000}s`,
  );
}
