import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  embeddedPostgresUrl,
  findFreePort,
  initialiseCluster,
  planEmbeddedPostgres,
  postgresAnswers,
  redisAnswers,
  startPostgres,
  startRedisServer,
  stopPid,
  waitUntilHealthy,
} from '@engine/local-services';

/** DATABASE_URL, or a throwaway embedded PostgreSQL for the length of a benchmark. */
export async function benchPostgres(): Promise<{ url: string; pid?: number; stop: () => Promise<void> }> {
  if (process.env['DATABASE_URL']) return { url: process.env['DATABASE_URL'], stop: async () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'ce-bench-pg-'));
  chmodSync(dir, 0o755);
  const plan = planEmbeddedPostgres(join(dir, 'data'));
  initialiseCluster(plan);
  const port = await findFreePort();
  const logFile = join(dir, 'postgres.log');
  const child = startPostgres(plan, port, logFile, false);
  const url = embeddedPostgresUrl(port, 'postgres');
  await waitUntilHealthy('bench postgres', () => postgresAnswers(url), { timeoutMs: 60_000, logFile, child });
  return {
    url,
    ...(child.pid ? { pid: child.pid } : {}),
    stop: async () => {
      if (child.pid) await stopPid(child.pid, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** REDIS_URL, or a throwaway redis-server. */
export async function benchRedis(): Promise<{ url: string; pid?: number; stop: () => Promise<void> }> {
  if (process.env['REDIS_URL']) return { url: process.env['REDIS_URL'], stop: async () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'ce-bench-redis-'));
  const port = await findFreePort();
  const logFile = join(dir, 'redis.log');
  const child = startRedisServer(port, dir, logFile, false);
  const url = `redis://127.0.0.1:${port}`;
  await waitUntilHealthy('bench redis', () => redisAnswers(url), { timeoutMs: 20_000, logFile, child });
  return {
    url,
    ...(child.pid ? { pid: child.pid } : {}),
    stop: async () => {
      if (child.pid) await stopPid(child.pid);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/**
 * Ends the process with exit code 2 after `ms`, so that a hung benchmark cannot hold the machine;
 * the timer does not keep the process alive by itself.
 */
export function armHardStop(ms: number): void {
  const timer = setTimeout(() => {
    console.error(`hard limit of ${ms / 60_000} min reached`);
    process.exit(2);
  }, ms);
  timer.unref();
}
