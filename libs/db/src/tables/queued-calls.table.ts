import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CallPriority } from '@engine/domain';

/**
 * An ad-hoc call as the API knows it (seed 001). Its dialing state lives in its prospect row of
 * the customer's call-queue campaign (`queue_id`); this row holds what only a queued call has.
 */
export interface QueuedCallsTable {
  id: Generated<string>;
  customer_id: string;
  /** The customer's call-queue campaign. */
  queue_id: string;
  prospect_id: number;
  /** The caller's own id; unique per customer, so queueing it twice returns the first call. */
  custom_call_id: string | null;
  batch_id: string | null;
  /** The campaign the caller filed the call under (one of the customer's campaigns), if any. */
  campaign_id: string | null;
  priority: CallPriority;
  scheduled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  max_retries: number;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancel_reason: string | null;
  created_at: Generated<Date>;
}

export type QueuedCall = Selectable<QueuedCallsTable>;
export type NewQueuedCall = Insertable<QueuedCallsTable>;

/** One `POST /api/calls/bulk-queue` request, for `GET /api/calls/batches/:batchId`. */
export interface CallBatchesTable {
  customer_id: string;
  batch_id: string;
  submitted: number;
  accepted: number;
  rejected: number;
  created_at: Generated<Date>;
}

export type CallBatch = Selectable<CallBatchesTable>;
