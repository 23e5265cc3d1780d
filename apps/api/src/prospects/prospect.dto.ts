import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ProspectStatuses } from '@engine/db';
import type { ProspectStatus } from '@engine/db';
import { CursorPageQuery } from '../common/pagination';

export class ProspectInput {
  @ApiProperty({ example: '+14155550123', description: 'any common format; stored as E.164' }) phone!: string;
  @ApiPropertyOptional({ example: 'America/Chicago' }) timezone?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) variables?: Record<
    string,
    string
  >;
}

export class ProspectsUploadBody {
  @ApiProperty({ type: [ProspectInput] }) prospects!: ProspectInput[];
}

export class RejectedRow {
  @ApiProperty({
    description: '1-based position of the record in the upload (CSV: data rows, header not counted)',
  })
  row!: number;
  @ApiProperty() reason!: string;
}

export class ImportResultView {
  @ApiProperty({ description: 'rows stored' }) accepted!: number;
  @ApiProperty({ type: [RejectedRow], description: 'the first 1,000 rejected rows' })
  rejected!: RejectedRow[];
  @ApiProperty({ description: 'all rejected rows, including those past the list cap' })
  rejectedCount!: number;
  @ApiProperty({ description: 'valid rows dropped because the number is already there' }) duplicates!: number;
  @ApiProperty() durationMs!: number;
}

export class ListProspectsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: ProspectStatuses })
  @IsOptional()
  @IsIn(ProspectStatuses)
  status?: ProspectStatus;
}

export class ProspectView {
  @ApiProperty() id!: number;
  @ApiProperty() phone!: string;
  @ApiProperty({ nullable: true, type: String }) areaCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) timezone!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) variables!: Record<
    string,
    string
  >;
  @ApiProperty({ enum: ProspectStatuses }) status!: ProspectStatus;
  @ApiProperty() attemptCount!: number;
  @ApiProperty() nextAttemptAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastOutcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) statusReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ProspectPage {
  @ApiProperty({ type: [ProspectView] }) items!: ProspectView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
