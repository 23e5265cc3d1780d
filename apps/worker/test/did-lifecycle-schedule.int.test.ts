import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DID_LIFECYCLE_SCHEDULE_ID } from '@engine/contracts';
import type { TestTemporal } from '@engine/testing';
import { connectTestTemporal } from '@engine/testing';
import { ensureDidLifecycleSchedule } from '../src/did-lifecycle-schedule';

describe('did-lifecycle schedule (dev server)', () => {
  let temporal: TestTemporal;
  beforeAll(async () => {
    temporal = await connectTestTemporal('schedule');
  });
  afterAll(async () => {
    await temporal.client.schedule
      .getHandle(DID_LIFECYCLE_SCHEDULE_ID)
      .delete()
      .catch(() => undefined);
    await temporal?.close();
  });

  it('two worker starts leave exactly one schedule, every 60 s, overlap skipped', async () => {
    expect(await ensureDidLifecycleSchedule(temporal.client, temporal.taskQueue)).toBe('created');
    expect(await ensureDidLifecycleSchedule(temporal.client, temporal.taskQueue)).toBe('existed');
    const ids: string[] = [];
    for await (const s of temporal.client.schedule.list()) ids.push(s.scheduleId);
    expect(ids.filter((id) => id === DID_LIFECYCLE_SCHEDULE_ID)).toHaveLength(1);
    const description = await temporal.client.schedule.getHandle(DID_LIFECYCLE_SCHEDULE_ID).describe();
    expect(description.spec.intervals?.[0]?.every).toBe(60_000);
    expect(description.policies.overlap).toBe('SKIP');
    expect(description.policies.catchupWindow).toBe(300_000);
  });
});
