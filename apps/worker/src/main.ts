import { Client, Connection } from '@temporalio/client';
import type { MetricMeter } from '@temporalio/common';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { assertCredentialsKeyReady, TemporalCallRecords } from '@engine/activities';
import { createLogger, loadEngineConfig, requireServiceUrls } from '@engine/config';
import { createDb } from '@engine/db';
import { createRedis } from '@engine/redis';
import { buildActivityDeps } from './build-deps';
import { startChannelPoolGauges } from './channel-pool-gauges';
import { createCampaignWorker } from './create-worker';
import { ensureDidLifecycleSchedule } from './did-lifecycle-schedule';
import { startHealthServer } from './health-server';

async function main(): Promise<void> {
  const config = loadEngineConfig();
  const log = createLogger('worker', config.env.LOG_LEVEL);
  const { databaseUrl, redisUrl } = requireServiceUrls(config);
  // Before any connection: the runtime's exporter is fixed when it is created.
  const metricsPort = config.env.WORKER_METRICS_PORT;
  const metricMeter = metricsPort > 0 ? installPrometheusRuntime(metricsPort) : undefined;
  const db = createDb(databaseUrl, { applicationName: 'worker', maxConnections: 20 });
  // Stored carrier accounts cannot be dialled through without the key their credentials were
  // encrypted with: refuse to start rather than fail every call.
  await assertCredentialsKeyReady(db, config.env).catch(async (err: unknown) => {
    await db.destroy();
    throw err;
  });
  const redis = createRedis(redisUrl, { keyPrefix: config.redisKeyPrefix, connectionName: 'worker' });
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  // A client of its own for what activities start or signal (queued calls' workflows) and for
  // the did-lifecycle schedule.
  const clientConnection = await Connection.connect({ address: config.temporalAddress });
  const client = new Client({ connection: clientConnection, namespace: config.temporalNamespace });

  const deps = {
    ...buildActivityDeps(config, db, redis),
    callRecords: new TemporalCallRecords(client, config.taskQueue, (message) => log.warn(message)),
  };
  const worker = await createCampaignWorker(
    connection,
    {
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      maxConcurrentActivityTaskExecutions: config.env.WORKER_MAX_CONCURRENT_ACTIVITIES,
      maxConcurrentWorkflowTaskExecutions: config.env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      maxCachedWorkflows: config.env.WORKER_MAX_CACHED_WORKFLOWS,
      shutdownGraceTimeMs: config.env.WORKER_SHUTDOWN_GRACE_MS,
    },
    { ...deps, ...(metricMeter ? { metricMeter } : {}) },
  );
  const channelGauges = metricMeter
    ? startChannelPoolGauges(deps.semaphore, metricMeter, {
        intervalMs: config.env.WORKER_CHANNEL_SAMPLE_MS,
        onSampleError: (err) =>
          log.warn({ err }, 'channel pool usage could not be read; its gauges keep their last value'),
        onRecovered: () => log.info('channel pool usage readable again'),
      })
    : undefined;
  const schedule = await ensureDidLifecycleSchedule(client, config.taskQueue);
  log.info({ schedule }, 'did-lifecycle schedule ready');
  const health = await startHealthServer(config.env.WORKER_HEALTH_PORT, () => ({
    state: worker.getState(),
    taskQueue: config.taskQueue,
    namespace: config.temporalNamespace,
  }));

  // SIGTERM/SIGINT: stop polling, let running activities finish within the grace time, then exit.
  // The SDK installs its own handlers for these signals (shutdownSignals) and calls shutdown().
  log.info(
    {
      taskQueue: config.taskQueue,
      address: config.temporalAddress,
      metrics: metricMeter ? `http://127.0.0.1:${metricsPort}/metrics` : 'off',
    },
    'worker started',
  );
  try {
    await worker.run();
  } finally {
    log.info('worker stopped; closing connections');
    await channelGauges?.stop();
    health.close();
    await clientConnection.close();
    await connection.close();
    await db.destroy();
    redis.disconnect();
  }
}

/** Exports the SDK's metrics, and the engine's counters made on the returned meter, on `port`. */
function installPrometheusRuntime(port: number): MetricMeter {
  Runtime.install({
    telemetryOptions: {
      metrics: { prometheus: { bindAddress: `0.0.0.0:${port}`, countersTotalSuffix: true } },
    },
  });
  return Runtime.instance().metricMeter;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
