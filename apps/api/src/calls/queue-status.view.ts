import { ApiProperty } from '@nestjs/swagger';
import { CampaignStatuses } from '@engine/db';
import type { CampaignStatus } from '@engine/db';

/** `GET /api/queue/status` (seed 001's queue metrics, snake_case). */

export class PendingByPriority {
  @ApiProperty({ type: 'integer', minimum: 0 }) low!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) normal!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) high!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) urgent!: number;
}

export class QueueChannelPool {
  @ApiProperty({ enum: ['api'], description: 'the SIP channel pool queued calls are dialed from' })
  pool!: 'api';
  @ApiProperty({
    nullable: true,
    type: 'integer',
    minimum: 0,
    description: 'channels in use now, by every customer (null: Redis could not tell)',
  })
  in_use!: number | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) limit!: number;
}

export class QueueStatusView {
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'your call queue (its events are on channel campaign:<queue_id>); null: nothing queued yet',
  })
  queue_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) workflow_id!: string | null;
  @ApiProperty({
    nullable: true,
    enum: CampaignStatuses,
    description: 'created: not started yet; dialing; paused (calls wait); null: no queue yet',
  })
  status!: CampaignStatus | null;
  @ApiProperty({ type: PendingByPriority, description: 'calls due now, waiting for a channel' })
  pending!: PendingByPriority;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'calls due later (scheduled, retry backoff, calling window)',
  })
  scheduled!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'calls being dialed or in progress' })
  in_flight!: number;
  @ApiProperty({ minimum: 0, description: 'calls sent to the carrier per second over the last minute' })
  dial_rate_per_second!: number;
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'share of the calls that ended in the last hour that were answered (0 when none ended)',
  })
  success_rate!: number;
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'share of the calls that ended in the last hour unanswered with every attempt used',
  })
  failure_rate!: number;
  @ApiProperty({ minimum: 0, description: 'mean talk time of the calls answered in the last hour' })
  average_duration_seconds!: number;
  @ApiProperty({ type: QueueChannelPool }) channel_pool!: QueueChannelPool;
}
