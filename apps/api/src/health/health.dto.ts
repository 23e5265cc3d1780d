import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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

export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: HealthChecksDto }) checks!: HealthChecksDto;
}
