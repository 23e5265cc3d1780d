import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readEngineEnv } from '@engine/config';
import { createDb, migrateToLatest } from '@engine/db';
import {
  dataDir,
  embeddedPostgresUrl,
  ensureDatabase,
  EMBEDDED_PG_DATABASE,
  initialiseCluster,
  planEmbeddedPostgres,
  postgresAnswers,
  projectRoot,
  readTemporalDevConfig,
  redisAnswers,
  resolveTemporalCli,
  spawnLogged,
  startDevArgs,
  startPostgres,
  startRedisServer,
  temporalDbFile,
  withDatabase,
} from '@engine/local-services';
import { devCredentialsKey } from './credentials-key';
import { httpOk } from './http-check';
import type { Report } from './managed-service';
import { ensureManagedService } from './managed-service';
import type { ServiceRecord, StackState } from './state';
import { readStackState, writeStackState } from './state';
import { ensureSearchAttributes, temporalAnswers } from './temporal-service';

/** Thrown when a service the user pointed us at (DATABASE_URL, REDIS_URL, TEMPORAL_ADDRESS) is down. */
export class ExternalServiceDownError extends Error {
  readonly code = 'EXTERNAL_SERVICE_DOWN';
  constructor(envVar: string, value: string) {
    super(
      `${envVar}=${value} does not answer; start that service or unset ${envVar} to use the embedded default`,
    );
    this.name = 'ExternalServiceDownError';
  }
}

const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

