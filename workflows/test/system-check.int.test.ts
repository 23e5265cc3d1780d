import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemCheckActivities } from '@engine/activities';
import { systemCheckWorkflow } from '@engine/workflows';
import type { TestDatabase, TestRedis, TestTemporal } from '@engine/testing';
import { connectTestTemporal, createTestDatabase, createTestRedis } from '@engine/testing';

describe('system check workflow against the dev server, Postgres and Redis', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let temporal: TestTemporal;

  beforeAll(async () => {
    redis = createTestRedis();
    [database, temporal] = await Promise.all([createTestDatabase(), connectTestTemporal('system-check')]);
  });
  afterAll(async () => {
    await temporal?.close();
    await redis?.close();
    await database?.close();
  });

  it('writes a row to Postgres and a key to Redis that are visible from outside', async () => {
    const worker = await Worker.create({
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      workflowsPath: require.resolve('@engine/workflows'),
      activities: createSystemCheckActivities({ db: database.db, redis: redis.redis }),
    });
    const checkId = randomUUID();
    const result = await worker.runUntil(
      temporal.client.workflow.execute(systemCheckWorkflow, {
        workflowId: `system-check-${checkId}`,
        taskQueue: temporal.taskQueue,
        args: [{ checkId, sleepMs: 100 }],
      }),
    );

    const row = await database.db
      .selectFrom('system_checks')
      .selectAll()
      .where('check_id', '=', checkId)
      .executeTakeFirst();
    expect(row?.id).toBe(result.postgresRowId);
    expect(await redis.redis.get(`system-check:${checkId}`)).toBe(row?.id);
    expect(result.sleptMs).toBe(100);
  });

  it('is idempotent: running the activity twice for one check leaves one row', async () => {
    const activities = createSystemCheckActivities({ db: database.db, redis: redis.redis });
    const checkId = randomUUID();
    const env = new MockActivityEnvironment({ taskQueue: 'system-check' });
    type Written = Awaited<ReturnType<typeof activities.recordSystemCheck>>;
    const first = (await env.run(activities.recordSystemCheck, checkId)) as Written;
    const second = (await env.run(activities.recordSystemCheck, checkId)) as Written;
    expect(second.postgresRowId).toBe(first.postgresRowId);
    const rows = await database.db
      .selectFrom('system_checks')
      .select('id')
      .where('check_id', '=', checkId)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
