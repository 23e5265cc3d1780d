import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database } from '@engine/db';
import { callQueueMetrics, findOpenCallQueue } from '@engine/db';
import { CallPriorities, priorityRank } from '@engine/domain';
import type { ChannelSemaphore } from '@engine/redis';
import { CHANNEL_SEMAPHORE, DB } from '../infrastructure/tokens';
import type { QueueChannelPool, QueueStatusView } from './queue-status.view';

/** How long the pool usage may take: a slow Redis must not hold up the rest of the answer. */
const USAGE_TIMEOUT_MS = 2_000;

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Seed 001's queue metrics for the customer's call queue. */
@Injectable()
export class QueueStatusService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(CHANNEL_SEMAPHORE) private readonly semaphore: ChannelSemaphore,
  ) {}

  async status(customerId: string): Promise<QueueStatusView> {
    const now = new Date();
    const [queue, channelPool] = await Promise.all([findOpenCallQueue(this.db, customerId), this.pool()]);
    const pending = { low: 0, normal: 0, high: 0, urgent: 0 };
    if (!queue) {
      return {
        queue_id: null,
        workflow_id: null,
        status: null,
        pending,
        scheduled: 0,
        in_flight: 0,
        dial_rate_per_second: 0,
        success_rate: 0,
        failure_rate: 0,
        average_duration_seconds: 0,
        channel_pool: channelPool,
      };
    }
    const m = await callQueueMetrics(this.db, queue.id, now);
    for (const priority of CallPriorities) pending[priority] = m.dueByRank.get(priorityRank(priority)) ?? 0;
    const { completed, failed, completedDurationSeconds } = m.endedLastHour;
    const ended = completed + failed;
    return {
      queue_id: queue.id,
      workflow_id: queue.workflow_id,
      status: queue.status,
      pending,
      scheduled: m.scheduled,
      in_flight: m.inFlight,
      dial_rate_per_second: round(m.originatedLastMinute / 60),
      success_rate: ended === 0 ? 0 : round(completed / ended),
      failure_rate: ended === 0 ? 0 : round(failed / ended),
      average_duration_seconds: completed === 0 ? 0 : round(completedDurationSeconds / completed, 1),
      channel_pool: channelPool,
    };
  }

  /** The `api` pool's usage; `in_use` null when Redis cannot tell in time (as the health check reports it). */
  private async pool(): Promise<QueueChannelPool> {
    const limit = this.semaphore.limits.api;
    let timer: NodeJS.Timeout | undefined;
    try {
      const usage = await Promise.race([
        this.semaphore.usage('api'),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), USAGE_TIMEOUT_MS);
        }),
      ]);
      return { pool: 'api', in_use: usage.inUse, limit };
    } catch {
      return { pool: 'api', in_use: null, limit };
    } finally {
      clearTimeout(timer);
    }
  }
}