/** `npm run stack:up`: starts (or reuses) every part of the dev stack and waits until all are healthy. */
export async function stackUp(report: Report = console.log): Promise<StackState> {
  const env = readEngineEnv();
  const previous = readStackState()?.services ?? {};
  const logs = join(dataDir(), 'logs');
  mkdirSync(logs, { recursive: true });
  const services: Record<string, ServiceRecord> = {};
  const temporalConfig = readTemporalDevConfig();

  const ensureTemporal = async (): Promise<string> => {
    if (process.env['TEMPORAL_ADDRESS']) {
      const address = process.env['TEMPORAL_ADDRESS'];
      if (!(await temporalAnswers(address))) throw new ExternalServiceDownError('TEMPORAL_ADDRESS', address);
      services['temporal'] = { external: true, url: address };
      report(`temporal: using TEMPORAL_ADDRESS ${address}`);
      return address;
    }
    const address = `${temporalConfig.ip}:${temporalConfig.port}`;
    const cli = resolveTemporalCli();
    const args = startDevArgs(temporalConfig);
    mkdirSync(dirname(temporalDbFile(temporalConfig)), { recursive: true });
    const logFile = join(logs, 'temporal.log');
    services['temporal'] = await ensureManagedService(
      {
        name: 'temporal',
        port: temporalConfig.port,
        portEnvVar: 'TEMPORAL_PORT',
        logFile,
        previous: previous['temporal'],
        healthy: async () =>
          (await temporalAnswers(address)) &&
          (await httpOk(`http://${temporalConfig.ip}:${temporalConfig.uiPort}/`)),
        start: () => spawnLogged(cli, args, { logFile, detached: true, cwd: projectRoot() }),
        timeoutMs: 90_000,
        url: address,
      },
      report,
    );
    return address;
  };

  const ensurePostgres = async (): Promise<string> => {
    if (env.DATABASE_URL) {
      if (!(await postgresAnswers(env.DATABASE_URL)))
        throw new ExternalServiceDownError('DATABASE_URL', redact(env.DATABASE_URL));
      services['postgres'] = { external: true, url: env.DATABASE_URL };
      report(`postgres: using DATABASE_URL ${redact(env.DATABASE_URL)}`);
      return env.DATABASE_URL;
    }
    const plan = planEmbeddedPostgres(join(dataDir(), 'postgres'));
    if (plan.relocatedNote) report(`postgres: ${plan.relocatedNote}`);
    const logFile = join(logs, 'postgres.log');
    const adminUrl = embeddedPostgresUrl(env.POSTGRES_PORT, 'postgres');
    const isOurs = previous['postgres']?.pid !== undefined;
    if (!isOurs) initialiseCluster(plan);
    services['postgres'] = await ensureManagedService(
      {
        name: 'postgres',
        port: env.POSTGRES_PORT,
        portEnvVar: 'POSTGRES_PORT',
        logFile,
        previous: previous['postgres'],
        healthy: () => postgresAnswers(adminUrl),
        start: () => {
          initialiseCluster(plan);
          return startPostgres(plan, env.POSTGRES_PORT, logFile, true);
        },
        timeoutMs: 60_000,
      },
      report,
    );
    await ensureDatabase(adminUrl, EMBEDDED_PG_DATABASE);
    const url = withDatabase(adminUrl, EMBEDDED_PG_DATABASE);
    services['postgres'].url = url;
    return url;
  };

  const ensureRedis = async (): Promise<string> => {
    if (env.REDIS_URL) {
      if (!(await redisAnswers(env.REDIS_URL)))
        throw new ExternalServiceDownError('REDIS_URL', redact(env.REDIS_URL));
      services['redis'] = { external: true, url: env.REDIS_URL };
      report(`redis: using REDIS_URL ${redact(env.REDIS_URL)}`);
      return env.REDIS_URL;
    }
    const url = `redis://127.0.0.1:${env.REDIS_PORT}`;
    const logFile = join(logs, 'redis.log');
    services['redis'] = await ensureManagedService(
      {
        name: 'redis',
        port: env.REDIS_PORT,
        portEnvVar: 'REDIS_PORT',
        logFile,
        previous: previous['redis'],
        healthy: () => redisAnswers(url),
        start: () => startRedisServer(env.REDIS_PORT, join(dataDir(), 'redis'), logFile, true),
        timeoutMs: 20_000,
        url,
      },
      report,
    );
    return url;
  };

  // Whatever was started is recorded even when a later step fails, so stack:down can stop it and
  // the next stack:up can reuse it.
  const saveProgress = (appEnv: Record<string, string> = {}) =>
    writeStackState({ startedAt: new Date().toISOString(), services, env: appEnv });
  const settled = await Promise.allSettled([ensureTemporal(), ensurePostgres(), ensureRedis()]);
  saveProgress();
  const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  const [temporalAddress, databaseUrl, redisUrl] = settled.map(
    (r) => (r as PromiseFulfilledResult<string>).value,
  ) as [string, string, string];

  const added = await ensureSearchAttributes(temporalAddress, temporalConfig.namespace);
  if (added.length > 0) report(`temporal: registered search attributes ${added.join(', ')}`);

  const db = createDb(databaseUrl, { maxConnections: 1, applicationName: 'stack-migrate' });
  try {
    const applied = await migrateToLatest(db);
    report(
      applied.length > 0
        ? `postgres: applied migrations ${applied.join(', ')}`
        : 'postgres: schema is up to date',
    );
  } finally {
    await db.destroy();
  }

  const appEnv: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: temporalConfig.namespace,
    TEMPORAL_TASK_QUEUE: env.TEMPORAL_TASK_QUEUE,
    API_PORT: String(env.API_PORT),
    CARRIER_SIM_PORT: String(env.CARRIER_SIM_PORT),
    WORKER_HEALTH_PORT: String(env.WORKER_HEALTH_PORT),
    WORKER_METRICS_PORT: String(env.WORKER_METRICS_PORT),
    CARRIER_SIM_URL: `http://127.0.0.1:${env.CARRIER_SIM_PORT}`,
    PUBLIC_API_URL: `http://127.0.0.1:${env.API_PORT}`,
    REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX,
    LOG_LEVEL: env.LOG_LEVEL,
  };
  // Given to the processes only, never written to stack.json with the rest of their environment.
  const secretEnv = { CARRIER_CREDENTIALS_KEY: devCredentialsKey() };
  const runTs = (
    name: string,
    entry: string,
    port: number,
    portEnvVar: string,
    healthUrl: string,
    extraPorts: Array<{ port: number; envVar: string }> = [],
  ) => {
    const logFile = join(logs, `${name}.log`);
    return ensureManagedService(
      {
        name,
        port,
        portEnvVar,
        extraPorts,
        logFile,
        previous: previous[name],
        healthy: () => httpOk(healthUrl),
        start: () =>
          spawnLogged(process.execPath, ['-r', '@swc-node/register', entry], {
            logFile,
            detached: true,
            cwd: projectRoot(),
            env: { ...process.env, ...appEnv, ...secretEnv },
          }),
        timeoutMs: 120_000,
        url: healthUrl,
      },
      report,
    );
  };
  const apps = await Promise.allSettled([
    runTs(
      'carrier-sim',
      'apps/carrier-sim/src/main.ts',
      env.CARRIER_SIM_PORT,
      'CARRIER_SIM_PORT',
      `${appEnv['CARRIER_SIM_URL']}/sim/health`,
    ),
    runTs(
      'worker',
      'apps/worker/src/main.ts',
      env.WORKER_HEALTH_PORT,
      'WORKER_HEALTH_PORT',
      `http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health`,
      [{ port: env.WORKER_METRICS_PORT, envVar: 'WORKER_METRICS_PORT' }],
    ),
    runTs('api', 'apps/api/src/main.ts', env.API_PORT, 'API_PORT', `${appEnv['PUBLIC_API_URL']}/api/health`),
  ]);
  (['carrier-sim', 'worker', 'api'] as const).forEach((name, i) => {
    const result = apps[i];
    if (result?.status === 'fulfilled') services[name] = result.value;
  });
  saveProgress(appEnv);
  const appFailure = apps.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (appFailure) throw appFailure.reason;

  const state: StackState = { startedAt: new Date().toISOString(), services, env: appEnv };
  writeStackState(state);
  return state;
}

/** The lines `stack:up` ends with. */
export function describeStack(state: StackState): string[] {
  const uiPort = readTemporalDevConfig().uiPort;
  const temporalExternal = state.services['temporal']?.external;
  return [
    `API              ${state.env['PUBLIC_API_URL']}/api   (OpenAPI: ${state.env['PUBLIC_API_URL']}/api/docs)`,
    `Temporal         ${state.env['TEMPORAL_ADDRESS']}   namespace ${state.env['TEMPORAL_NAMESPACE']}`,
    temporalExternal
      ? 'Temporal Web UI  (external cluster: use its own UI)'
      : `Temporal Web UI  http://127.0.0.1:${uiPort}`,
    `Carrier sim      ${state.env['CARRIER_SIM_URL']}/sim/calls`,
    ...(state.env['WORKER_METRICS_PORT'] && state.env['WORKER_METRICS_PORT'] !== '0'
      ? [`Worker metrics   http://127.0.0.1:${state.env['WORKER_METRICS_PORT']}/metrics`]
      : []),
    `Postgres         ${redact(state.env['DATABASE_URL'] ?? '')}`,
    `Redis            ${state.env['REDIS_URL']}`,
    `Logs             ${join(dataDir(), 'logs')}`,
  ];
}
