import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineMetricNames } from '@engine/activities';
import { ChannelPoolMetricNames } from '../src/channel-pool-gauges';
import type { CampaignWorkflowResult } from '@engine/contracts';
import { addSuppressions } from '@engine/db';
import { findFreePort } from '@engine/local-services';
import type { CampaignStack, WorkerProcess } from '@engine/test-stack';
import {
  createDevServerEnv,
  seedCampaign,
  seedCustomer,
  seedDids,
  seedProspects,
  zoneWithLocalHour,
} from '@engine/testing';
import { spawnWorkerProcess, startCampaignStack } from '@engine/test-stack';

/** The value of one Prometheus sample line (`name{labels} value`) whose labels include `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('worker metrics endpoint (WORKER_METRICS_PORT)', () => {
  let env: TestWorkflowEnvironment;
  let stack: CampaignStack;
  let worker: WorkerProcess | undefined;
  let metricsPort: number;

  beforeAll(async () => {
    // A server of its own: the worker process creates the server-wide `did-lifecycle` schedule.
    env = await createDevServerEnv();
    stack = await startCampaignStack({ temporalEnv: env, timeScale: 0.001 });
    metricsPort = await findFreePort();
    worker = await spawnWorkerProcess(stack, {
      env: {
        WORKER_METRICS_PORT: String(metricsPort),
        // Sampled often so the test need not wait; capacity follows the same variable as the limit.
        WORKER_CHANNEL_SAMPLE_MS: '100',
        CHANNEL_POOL_API: '5',
      },
    });
    await worker.waitUntilRunning(90_000);
  });
  afterAll(async () => {
    await worker?.kill('SIGTERM').catch(() => undefined);
    await stack?.close();
    await env?.teardown();
  });

  it('exports the Temporal SDK metrics and the engine counters of a finished campaign', async () => {
    const db = stack.database.db;
    const { customer } = await seedCustomer(db);
    await seedDids(db, customer.id, 5);
    const campaign = await seedCampaign(db, customer.id, { mode: { calls_per_second: 20, max_attempts: 1 } });
    const prospects = await seedProspects(db, campaign.id, 30, {
      timezone: zoneWithLocalHour(new Date(), 9, 19),
    });
    await addSuppressions(db, customer.id, [{ phone: prospects[0]!.phone }, { phone: prospects[1]!.phone }]);

    const workflowId = await stack.startCampaign(campaign.id);
    const result = (await stack.temporal.client.workflow
      .getHandle(workflowId)
      .result()) as CampaignWorkflowResult;
    expect(result.status).toBe('completed');

    // The exporter serves what the runtime aggregated; give it a moment to include the last batch.
    let text = '';
    const deadline = Date.now() + 15_000;
    for (;;) {
      text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      const outcomes = text
        .split('\n')
        .filter((l) => l.startsWith(`${EngineMetricNames.callOutcomes}_total{`))
        .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
      if (outcomes >= 28 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }

    expect(sample(text, `${EngineMetricNames.callsDialed}_total`, { channel: 'voice' })).toBe(28);
    expect(
      sample(text, `${EngineMetricNames.prospectsDeferred}_total`, { channel: 'voice', reason: 'dnc' }),
    ).toBe(2);
    const outcomeTotal = Object.values(result.counters.outcomes).reduce((a, b) => a + b, 0);
    const exported = text
      .split('\n')
      .filter((l) => l.startsWith(`${EngineMetricNames.callOutcomes}_total{`))
      .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    expect(exported).toBe(outcomeTotal);
    // The SDK's own metrics come from the same endpoint (task slots, activity latency by type).
    expect(text).toMatch(/^temporal_worker_task_slots_available\{/m);
    expect(text).toMatch(/^temporal_activity_execution_latency_count\{[^}]*activity_type="dialNextBatch"/m);
  });

  it('exports leases in use and capacity per channel pool, sampled from Redis', async () => {
    const scrape = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    /** Scrapes until the gauge of `pool` shows `expected`; returns the last scrape. */
    const until = async (name: string, pool: string, expected: number) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const text = await scrape();
        if (sample(text, name, { pool }) === expected || Date.now() > deadline) return text;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    // The api pool: the campaign of the other test uses the campaign pool only.
    const semaphore = stack.deps.semaphore;
    expect((await semaphore.acquire('api', 'metrics-lease-1')).acquired).toBe(true);
    expect((await semaphore.acquire('api', 'metrics-lease-2')).acquired).toBe(true);

    let text = await until(ChannelPoolMetricNames.leasesInUse, 'api', 2);
    expect(sample(text, ChannelPoolMetricNames.leasesInUse, { pool: 'api' })).toBe(2);
    expect(sample(text, ChannelPoolMetricNames.leasesInUse, { pool: 'ivr' })).toBe(0);
    expect(sample(text, ChannelPoolMetricNames.capacity, { pool: 'api' })).toBe(5);
    expect(sample(text, ChannelPoolMetricNames.capacity, { pool: 'campaign' })).toBe(60);
    expect(sample(text, ChannelPoolMetricNames.capacity, { pool: 'ivr' })).toBe(15);

    await semaphore.release('api', 'metrics-lease-1');
    text = await until(ChannelPoolMetricNames.leasesInUse, 'api', 1);
    expect(sample(text, ChannelPoolMetricNames.leasesInUse, { pool: 'api' })).toBe(1);
    await semaphore.release('api', 'metrics-lease-2');
  });
});
