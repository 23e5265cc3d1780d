import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ActiveCallRow, Database } from '@engine/db';
import {
  callBatchStateGroups,
  cancelQueuedCalls,
  findCallBatch,
  findOpenCallQueue,
  findQueuedCallRow,
  listActiveCalls,
  listCallAttempts,
} from '@engine/db';
import type { CallState } from '@engine/domain';
import { callStateOf, CallStates } from '@engine/domain';
import { decodeCursor, DEFAULT_PAGE_SIZE, keysetPage } from '../common/pagination';
import { DB } from '../infrastructure/tokens';
import { CallQueueNudge } from './call-queue-nudge';
import type { ActiveCallsQuery } from './call-input.schema';
import { stateOfRow, toCallStatusView, toQueuedCallView } from './call-view-mapping';
import type {
  ActiveCallPage,
  ActiveCallView,
  CallBatchView,
  CallStatusView,
  QueuedCallView,
} from './call.view';

/** `status_reason` and `cancel_reason` of a call cancelled through `DELETE /api/calls/:id`. */
export const CANCELLED_BY_API = 'cancelled_by_api';

const isProspectCursor = (v: unknown): v is { p: number } =>
  typeof v === 'object' && v !== null && Number.isSafeInteger((v as { p?: unknown }).p);

/** Reads of queued calls (status, batches, active calls) and their cancellation. */
@Injectable()
export class CallViewsService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly nudge: CallQueueNudge,
  ) {}

  private async row(customerId: string, ref: string) {
    const row = await findQueuedCallRow(this.db, customerId, ref);
    if (!row) throw new NotFoundException({ message: `call ${ref} not found`, field: 'id' });
    return row;
  }

  /** The call as `POST /api/calls/queue` answers it. */
  async queuedCall(customerId: string, ref: string): Promise<QueuedCallView> {
    return toQueuedCallView(await this.row(customerId, ref), new Date());
  }

  async status(customerId: string, ref: string): Promise<CallStatusView> {
    const row = await this.row(customerId, ref);
    const attempts = await listCallAttempts(this.db, row.prospect_id);
    return toCallStatusView(row, attempts, new Date());
  }

  /**
   * Cancels a call that has not been dialed yet (queued or scheduled, a retry's wait included).
   * One being dialed, in progress or finished is a 409 naming its state; the claim and this
   * cancel both change the prospect only while it is `queued`, so exactly one of them wins.
   */
  async cancel(customerId: string, ref: string): Promise<CallStatusView> {
    const row = await this.row(customerId, ref);
    const now = new Date();
    const cancelled = await cancelQueuedCalls(this.db, customerId, [row.id], CANCELLED_BY_API, now);
    if (cancelled.length === 0) {
      const state = stateOfRow(await this.row(customerId, row.id), now);
      throw new ConflictException(`call is ${state}; only a queued or scheduled call can be cancelled`);
    }
    await this.nudge.callChanged(row.id);
    return this.status(customerId, row.id);
  }

  /** A batch's record and its calls by state now (one aggregate over the batch). */
  async batch(customerId: string, batchId: string): Promise<CallBatchView> {
    const batch = await findCallBatch(this.db, customerId, batchId);
    if (!batch) throw new NotFoundException({ message: `batch ${batchId} not found`, field: 'batchId' });
    const now = new Date();
    const states = Object.fromEntries(CallStates.map((s) => [s, 0])) as Record<CallState, number>;
    for (const group of await callBatchStateGroups(this.db, customerId, batchId, now)) {
      // A date before or after `now` stands for the group's due time: only that comparison matters.
      const nextAttemptAt = new Date(now.getTime() + (group.later ? 1 : 0));
      const state = callStateOf(
        { prospectStatus: group.prospectStatus, nextAttemptAt, latestAttemptStatus: group.attemptStatus },
        now,
      );
      states[state] += group.count;
    }
    return {
      batch_id: batch.batch_id,
      submitted: batch.submitted,
      accepted: batch.accepted,
      rejected: batch.rejected,
      created_at: batch.created_at.toISOString(),
      states,
    };
  }

  /** Calls being dialed or in progress, with their current attempt; empty when there is no queue. */
  async active(customerId: string, query: ActiveCallsQuery): Promise<ActiveCallPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, isProspectCursor);
    const queue = await findOpenCallQueue(this.db, customerId);
    if (!queue) return { items: [], nextCursor: null };
    const rows = await listActiveCalls(this.db, {
      queueId: queue.id,
      limit: limit + 1,
      afterProspectId: cursor?.p,
    });
    return keysetPage(rows, limit, toActiveCallView, (last) => ({ p: last.prospect_id }));
  }
}

function toActiveCallView(row: ActiveCallRow): ActiveCallView {
  return {
    call_id: row.call_id,
    custom_call_id: row.custom_call_id,
    batch_id: row.batch_id,
    phone_number: row.phone,
    priority: row.priority,
    state: row.attempt_status === 'in_progress' ? 'in_progress' : 'dialing',
    attempt: row.attempt_number,
    attempt_id: row.attempt_id,
    caller_id: row.from_number,
    provider: row.provider,
    started_at: row.started_at?.toISOString() ?? null,
  };
}
