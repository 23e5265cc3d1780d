import { Logger } from '@nestjs/common';
import type { EngineEvent } from '@engine/contracts';
import type { QueuedCallInput, QueuedCallResult } from '@engine/db';
import type { EventBus } from '@engine/redis';

/** Events per publish: one transaction and one Redis pipeline each, well under Postgres' bind limit. */
const EVENT_CHUNK = 2_000;

const logger = new Logger('calls');

/**
 * Publishes `call.queued` (due now) or `call.scheduled` (due later) for each call the request
 * created, on the queue's channel (`campaign:<queue id>`). A call found by its custom id again is
 * not announced again; the dedupe key keeps a retried publish from storing an event twice.
 * Best effort: the calls are committed already, so a failure is logged, not answered.
 */
export async function publishQueuedCalls(
  events: EventBus,
  customerId: string,
  queueId: string,
  calls: ReadonlyArray<{ call: QueuedCallInput; result: QueuedCallResult }>,
): Promise<void> {
  const items = calls
    .filter(({ result }) => result.created)
    .map(({ call, result }) => ({
      event: queuedEvent(customerId, queueId, call, result),
      dedupeKey: `call:${result.callId}:queued`,
    }));
  try {
    for (let i = 0; i < items.length; i += EVENT_CHUNK)
      await events.publishMany(items.slice(i, i + EVENT_CHUNK));
  } catch (err) {
    logger.warn(`call.queued events of queue ${queueId} not published: ${String(err)}`);
  }
}

function queuedEvent(
  customerId: string,
  queueId: string,
  call: QueuedCallInput,
  result: QueuedCallResult,
): EngineEvent {
  const payload = {
    callId: result.callId,
    customCallId: call.customCallId,
    batchId: call.batchId,
    phone: call.phone,
    priority: call.priority,
  };
  // toQueuedCall keeps a scheduled time only when it lies ahead.
  return call.scheduledAt
    ? {
        type: 'call.scheduled',
        customerId,
        campaignId: queueId,
        payload: { ...payload, scheduledAt: call.scheduledAt.toISOString() },
      }
    : { type: 'call.queued', customerId, campaignId: queueId, payload };
}
