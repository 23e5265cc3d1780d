/**
 * Everything a voice campaign runs on, for benchmarks (no vitest): a throwaway Temporal dev server
 * (with the stack's search attributes and dynamic config), embedded PostgreSQL (migrated) or
 * DATABASE_URL, redis-server or REDIS_URL, the carrier simulator and the real API (for the
 * call-status webhook) in this process, and one campaign worker, either in this process (as
 * libs/testing/src/campaign-stack.ts does) or as a child process running apps/worker/src/main.ts
 * (so that its CPU and memory can be measured on their own).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Client, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkerOptions } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ActivityDeps } from '@engine/activities';
import { carrierActivityDeps, createActivities } from '@engine/activities';
import { createApiApp } from '@engine/api';
import type { RunningCarrierSim, SimConfigPatch } from '@engine/carrier-sim';
import { startCarrierSim } from '@engine/carrier-sim';
import { createLogger, readEngineEnv } from '@engine/config';
import { CAMPAIGN_WORKFLOW_TYPE, campaignSearchAttributes, campaignWorkflowId } from '@engine/contracts';
import type { Database } from '@engine/db';
import {
  createCustomerWithApiKey,
  createDb,
  DEFAULT_DID_CAPS,
  insertCampaign,
  migrateToLatest,
} from '@engine/db';
import {
  devServerExtraArgs,
  ensureDatabase,
  findFreePort,
  readTemporalDevConfig,
  resolveTemporalCli,
  withDatabase,
} from '@engine/local-services';
import type { Redis } from '@engine/redis';
import { ChannelSemaphore, createRedis, EventBus } from '@engine/redis';
import { findPid } from './proc-stats';
import { installQuietRuntime } from './quiet-runtime';
import { benchPostgres, benchRedis } from './services';

export const BENCH_WEBHOOK_SECRET = 'bench-webhook-secret';
/** Encrypts stored carrier accounts' credentials (`CARRIER_CREDENTIALS_KEY`: 32 bytes as hex). */
export const BENCH_CARRIER_CREDENTIALS_KEY = '6b'.repeat(32);
const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** Where the next bench customer's caller IDs start (+1415xxxxxxx). */
let nextDidNumber = 2_000_000;

export type WorkerMode = 'in-process' | 'child' | 'none';

export interface BenchStackOptions {
  /** Multiplies simulated ring and talk times (0.0001 answers at once). Default 0.001. */
  timeScale?: number;
  /** Simulated ring time in ms before scaling (the simulator's default is 2000). */
  ringMs?: number;
  simSeed?: number;
  /** Extra simulator configuration (faults, profiles). */
  simConfig?: SimConfigPatch;
  /** Size of the `campaign` channel pool (the design's default is 60). */
  channelPool?: number;
  /**
   * Calls per DID per day (production default 100). Default here 1,000,000 so that the daily cap
   * does not pause a benchmark campaign (200 DIDs x 100 = 20,000 calls a day per customer).
   */
  didDailyCap?: number;
  /** Default `in-process`. */
  worker?: WorkerMode;
  /** How many workers `startBenchStack` starts on the task queue (default 1; `stopWorker` stops all). */
  workers?: number;
  /** In-process worker options over the production defaults (200 activities, 40 WFTs, 2000 cached). */
  workerOptions?: Partial<WorkerOptions>;
  /** Child worker: run node with --expose-gc and preload bench/support/worker-probe.ts writing here. */
  probeFile?: string;
  probeIntervalMs?: number;
  /** Child worker: its stdout/stderr go here (default: a temporary file removed at close). */
  workerLogFile?: string;
  /** Dynamic config values over temporal.dev.yaml's. */
  dynamicConfig?: Record<string, unknown>;
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
}

export interface BenchCampaign {
  campaignId: string;
  customerId: string;
  workflowId: string;
  prospects: number;
}

export interface NewCampaignOptions {
  prospects: number;
  callsPerSecond: number;
  /** DIDs of this campaign's own customer (area code 415). Default 200. */
  dids?: number;
  /** More `mode` fields (snake_case, as stored). Defaults: max_attempts 1, min_did_score 0. */
  mode?: Record<string, unknown>;
  name?: string;
}

export interface BenchStack {
  db: Kysely<Database>;
  redis: Redis;
  client: Client;
  temporalAddress: string;
  /** The dev server's Prometheus endpoint. */
  temporalMetricsUrl: string;
  taskQueue: string;
  sim: RunningCarrierSim;
  apiUrl: string;
  /** Zone where the local hour is within 9-19 now: every prospect is inside its calling window. */
  callableZone: string;
  pids: { self: number; temporal?: number; postgres?: number; redis?: number; worker?: number };
  /** Starts one more worker (done by `startBenchStack` unless `worker: 'none'`). */
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  newCampaign(options: NewCampaignOptions): Promise<BenchCampaign>;
  /** Starts the campaign's workflow as the demo does (search attributes set by the starter). */
  startCampaign(campaign: BenchCampaign): Promise<WorkflowHandleWithFirstExecutionRunId>;
  close(): Promise<void>;
}

