import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DidStates } from '@engine/db';
import type { DidState } from '@engine/db';
import { IsPhone } from '../common/validators';

export class CreateDidDto {
  @ApiProperty({ example: '+14155550100', description: 'any common format; stored as E.164' })
  @IsString()
  @MaxLength(40)
  @IsPhone()
  number!: string;
}

export class ListDidsQuery {
  @ApiPropertyOptional({ enum: DidStates })
  @IsOptional()
  @IsIn(DidStates)
  state?: DidState;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class DidView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ nullable: true, type: String }) areaCode!: string | null;
  @ApiProperty({ enum: DidStates }) state!: DidState;
  @ApiProperty() healthScore!: number;
  @ApiProperty() healthVerdict!: string;
  @ApiProperty() healthSampleSize!: number;
  @ApiProperty({ nullable: true, type: String }) lastCallAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastSmsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cooldownUntil!: string | null;
  @ApiProperty({ nullable: true, type: String }) scoreSince!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class DidPage {
  @ApiProperty({ type: [DidView] }) items!: DidView[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class HealthComponentsView {
  @ApiProperty() answerRate!: number;
  @ApiProperty() durationScore!: number;
  @ApiProperty() humanEngagement!: number;
  @ApiProperty() noAnswerScore!: number;
  @ApiProperty() spamScore!: number;
}

export class DidHealthView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ enum: DidStates }) state!: DidState;
  @ApiProperty({ description: 'score over the calls in the window (1.0 with none)' }) score!: number;
  @ApiProperty({ description: 'score stored on the DID by the engine' }) storedScore!: number;
  @ApiProperty({ enum: ['ok', 'warning', 'cooldown', 'burned'] }) verdict!: string;
  @ApiProperty({ description: 'fewer calls than the minimum for a cooldown or burn verdict' })
  insufficientData!: boolean;
  @ApiProperty({ type: HealthComponentsView }) components!: HealthComponentsView;
  @ApiProperty({ description: 'calls in the scoring window (last 50 since scoreSince)' })
  callsInWindow!: number;
  @ApiProperty({ nullable: true, type: String }) lastCallAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cooldownUntil!: string | null;
  @ApiProperty({ nullable: true, type: String }) scoreSince!: string | null;
}

export class DidHealthList {
  @ApiProperty({ type: [DidHealthView] }) items!: DidHealthView[];
}

export class DidHealthReport {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byState!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byVerdict!: Record<
    string,
    number
  >;
  @ApiProperty({ description: 'mean score of active DIDs' }) averageScore!: number;
  @ApiProperty({ type: [DidHealthView], description: 'in rotation or cooling, with score < 0.8 or cooling' })
  atRisk!: DidHealthView[];
  @ApiProperty() generatedAt!: string;
}
