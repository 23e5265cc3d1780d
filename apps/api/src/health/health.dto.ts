import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_POOLS } from '@engine/redis';
import type { ChannelPool } from '@engine/redis';

export class DependencyCheckDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'milliseconds the check took' })
  latencyMs!: number;
  @ApiPropertyOptional({ description: 'why the check failed (only when ok is false)' }) error?: string;
}

class HealthChecksDto {
  @ApiProperty({ type: DependencyCheckDto }) postgres!: DependencyCheckDto;
  @ApiProperty({ type: DependencyCheckDto }) redis!: DependencyCheckDto;
  @ApiProperty({ type: DependencyCheckDto }) temporal!: DependencyCheckDto;
}

export class ChannelPoolUsageDto {
  @ApiProperty({ enum: CHANNEL_POOLS }) pool!: ChannelPool;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    nullable: true,
    description: 'live leases (calls holding a SIP channel); null when Redis could not be read',
  })
  inUse!: number | null;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'concurrent channels allowed (CHANNEL_POOL_*), as the worker enforces them',
  })
  limit!: number;
}

export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'degraded'], description: 'degraded (with 503) when any dependency is down' })
  status!: 'ok' | 'degraded';
  @ApiProperty({ type: HealthChecksDto }) checks!: HealthChecksDto;
  @ApiProperty({ type: [ChannelPoolUsageDto], description: 'every SIP channel pool, in use and capacity' })
  channels!: ChannelPoolUsageDto[];
}
