import type { MetricMeter } from '@temporalio/common';
import type { ChannelPoolUsage, ChannelSemaphore } from '@engine/redis';
import { CHANNEL_POOLS } from '@engine/redis';

/** Gauge names as scraped, one sample per pool (tag `pool`). */
export const ChannelPoolMetricNames = {
  leasesInUse: 'engine_channel_leases_in_use',
  capacity: 'engine_channel_pool_capacity',
} as const;

export interface ChannelPoolGaugeOptions {
  intervalMs: number;
  /** Told when a sample fails, once per run of failures (Redis down for a minute is one message). */
  onSampleError?: (err: unknown) => void;
  /** Told when sampling works again after failures. */
  onRecovered?: () => void;
}

export interface ChannelPoolGauges {
  /** Samples once more now (also what the timer does). Never rejects. */
  sample(): Promise<void>;
  /** Stops the timer and waits for a sample under way. */
  stop(): Promise<void>;
}

/**
 * Exports the channel pools' occupancy as gauges: leases in use (read from Redis, every
 * `intervalMs`) and capacity (the limits this worker enforces). The leases are shared by every
 * worker, so each worker reports the same cluster-wide figure: aggregate with max, not sum.
 * A failed read keeps the previous value and never reaches the worker: metrics must not be
 * what stops dialing.
 */
export function startChannelPoolGauges(
  semaphore: Pick<ChannelSemaphore, 'usageAll' | 'limits'>,
  meter: MetricMeter,
  options: ChannelPoolGaugeOptions,
): ChannelPoolGauges {
  const inUse = meter.createGauge(
    ChannelPoolMetricNames.leasesInUse,
    'int',
    '1',
    'live SIP channel leases per pool (all workers)',
  );
  const capacity = meter.createGauge(
    ChannelPoolMetricNames.capacity,
    'int',
    '1',
    'concurrent SIP channels allowed per pool (CHANNEL_POOL_*)',
  );
  for (const pool of CHANNEL_POOLS) capacity.set(semaphore.limits[pool], { pool });

  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const readOnce = async () => {
    try {
      const usage: ChannelPoolUsage[] = await semaphore.usageAll();
      for (const u of usage) inUse.set(u.inUse, { pool: u.pool });
    } catch (err) {
      if (!failing) options.onSampleError?.(err);
      failing = true;
      return;
    }
    if (failing) options.onRecovered?.();
    failing = false;
  };
  const sample = () => {
    // One read at a time: a slow Redis must not pile up reads behind it.
    running = running.then(readOnce);
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void sample().then(schedule);
    }, options.intervalMs);
    // The sampler alone must not keep the process alive.
    timer.unref();
  };
  void sample().then(schedule);

  return {
    sample,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
