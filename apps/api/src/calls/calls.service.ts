import { BadRequestException, HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Campaign, Database, Executor, QueuedCallInput, QueuedCallResult } from '@engine/db';
import { ensureCallQueue, findCustomerCampaignIds, insertCallBatch, insertQueuedCalls } from '@engine/db';
import type { EventBus } from '@engine/redis';
import { apiError } from '../common/contract/error-body';
import { parseRequestBody } from '../common/contract/validation-pipe';
import { DB, EVENT_BUS } from '../infrastructure/tokens';
import { publishQueuedCalls } from './call-events';
import type { QueueCallInput } from './call-input.schema';
import { BulkEnvelopeSchema } from './call-input.schema';
import { CallQueueNudge } from './call-queue-nudge';
import { checkCallRow, toQueuedCall } from './call-rows';
import { CallViewsService } from './call-views.service';
import type { BulkQueueResultView, QueuedCallView, RejectedCallRow } from './call.view';

/**
 * Queues ad-hoc calls (seed 001) on the customer's call queue: a campaign of kind `call_queue`
 * whose workflow dials them from the API channel pool, by priority, retrying with backoff.
 */
@Injectable()
export class CallsService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(EVENT_BUS) private readonly events: EventBus,
    private readonly nudge: CallQueueNudge,
    private readonly views: CallViewsService,
  ) {}

  /** Queues one call; `created` false: its custom_call_id named a call queued before (that one is answered). */
  async queue(
    customerId: string,
    input: QueueCallInput,
  ): Promise<{ view: QueuedCallView; created: boolean }> {
    const now = new Date();
    if (input.campaign_id !== undefined) {
      const owned = await findCustomerCampaignIds(this.db, customerId, [input.campaign_id]);
      if (owned.size === 0)
        throw new NotFoundException({
          message: `campaign_id: campaign ${input.campaign_id} not found`,
          field: 'campaign_id',
        });
    }
    const call = toQueuedCall(input, null, now);
    const { queue, results } = await this.insert(customerId, [call], now);
    const result = results[0]!;
    await this.announce(customerId, queue, [{ call, result }]);
    const view = await this.views.queuedCall(customerId, result.callId);
    return { view, created: result.created };
  }

  /**
   * Queues a batch: every row is checked as a single call is, a row that fails is listed in
   * `rejected` (with the field) and the others are queued, all in one transaction together with
   * the batch's record. A batch with no valid row is refused (400) and records nothing.
   */
  async queueBatch(customerId: string, body: unknown): Promise<BulkQueueResultView> {
    const now = new Date();
    const envelope = parseRequestBody(BulkEnvelopeSchema, body);
    const batchId = envelope.batch_id;
    const rejected: RejectedCallRow[] = [];
    const valid: Array<{ row: number; call: QueuedCallInput }> = [];
    envelope.calls.forEach((raw, index) => {
      const checked = checkCallRow(raw, batchId, now);
      if (checked.ok) valid.push({ row: index + 1, call: checked.call });
      else rejected.push({ row: index + 1, field: checked.field, reason: checked.reason });
    });
    const accepted = await this.withoutForeignCampaigns(customerId, valid, rejected);
    if (accepted.length === 0) throw noValidRow(rejected);

    const submitted = envelope.calls.length;
    const { queue, results } = await this.insert(
      customerId,
      accepted.map((a) => a.call),
      now,
      async (tx) => {
        const batch = {
          customerId,
          batchId,
          submitted,
          accepted: accepted.length,
          rejected: rejected.length,
        };
        if (!(await insertCallBatch(tx, batch, now)))
          throw apiError(
            HttpStatus.CONFLICT,
            `batch_id: batch ${JSON.stringify(batchId)} was queued before`,
            {
              field: 'batch_id',
            },
          );
      },
    );
    const pairs = accepted.map((a, i) => ({ call: a.call, result: results[i]! }));
    await this.announce(customerId, queue, pairs);
    rejected.sort((a, b) => a.row - b.row);
    return {
      batch_id: batchId,
      submitted,
      accepted: accepted.length,
      duplicates: results.filter((r) => !r.created).length,
      rejected,
      calls: accepted.map((a, i) => ({
        row: a.row,
        call_id: results[i]!.callId,
        custom_call_id: a.call.customCallId,
        created: results[i]!.created,
      })),
    };
  }

  /** Drops (into `rejected`) the rows naming a campaign that is not one of the customer's. */
  private async withoutForeignCampaigns<T extends { row: number; call: QueuedCallInput }>(
    customerId: string,
    rows: T[],
    rejected: RejectedCallRow[],
  ): Promise<T[]> {
    const named = rows.map((r) => r.call.campaignId).filter((id): id is string => id !== null);
    if (named.length === 0) return rows;
    const owned = await findCustomerCampaignIds(this.db, customerId, named);
    return rows.filter((r) => {
      if (r.call.campaignId === null || owned.has(r.call.campaignId)) return true;
      rejected.push({
        row: r.row,
        field: 'campaign_id',
        reason: `campaign_id: campaign ${r.call.campaignId} not found`,
      });
      return false;
    });
  }

  /** Inserts the calls (and whatever `alongside` writes) in one transaction on the customer's queue. */
  private async insert(
    customerId: string,
    calls: QueuedCallInput[],
    now: Date,
    alongside?: (tx: Executor) => Promise<void>,
  ): Promise<{ queue: Campaign; results: QueuedCallResult[] }> {
    const queue = await ensureCallQueue(this.db, customerId);
    const results = await this.db.transaction().execute(async (tx) => {
      if (alongside) await alongside(tx);
      return insertQueuedCalls(tx, customerId, queue.id, calls, now);
    });
    return { queue, results };
  }

  /** Events for the new calls, then the queue's workflow is woken (on repeats too: it costs little). */
  private async announce(
    customerId: string,
    queue: Campaign,
    calls: ReadonlyArray<{ call: QueuedCallInput; result: QueuedCallResult }>,
  ): Promise<void> {
    await Promise.all([
      publishQueuedCalls(this.events, customerId, queue.id, calls),
      this.nudge.callsQueued(queue),
    ]);
  }
}

/** The 400 of a batch none of whose rows can be queued: each rejected row, named by its path. */
function noValidRow(rejected: readonly RejectedCallRow[]): BadRequestException {
  const errors = rejected.slice(0, 20).map((r) => {
    const field = r.field === 'row' ? `calls[${r.row - 1}]` : `calls[${r.row - 1}].${r.field}`;
    return { field, message: `row ${r.row}: ${r.reason}` };
  });
  const first = errors[0];
  return new BadRequestException({
    message: `no call of the batch can be queued; ${first?.message ?? 'calls is empty'}`,
    field: first?.field ?? 'calls',
    code: 'validation_failed',
    errors,
  });
}
