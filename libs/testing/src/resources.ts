import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '@engine/db';
import { createDb } from '@engine/db';
import { withDatabase } from '@engine/local-services';
import type { Redis } from '@engine/redis';
import { createRedis } from '@engine/redis';
import './provided';

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A short random suffix for names that must not collide between test files. */
export const uniqueSuffix = () => randomBytes(4).toString('hex');

export interface TestDatabase {
  db: Kysely<Database>;
  url: string;
  name: string;
  close(): Promise<void>;
}

/** A database of its own, cloned from the migrated template, dropped by `close()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  return createDatabaseFrom(inject('services').pgTemplateDatabase);
}

/**
 * An empty database of its own (no migration applied), dropped by `close()`: for tests that
 * migrate it part of the way, put data in under an older schema, then migrate the rest.
 */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  return createDatabaseFrom('template0');
}

async function createDatabaseFrom(template: string): Promise<TestDatabase> {
  const { pgAdminUrl } = inject('services');
  const name = `ce_test_${uniqueSuffix()}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${ident(name)} template ${ident(template)}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(pgAdminUrl, name);
  const db = createDb(url, { maxConnections: 20, applicationName: 'test' });
  return {
    db,
    url,
    name,
    async close() {
      await db.destroy();
      const c = new pg.Client({ connectionString: pgAdminUrl });
      await c.connect();
      await c.query(`drop database if exists ${ident(name)} with (force)`);
      await c.end();
    },
  };
}

export interface TestRedis {
  redis: Redis;
  url: string;
  keyPrefix: string;
  close(): Promise<void>;
}

/** A client whose keys all carry a prefix of their own; `close()` deletes them. */
export function createTestRedis(): TestRedis {
  const { redisUrl } = inject('services');
  const keyPrefix = `test:${uniqueSuffix()}:`;
  const redis = createRedis(redisUrl, { keyPrefix, connectionName: 'test' });
  return {
    redis,
    url: redisUrl,
    keyPrefix,
    async close() {
      const raw = createRedis(redisUrl);
      let cursor = '0';
      do {
        const [next, keys] = await raw.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await raw.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      raw.disconnect();
      redis.disconnect();
    },
  };
}

export interface TestTemporal {
  client: Client;
  nativeConnection: NativeConnection;
  namespace: string;
  /** A task queue no other test file polls. */
  taskQueue: string;
  close(): Promise<void>;
}

/** Connections to the shared dev server, with a task queue of this file's own. */
export async function connectTestTemporal(label = 'test'): Promise<TestTemporal> {
  const { temporalAddress, temporalNamespace } = inject('services');
  const connection = await Connection.connect({ address: temporalAddress });
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  return {
    client: new Client({ connection, namespace: temporalNamespace }),
    nativeConnection,
    namespace: temporalNamespace,
    taskQueue: `${label}-${uniqueSuffix()}`,
    async close() {
      await nativeConnection.close();
      await connection.close();
    },
  };
}
