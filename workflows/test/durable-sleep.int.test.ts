import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemCheckActivities } from '@engine/activities';
import { systemCheckWorkflow } from '@engine/workflows';
import type { TestDatabase, TestRedis } from '@engine/testing';
import { createTestDatabase, createTestRedis, createTimeSkippingEnv, uniqueSuffix } from '@engine/testing';

const TWO_HOURS_MS = 2 * 60 * 60 * 1000;

describe('durable timers under the time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;
  let redis: TestRedis;

  beforeAll(async () => {
    redis = createTestRedis();
    [env, database] = await Promise.all([createTimeSkippingEnv(), createTestDatabase()]);
  });
  afterAll(async () => {
    await env?.teardown();
    await redis?.close();
    await database?.close();
  });

  it('finishes a workflow that sleeps 2 hours in seconds of wall time', async () => {
    const taskQueue = `durable-sleep-${uniqueSuffix()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('@engine/workflows'),
      activities: createSystemCheckActivities({ db: database.db, redis: redis.redis }),
    });
    const checkId = randomUUID();
    const wallStart = Date.now();
    const serverStart = await env.currentTimeMs();

    const result = await worker.runUntil(
      env.client.workflow.execute(systemCheckWorkflow, {
        workflowId: `sleep-${checkId}`,
        taskQueue,
        args: [{ checkId, sleepMs: TWO_HOURS_MS }],
      }),
    );

    const wallMs = Date.now() - wallStart;
    expect(result.sleptMs).toBe(TWO_HOURS_MS);
    expect(wallMs).toBeLessThan(60_000);
    // The server's clock moved two hours while the wall clock moved seconds.
    expect((await env.currentTimeMs()) - serverStart).toBeGreaterThanOrEqual(TWO_HOURS_MS);
  });
});
