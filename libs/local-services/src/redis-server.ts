import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { spawnLogged } from './processes';

/** Thrown when Redis must be started locally but no redis-server is installed. */
export class RedisServerMissingError extends Error {
  readonly code = 'REDIS_SERVER_MISSING';
  constructor() {
    super(
      'redis-server was not found on PATH. Install Redis (Debian/Ubuntu: sudo apt-get install redis-server; ' +
        'macOS: brew install redis) or set REDIS_URL to a Redis you already run.',
    );
    this.name = 'RedisServerMissingError';
  }
}

export function findRedisServer(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || !path) throw new RedisServerMissingError();
  return path;
}

/** Starts redis-server on 127.0.0.1:port with its files in `dir`. */
export function startRedisServer(
  port: number,
  dir: string,
  logFile: string,
  detached: boolean,
): ChildProcess {
  mkdirSync(dir, { recursive: true });
  return spawnLogged(
    findRedisServer(),
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { logFile, detached },
  );
}

export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
