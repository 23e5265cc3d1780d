import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import type { CampaignWorkflowInput } from '@engine/contracts';
import { CAMPAIGN_WORKFLOW_TYPE, campaignWorkflowId } from '@engine/contracts';
import type { ActivityDeps } from '@engine/activities';
import {
  activityServerClock,
  carrierActivityDeps,
  createActivities,
  TemporalCallRecords,
} from '@engine/activities';
import { readEngineEnv } from '@engine/config';
import type { ChannelPoolLimits } from '@engine/redis';
import { ChannelSemaphore, EventBus } from '@engine/redis';
import { startCarrierSim } from '@engine/carrier-sim';
import type { ReassignedNumbersDatabase } from '@engine/providers';
import { createApiApp } from '@engine/api';
import type { TestDatabase, TestRedis, TestTemporal } from '@engine/testing';
import { connectTestTemporal, createTestDatabase, createTestRedis, uniqueSuffix } from '@engine/testing';

export const TEST_WEBHOOK_SECRET = 'test-webhook-secret';

/** A port free right now (taken, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
/** The key carrier-account credentials are encrypted with in tests (`CARRIER_CREDENTIALS_KEY`). */
export const TEST_CARRIER_CREDENTIALS_KEY = '5e'.repeat(32);

type CarrierSim = Awaited<ReturnType<typeof startCarrierSim>>;

export interface CampaignStack {
  database: TestDatabase;
  redis: TestRedis;
  temporal: TestTemporal;
  /** Where the stack's Temporal frontend listens (`host:port`) and its namespace, for out-of-process workers. */
  temporalAddress: string;
  temporalNamespace: string;
  sim: CarrierSim;
  api: INestApplication;
  apiUrl: string;
  deps: ActivityDeps;
  /** Starts a worker for this stack's task queue; call `shutdown()` on it (tests kill it to simulate crashes). */
  startWorker(): Promise<{ worker: Worker; run: Promise<void> }>;
  startCampaign(campaignId: string, input?: Partial<CampaignWorkflowInput>): Promise<string>;
  close(): Promise<void>;
}

export interface CampaignStackOptions {
  /** Run against this time-skipping server instead of the shared dev server. */
  timeSkipping?: TestWorkflowEnvironment;
  /**
   * Run against this environment (e.g. a dev server the test file starts with its own dynamic
   * config) instead of the shared dev server. Unlike `timeSkipping`, activities keep the wall clock.
   */
  temporalEnv?: TestWorkflowEnvironment;
  /** Scales the simulator's ring and talk times (0.001 turns a minute into 60 ms). */
  timeScale?: number;
  poolLimits?: Partial<ChannelPoolLimits>;
  simSeed?: number;
  /** The Reassigned Numbers Database the activities ask; default none (not asked). */
  reassignedNumbers?: ReassignedNumbersDatabase;
}

/**
 * Everything a campaign runs on, in this process and isolated per test file: its own database,
 * Redis key prefix and task queue, the carrier simulator, and the real API (for the status
 * webhook) listening on a free port. Workers are started explicitly so tests can kill them.
 */
export async function startCampaignStack(options: CampaignStackOptions = {}): Promise<CampaignStack> {
  const redis = createTestRedis();
  const ts = options.timeSkipping;
  const env = ts ?? options.temporalEnv;
  const [database, temporal] = await Promise.all([
    createTestDatabase(),
    env
      ? Promise.resolve<TestTemporal>({
          client: env.client,
          nativeConnection: env.nativeConnection,
          namespace: env.namespace ?? 'default',
          taskQueue: `campaign-${uniqueSuffix()}`,
          close: async () => undefined,
        })
      : connectTestTemporal('campaign'),
  ]);
  const sim = await startCarrierSim({
    port: 0,
    webhookSecret: TEST_WEBHOOK_SECRET,
    config: { timeScale: options.timeScale ?? 0.001, seed: options.simSeed ?? 42 },
  });

  const channelPrefix = `test-${uniqueSuffix()}:`;
  // The API reads its configuration from the environment, as in production; vitest runs each
  // test file in its own process, so setting it here affects this file only.
  const services = inject('services');
  const temporalAddress = env ? env.address : services.temporalAddress;
  const temporalNamespace = env ? (env.namespace ?? 'default') : services.temporalNamespace;
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.keyPrefix,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: temporalNamespace,
    CARRIER_SIM_URL: sim.url,
    WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    TEMPORAL_TASK_QUEUE: temporal.taskQueue,
    EVENTS_CHANNEL_PREFIX: channelPrefix,
    CARRIER_CREDENTIALS_KEY: TEST_CARRIER_CREDENTIALS_KEY,
  });
  // Carriers sign the public URL they call (Twilio, Plivo): the API must know it before it listens.
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  process.env['PUBLIC_API_URL'] = apiUrl;
  const api = await createApiApp({ logger: Boolean(process.env['TEST_API_LOG']) });
  await api.listen(apiPort, '127.0.0.1');

  const deps: ActivityDeps = {
    db: database.db,
    redis: redis.redis,
    events: new EventBus(database.db, redis.redis, { channelPrefix }),
    semaphore: new ChannelSemaphore(redis.redis, options.poolLimits ? { limits: options.poolLimits } : {}),
    ...carrierActivityDeps({
      env: readEngineEnv({ ...process.env, PUBLIC_API_URL: apiUrl }),
      redis: redis.redis,
      db: database.db,
    }),
    ...(ts ? { now: activityServerClock } : {}),
    ...(options.reassignedNumbers ? { reassignedNumbers: options.reassignedNumbers } : {}),
    callRecords: new TemporalCallRecords(temporal.client, temporal.taskQueue),
  };
  const workers: Array<{ worker: Worker; run: Promise<void> }> = [];

  return {
    database,
    redis,
    temporal,
    temporalAddress,
    temporalNamespace,
    sim,
    api,
    apiUrl,
    deps,
    async startWorker() {
      const worker = await Worker.create({
        connection: temporal.nativeConnection,
        namespace: temporal.namespace,
        taskQueue: temporal.taskQueue,
        workflowsPath: require.resolve('@engine/workflows'),
        activities: createActivities(deps),
      });
      const entry = { worker, run: worker.run() };
      workers.push(entry);
      return entry;
    },
    async startCampaign(campaignId, input = {}) {
      const workflowId = campaignWorkflowId(campaignId);
      await temporal.client.workflow.start(CAMPAIGN_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: temporal.taskQueue,
        args: [{ campaignId, ...input }],
      });
      return workflowId;
    },
    async close() {
      for (const { worker, run } of workers) {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await run.catch(() => undefined);
      }
      await api.close();
      await sim.close();
      await temporal.close();
      await redis.close();
      await database.close();
    },
  };
}
