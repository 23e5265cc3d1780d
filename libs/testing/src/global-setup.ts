import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, migrateToLatest } from '@engine/db';
import {
  dataDir,
  devServerExtraArgs,
  embeddedPostgresUrl,
  findFreePort,
  initialiseCluster,
  planEmbeddedPostgres,
  postgresAnswers,
  readTemporalDevConfig,
  redisAnswers,
  resolveTemporalCli,
  startPostgres,
  startRedisServer,
  stopPid,
  waitUntilHealthy,
  withDatabase,
} from '@engine/local-services';
import './provided';

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Starts what integration tests run against, once per `vitest run`: PostgreSQL (DATABASE_URL, or
 * an embedded cluster in a temporary folder), Redis (REDIS_URL, or redis-server on a free port)
 * and a Temporal dev server with the stack's search attributes and dynamic config.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = [];
  const logs = join(dataDir(), 'logs', 'test');
  const runId = `${Date.now().toString(36)}${process.pid}`;

  try {
    // PostgreSQL
    let pgAdminUrl = process.env['DATABASE_URL'];
    if (!pgAdminUrl) {
      const dir = mkdtempSync(join(tmpdir(), 'ce-test-pg-'));
      // mkdtemp makes it 0700; as root, PostgreSQL runs as the postgres user, who must reach it.
      chmodSync(dir, 0o755);
      const plan = planEmbeddedPostgres(join(dir, 'data'));
      initialiseCluster(plan);
      const port = await findFreePort();
      const logFile = join(logs, `postgres-${runId}.log`);
      const child: ChildProcess = startPostgres(plan, port, logFile, false);
      pgAdminUrl = embeddedPostgresUrl(port, 'postgres');
      const url = pgAdminUrl;
      cleanups.push(async () => {
        if (child.pid) await stopPid(child.pid, 'SIGINT');
        rmSync(dir, { recursive: true, force: true });
      });
      await waitUntilHealthy('embedded postgres (tests)', () => postgresAnswers(url), {
        timeoutMs: 60_000,
        logFile,
        child,
      });
    }
    const pgTemplateDatabase = `ce_template_${runId}`;
    const admin = new pg.Client({ connectionString: pgAdminUrl });
    await admin.connect();
    await admin.query(`create database ${ident(pgTemplateDatabase)}`);
    await admin.end();
    const adminUrl = pgAdminUrl;
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${ident(pgTemplateDatabase)} with (force)`);
      await c.end();
    });
    const templateDb = createDb(withDatabase(pgAdminUrl, pgTemplateDatabase), { maxConnections: 1 });
    await migrateToLatest(templateDb);
    await templateDb.destroy();

    // Redis
    let redisUrl = process.env['REDIS_URL'];
    if (!redisUrl) {
      const port = await findFreePort();
      const dir = mkdtempSync(join(tmpdir(), 'ce-test-redis-'));
      const logFile = join(logs, `redis-${runId}.log`);
      const child = startRedisServer(port, dir, logFile, false);
      redisUrl = `redis://127.0.0.1:${port}`;
      const url = redisUrl;
      cleanups.push(async () => {
        if (child.pid) await stopPid(child.pid);
        rmSync(dir, { recursive: true, force: true });
      });
      await waitUntilHealthy('redis-server (tests)', () => redisAnswers(url), {
        timeoutMs: 20_000,
        logFile,
        child,
      });
    }

    // Temporal dev server
    const devConfig = readTemporalDevConfig({});
    const temporalPort = await findFreePort();
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: resolveTemporalCli() },
        ip: '127.0.0.1',
        port: temporalPort,
        namespace: devConfig.namespace,
        log: { format: 'pretty', level: 'error' },
        extraArgs: devServerExtraArgs(devConfig),
      },
    });
    cleanups.push(() => env.teardown());

    project.provide('services', {
      pgAdminUrl,
      pgTemplateDatabase,
      redisUrl,
      temporalAddress: `127.0.0.1:${temporalPort}`,
      temporalNamespace: devConfig.namespace,
    });
  } catch (err) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    throw err;
  }

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error(err));
  };
}