export async function startBenchStack(options: BenchStackOptions = {}): Promise<BenchStack> {
  installQuietRuntime();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cleanups: Array<() => Promise<unknown>> = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((err: unknown) => log(`cleanup: ${String(err)}`));
  };
  const tmp = mkdtempSync(join(tmpdir(), 'ce-bench-stack-'));
  cleanups.push(async () => rmSync(tmp, { recursive: true, force: true }));

  try {
    const t0 = performance.now();
    const devConfig = readTemporalDevConfig({});
    const pickPorts = async () => {
      const [grpc, metrics, http] = await distinctFreePorts(3);
      return { grpc: grpc!, metrics: metrics!, http: http! };
    };
    let ports = await pickPorts();
    const startTemporal = ({ grpc, metrics, http }: typeof ports) =>
      TestWorkflowEnvironment.createLocal({
        server: {
          executable: { type: 'existing-path', path: resolveTemporalCli() },
          ip: '127.0.0.1',
          port: grpc,
          namespace: devConfig.namespace,
          log: { format: 'pretty', level: 'error' },
          extraArgs: [
            ...devServerExtraArgs(devConfig, options.dynamicConfig ?? {}),
            '--metrics-port',
            String(metrics),
            '--http-port',
            String(http),
          ],
        },
      });
    // allSettled: whatever did start is stopped at cleanup even when another service failed.
    const [pgResult, redisResult, envResult] = await Promise.allSettled([
      benchPostgres(),
      benchRedis(),
      // A port found free may be taken by the time the server binds it: one more try on new ports.
      startTemporal(ports).catch(async (err: unknown) => {
        log(`temporal dev server did not start (${String(err).slice(0, 200)}); retrying on other ports`);
        ports = await pickPorts();
        return startTemporal(ports);
      }),
    ]);
    if (pgResult.status === 'fulfilled') cleanups.push(() => pgResult.value.stop());
    if (redisResult.status === 'fulfilled') cleanups.push(() => redisResult.value.stop());
    if (envResult.status === 'fulfilled') cleanups.push(() => envResult.value.teardown());
    for (const r of [pgResult, redisResult, envResult]) if (r.status === 'rejected') throw r.reason;
    const pg = (pgResult as PromiseFulfilledResult<Awaited<ReturnType<typeof benchPostgres>>>).value;
    const redisServer = (redisResult as PromiseFulfilledResult<Awaited<ReturnType<typeof benchRedis>>>).value;
    const env = (envResult as PromiseFulfilledResult<TestWorkflowEnvironment>).value;
    const temporalAddress = `127.0.0.1:${ports.grpc}`;

    const dbName = `ce_bench_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    await ensureDatabase(pg.url, dbName);
    const databaseUrl = withDatabase(pg.url, dbName);
    const db = createDb(databaseUrl, { applicationName: 'bench', maxConnections: 20 });
    cleanups.push(() => db.destroy());
    await migrateToLatest(db);

    const keyPrefix = `bench-${randomBytes(4).toString('hex')}:`;
    const redis = createRedis(redisServer.url, { keyPrefix, connectionName: 'bench' });
    cleanups.push(async () => redis.disconnect());

    const sim = await startCarrierSim({
      port: 0,
      webhookSecret: BENCH_WEBHOOK_SECRET,
      logger: createLogger('carrier-sim', 'warn'),
      config: {
        ...options.simConfig,
        timeScale: options.timeScale ?? 0.001,
        ...(options.ringMs !== undefined ? { ringMs: options.ringMs } : {}),
        seed: options.simSeed ?? 42,
      },
    });
    cleanups.push(() => sim.close());

    // The API reads its configuration from the environment, as in production.
    Object.assign(process.env, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisServer.url,
      REDIS_KEY_PREFIX: keyPrefix,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: devConfig.namespace,
      CARRIER_SIM_URL: sim.url,
      WEBHOOK_SECRET: BENCH_WEBHOOK_SECRET,
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    });
    // Carriers that sign the URL they call (Twilio, Plivo) need the API to know it before it listens.
    const apiPort = await findFreePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    process.env['PUBLIC_API_URL'] = apiUrl;
    process.env['CARRIER_CREDENTIALS_KEY'] = BENCH_CARRIER_CREDENTIALS_KEY;
    const api: INestApplication = await createApiApp({ logger: false });
    await api.listen(apiPort, '127.0.0.1');
    cleanups.push(() => api.close());

    const taskQueue = `bench-${randomBytes(3).toString('hex')}`;
    const channelPool = options.channelPool ?? 60;
    const didDailyCap = options.didDailyCap ?? 1_000_000;
    const mode = options.worker ?? 'in-process';
    const pids: BenchStack['pids'] = {
      self: process.pid,
      ...(findPid(['start-dev', String(ports.grpc)])
        ? { temporal: findPid(['start-dev', String(ports.grpc)])! }
        : {}),
      ...(pg.pid ? { postgres: pg.pid } : {}),
      ...(redisServer.pid ? { redis: redisServer.pid } : {}),
    };

    const stoppers: Array<() => Promise<void>> = [];
    const stopWorker = async () => {
      await Promise.all(stoppers.splice(0).map((stop) => stop()));
    };
    const startWorker = async () => {
      if (mode === 'in-process') {
        const deps: ActivityDeps = {
          db,
          redis,
          events: new EventBus(db, redis, { channelPrefix: keyPrefix }),
          semaphore: new ChannelSemaphore(redis, { limits: { campaign: channelPool } }),
          ...carrierActivityDeps({
            env: readEngineEnv({
              CARRIER_SIM_URL: sim.url,
              WEBHOOK_SECRET: BENCH_WEBHOOK_SECRET,
              PUBLIC_API_URL: apiUrl,
              CARRIER_CREDENTIALS_KEY: BENCH_CARRIER_CREDENTIALS_KEY,
            }),
            redis,
            db,
          }),
          didCaps: { ...DEFAULT_DID_CAPS, dailyCap: didDailyCap },
        };
        const worker = await Worker.create({
          connection: env.nativeConnection,
          namespace: devConfig.namespace,
          taskQueue,
          workflowsPath: require.resolve('@engine/workflows'),
          activities: createActivities(deps),
          maxConcurrentActivityTaskExecutions: 200,
          maxConcurrentWorkflowTaskExecutions: 40,
          maxCachedWorkflows: 2000,
          shutdownGraceTime: 2_000,
          ...options.workerOptions,
        });
        const run = worker.run();
        stoppers.push(async () => {
          if (worker.getState() === 'RUNNING') worker.shutdown();
          await run.catch(() => undefined);
        });
      } else if (mode === 'child') {
        const healthPort = await findFreePort();
        const logFile = options.workerLogFile ?? join(tmp, 'worker.log');
        const out = openSync(logFile, 'a');
        const args = [
          ...(options.probeFile ? ['--expose-gc'] : []),
          '-r',
          '@swc-node/register',
          ...(options.probeFile ? ['-r', join(__dirname, 'worker-probe.ts')] : []),
          join(PROJECT_ROOT, 'apps/worker/src/main.ts'),
        ];
        const child: ChildProcess = spawn(process.execPath, args, {
          cwd: PROJECT_ROOT,
          stdio: ['ignore', out, out],
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl,
            REDIS_URL: redisServer.url,
            REDIS_KEY_PREFIX: keyPrefix,
            TEMPORAL_ADDRESS: temporalAddress,
            TEMPORAL_NAMESPACE: devConfig.namespace,
            TEMPORAL_TASK_QUEUE: taskQueue,
            CARRIER_SIM_URL: sim.url,
            PUBLIC_API_URL: apiUrl,
            WEBHOOK_SECRET: BENCH_WEBHOOK_SECRET,
            CHANNEL_POOL_CAMPAIGN: String(channelPool),
            DID_DAILY_CAP: String(didDailyCap),
            WORKER_HEALTH_PORT: String(healthPort),
            WORKER_METRICS_PORT: process.env['WORKER_METRICS_PORT'] ?? '0',
            WORKER_SHUTDOWN_GRACE_MS: '2000',
            LOG_LEVEL: 'warn',
            ...(options.probeFile
              ? {
                  BENCH_PROBE_FILE: options.probeFile,
                  BENCH_PROBE_INTERVAL_MS: String(options.probeIntervalMs ?? 2000),
                }
              : {}),
          },
        });
        closeSync(out);
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        const deadline = Date.now() + 120_000;
        for (;;) {
          if (child.exitCode !== null)
            throw new Error(`the child worker exited (${child.exitCode}); see ${logFile}`);
          const ok = await fetch(`http://127.0.0.1:${healthPort}/health`)
            .then(async (r) => r.ok && ((await r.json()) as { state?: string }).state === 'RUNNING')
            .catch(() => false);
          if (ok) break;
          if (Date.now() > deadline) throw new Error(`the child worker did not come up; see ${logFile}`);
          await new Promise((r) => setTimeout(r, 250));
        }
        if (child.pid) pids.worker = child.pid;
        stoppers.push(async () => {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          const killed = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(killed);
        });
      }
    };
    cleanups.push(() => stopWorker());
    if (mode !== 'none') for (let i = 0; i < (options.workers ?? 1); i++) await startWorker();
    log(
      `bench stack up in ${((performance.now() - t0) / 1000).toFixed(1)} s (worker: ${mode}, channel pool ${channelPool}, ` +
        `DID daily cap ${didDailyCap})`,
    );

    const callableZone = zoneWithLocalHour(new Date(), 9, 19);
    let phoneBlock = 0;

    return {
      db,
      redis,
      client: env.client,
      temporalAddress,
      temporalMetricsUrl: `http://127.0.0.1:${ports.metrics}/metrics`,
      taskQueue,
      sim,
      apiUrl,
      callableZone,
      pids,
      startWorker,
      stopWorker,
      async newCampaign(opts) {
        const { customer } = await createCustomerWithApiKey(db, opts.name ?? 'bench customer');
        const dids = opts.dids ?? 200;
        // A caller ID has one owner: each bench customer gets numbers of its own.
        const firstNumber = nextDidNumber;
        nextDidNumber += dids;
        await sql`
          insert into dids (customer_id, number, area_code)
          select ${customer.id}, '+1415' || lpad((${firstNumber}::int + g)::text, 7, '0'), '415'
          from generate_series(0, ${dids - 1}) g`.execute(db);
        const campaign = await insertCampaign(db, {
          customer_id: customer.id,
          name: opts.name ?? `bench ${opts.callsPerSecond} cps`,
          channel: 'voice',
          mode: { calls_per_second: opts.callsPerSecond, max_attempts: 1, min_did_score: 0, ...opts.mode },
          schedule: { timezone: callableZone },
        });
        // Distinct numbers per campaign (the simulator's ledger is shared).
        const base = 2_000_000 + (phoneBlock++ % 70) * 100_000;
        if (opts.prospects > 100_000) throw new Error('at most 100,000 prospects per campaign');
        await sql`
          insert into prospects (campaign_id, phone, area_code, timezone)
          select ${campaign.id}, '+1415' || lpad((${base}::int + g)::text, 7, '0'), '415', ${callableZone}
          from generate_series(0, ${opts.prospects - 1}) g`.execute(db);
        await sql`analyze prospects`.execute(db);
        return {
          campaignId: campaign.id,
          customerId: customer.id,
          workflowId: campaignWorkflowId(campaign.id),
          prospects: opts.prospects,
        };
      },
      async startCampaign(campaign) {
        return env.client.workflow.start(CAMPAIGN_WORKFLOW_TYPE, {
          workflowId: campaign.workflowId,
          taskQueue,
          args: [{ campaignId: campaign.campaignId }],
          typedSearchAttributes: campaignSearchAttributes({
            campaignId: campaign.campaignId,
            customerId: campaign.customerId,
            channel: 'voice',
            status: 'created',
          }),
        });
      },
      close: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

const ZONES_BY_OFFSET = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Atlantic/South_Georgia',
  'Atlantic/Azores',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Athens',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Brisbane',
  'Pacific/Noumea',
  'Pacific/Auckland',
];

/** A real IANA zone whose local hour at `now` is within [fromHour, toHour) (as libs/testing's fixtures). */
export function zoneWithLocalHour(now: Date, fromHour: number, toHour: number): string {
  for (const zone of ZONES_BY_OFFSET) {
    const hour = Number(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(now),
    );
    if (hour >= fromHour && hour < toHour) return zone;
  }
  throw new Error(`no zone in the list has a local hour in [${fromHour}, ${toHour}) at ${now.toISOString()}`);
}

/** Originates the simulator received for a campaign, as epoch ms, oldest first. */
export function originateTimes(sim: RunningCarrierSim, campaignId?: string): number[] {
  return sim.ledger.calls
    .toArray(
      (c) =>
        !c.duplicate &&
        c.providerCallId !== null &&
        (campaignId === undefined || c.campaignId === campaignId),
    )
    .map((c) => Date.parse(c.receivedAt));
}

/** `n` different ports that were free a moment ago. */
async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await findFreePort());
  return [...ports];
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `probe` answers truthy or `timeoutMs` passes (then undefined). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false | null>,
  timeoutMs: number,
  everyMs = 200,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) return undefined;
    await sleep(everyMs);
  }
}
