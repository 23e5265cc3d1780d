import type { MetricMeter } from '@temporalio/common';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelPoolUsage } from '@engine/redis';
import type { ChannelPoolGauges } from '../src/channel-pool-gauges';
import { ChannelPoolMetricNames, startChannelPoolGauges } from '../src/channel-pool-gauges';

/** A meter that keeps the last value each gauge was set to, per pool. */
function recordingMeter() {
  const values = new Map<string, number>();
  const meter = {
    createGauge: (name: string) => ({
      set: (value: number, tags: Record<string, string> = {}) =>
        values.set(`${name}{${tags['pool']}}`, value),
    }),
  } as unknown as MetricMeter;
  return { meter, value: (name: string, pool: string) => values.get(`${name}{${pool}}`) };
}

const limits = { campaign: 60, ivr: 15, api: 8 };
const usage = (campaign: number): ChannelPoolUsage[] => [
  { pool: 'campaign', inUse: campaign, limit: 60 },
  { pool: 'ivr', inUse: 0, limit: 15 },
  { pool: 'api', inUse: 1, limit: 8 },
];

describe('channel pool gauges', () => {
  let gauges: ChannelPoolGauges | undefined;
  afterEach(() => gauges?.stop());

  it('reports capacity at once and leases in use on every sample', async () => {
    const { meter, value } = recordingMeter();
    let inUse = 3;
    gauges = startChannelPoolGauges({ limits, usageAll: async () => usage(inUse) }, meter, {
      intervalMs: 60_000,
    });
    expect(value(ChannelPoolMetricNames.capacity, 'campaign')).toBe(60);
    expect(value(ChannelPoolMetricNames.capacity, 'ivr')).toBe(15);
    expect(value(ChannelPoolMetricNames.capacity, 'api')).toBe(8);
    await gauges.sample();
    expect(value(ChannelPoolMetricNames.leasesInUse, 'campaign')).toBe(3);
    expect(value(ChannelPoolMetricNames.leasesInUse, 'api')).toBe(1);
    inUse = 5;
    await gauges.sample();
    expect(value(ChannelPoolMetricNames.leasesInUse, 'campaign')).toBe(5);
  });

  it('survives Redis failing: keeps the last value, says so once, and says when it is back', async () => {
    const { meter, value } = recordingMeter();
    let down = false;
    const said: string[] = [];
    gauges = startChannelPoolGauges(
      {
        limits,
        usageAll: async () => {
          if (down) throw new Error('ECONNREFUSED');
          return usage(2);
        },
      },
      meter,
      {
        intervalMs: 60_000,
        onSampleError: (err) => said.push(String(err)),
        onRecovered: () => said.push('back'),
      },
    );
    await gauges.sample();
    down = true;
    await expect(gauges.sample()).resolves.toBeUndefined();
    await gauges.sample();
    expect(value(ChannelPoolMetricNames.leasesInUse, 'campaign')).toBe(2);
    down = false;
    await gauges.sample();
    expect(said).toEqual(['Error: ECONNREFUSED', 'back']);
  });

  it('samples on its interval until stopped', async () => {
    const { meter } = recordingMeter();
    let reads = 0;
    gauges = startChannelPoolGauges(
      {
        limits,
        usageAll: async () => {
          reads += 1;
          return usage(0);
        },
      },
      meter,
      { intervalMs: 20 },
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(reads).toBeGreaterThanOrEqual(3);
    await gauges.stop();
    const afterStop = reads;
    await new Promise((r) => setTimeout(r, 100));
    expect(reads).toBe(afterStop);
  });
});
