import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_POOLS } from '@engine/redis';
import type { ChannelPool } from '@engine/redis';

export class DependencyCheckDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'time the check took' }) latencyMs!: number;
  @ApiPropertyOptional() error?: string;
}

class HealthChecksDto {
  @ApiProperty({ type: DependencyCheckDto }) postgres!: DependencyCheckDto;
  @ApiProperty({ type: DependencyCheckDto }) redis!: DependencyCheckDto;
  @ApiProperty({ type: DependencyCheckDto }) temporal!: DependencyCheckDto;
}

export class ChannelPoolUsageDto {
  @ApiProperty({ enum: CHANNEL_POOLS }) pool!: ChannelPool;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'live leases (calls holding a SIP channel); null when Redis could not be read',
  })
  inUse!: number | null;
  @ApiProperty({ description: 'concurrent channels allowed (CHANNEL_POOL_*), as the worker enforces them' })
  limit!: number;
}

export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: HealthChecksDto }) checks!: HealthChecksDto;
  @ApiProperty({ type: [ChannelPoolUsageDto], description: 'every SIP channel pool, in use and capacity' })
  channels!: ChannelPoolUsageDto[];
}
