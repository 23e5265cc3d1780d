import { ApiProperty } from '@nestjs/swagger';
import { CallPriorities, CallStates } from '@engine/domain';
import type { CallPriority, CallState } from '@engine/domain';

/** Responses of /api/calls (seed 001's field names, snake_case). */

const nullableText = { nullable: true, type: String } as const;
const nullableTime = { nullable: true, type: String, format: 'date-time' } as const;

export class QueuedCallView {
  @ApiProperty({ format: 'uuid', description: "the call's id" }) call_id!: string;
  @ApiProperty(nullableText) custom_call_id!: string | null;
  @ApiProperty(nullableText) batch_id!: string | null;
  @ApiProperty({ ...nullableText, format: 'uuid', description: 'the campaign the call is filed under' })
  campaign_id!: string | null;
  @ApiProperty({ description: 'E.164' }) phone_number!: string;
  @ApiProperty({ enum: CallPriorities }) priority!: CallPriority;
  @ApiProperty({
    enum: CallStates,
    description:
      'queued: due now; scheduled: due later (its time, a retry, or the recipient’s calling window); ' +
      'dialing; in_progress: ringing or answered; completed: answered; failed: not reached with all ' +
      'attempts used; cancelled: cancelled, or not callable (see reason)',
  })
  state!: CallState;
  @ApiProperty({ ...nullableTime, description: 'the requested time, as given; null: now' })
  scheduled_at!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10 }) max_retries!: number;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class CallAttemptView {
  @ApiProperty({ type: 'integer', minimum: 1 }) attempt!: number;
  @ApiProperty({ format: 'uuid' }) attempt_id!: string;
  @ApiProperty({ description: 'pending, originating, in_progress, completed, failed, unknown' })
  status!: string;
  @ApiProperty({ ...nullableText, description: 'human_connected, voicemail, no_answer, busy, failed, ...' })
  outcome!: string | null;
  @ApiProperty({ nullable: true, type: 'integer', minimum: 0 }) duration_seconds!: number | null;
  @ApiProperty({ ...nullableText, description: 'the number the call came from (E.164)' })
  caller_id!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when the carrier was asked (or the attempt recorded)' })
  started_at!: string;
  @ApiProperty(nullableTime) ended_at!: string | null;
  @ApiProperty(nullableText) error!: string | null;
}

export class CallStatusView extends QueuedCallView {
  @ApiProperty({
    ...nullableText,
    description:
      'why the call is not dialed or failed, when known (dnc, outside_window, cancelled_by_api, ...)',
  })
  reason!: string | null;
  @ApiProperty({ format: 'date-time', description: 'when the call is next due (queued or scheduled calls)' })
  next_attempt_at!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'redials left; 0 once the call has ended' })
  retries_left!: number;
  @ApiProperty({ type: [CallAttemptView], description: 'first to last' }) attempts!: CallAttemptView[];
}

export class RejectedCallRow {
  @ApiProperty({ type: 'integer', minimum: 1, description: '1-based position of the row in `calls`' })
  row!: number;
  @ApiProperty({ description: 'the field of the row that failed (`calls[i].` left out), or `row`' })
  field!: string;
  @ApiProperty() reason!: string;
}

export class BulkQueuedCall {
  @ApiProperty({ type: 'integer', minimum: 1, description: '1-based position of the row in `calls`' })
  row!: number;
  @ApiProperty({ format: 'uuid' }) call_id!: string;
  @ApiProperty(nullableText) custom_call_id!: string | null;
  @ApiProperty({
    description: 'false: the custom_call_id named a call queued before (or earlier in the list)',
  })
  created!: boolean;
}

export class BulkQueueResultView {
  @ApiProperty() batch_id!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'rows in `calls`' }) submitted!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'valid rows (queued, or duplicates)' })
  accepted!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'valid rows whose custom_call_id named a call already queued: nothing new was queued',
  })
  duplicates!: number;
  @ApiProperty({ type: [RejectedCallRow], description: 'every row that failed its checks' })
  rejected!: RejectedCallRow[];
  @ApiProperty({ type: [BulkQueuedCall], description: 'the accepted rows, in order' })
  calls!: BulkQueuedCall[];
}

export class CallStateCounts {
  @ApiProperty({ type: 'integer', minimum: 0 }) queued!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) scheduled!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) dialing!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) in_progress!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) completed!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) failed!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) cancelled!: number;
}

export class CallBatchView {
  @ApiProperty() batch_id!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) submitted!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) accepted!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) rejected!: number;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: CallStateCounts, description: "the batch's calls by state, now" })
  states!: CallStateCounts;
}

export class ActiveCallView {
  @ApiProperty({ format: 'uuid' }) call_id!: string;
  @ApiProperty(nullableText) custom_call_id!: string | null;
  @ApiProperty(nullableText) batch_id!: string | null;
  @ApiProperty({ description: 'E.164' }) phone_number!: string;
  @ApiProperty({ enum: CallPriorities }) priority!: CallPriority;
  @ApiProperty({ enum: ['dialing', 'in_progress'] }) state!: 'dialing' | 'in_progress';
  @ApiProperty({
    nullable: true,
    type: 'integer',
    minimum: 1,
    description: 'null: claimed, not yet recorded',
  })
  attempt!: number | null;
  @ApiProperty({ ...nullableText, format: 'uuid' }) attempt_id!: string | null;
  @ApiProperty({ ...nullableText, description: 'the number calling (E.164)' }) caller_id!: string | null;
  @ApiProperty({ ...nullableText, description: 'the carrier' }) provider!: string | null;
  @ApiProperty(nullableTime) started_at!: string | null;
}

export class ActiveCallPage {
  @ApiProperty({ type: [ActiveCallView] }) items!: ActiveCallView[];
  @ApiProperty({ nullable: true, type: String, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
