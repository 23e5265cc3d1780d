import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { SuppressionSources } from '@engine/db';
import { CursorPageQuery } from '../common/pagination';
import { IsPhone } from '../common/validators';

export const MAX_BULK_SUPPRESSIONS = 100_000;

/** Either one number (`phone`) or many (`phones`), with an optional reason. */
export class CreateSuppressionDto {
  @ApiPropertyOptional({ example: '+14155550123', description: 'one number (or use phones)' })
  @ValidateIf((o: CreateSuppressionDto) => o.phones === undefined)
  @IsDefined({ message: 'phone or phones is required' })
  @IsString()
  @MaxLength(40)
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ type: [String], description: 'many numbers; invalid ones are reported per row' })
  @ValidateIf((o: CreateSuppressionDto) => o.phone === undefined || o.phones !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_SUPPRESSIONS)
  phones?: unknown[];

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class SuppressionView {
  @ApiProperty() phone!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ enum: SuppressionSources }) source!: string;
  @ApiProperty() createdAt!: string;
}

export class SuppressionCreated extends SuppressionView {
  @ApiProperty({ description: 'false when the number was already suppressed (its original entry is kept)' })
  created!: boolean;
}

export class SuppressionCheck {
  @ApiProperty() phone!: string;
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({ nullable: true, type: SuppressionView }) entry!: SuppressionView | null;
}

export class BulkSuppressionResult {
  @ApiProperty({ description: 'numbers newly suppressed' }) added!: number;
  @ApiProperty({ description: 'valid numbers that were already suppressed (or repeated)' })
  duplicates!: number;
  @ApiProperty({ description: 'first 1,000 rejected rows (1-based)' }) rejected!: Array<{
    row: number;
    reason: string;
  }>;
  @ApiProperty() rejectedCount!: number;
}

export class ListSuppressionsQuery extends CursorPageQuery {}

export class SuppressionPage {
  @ApiProperty({ type: [SuppressionView] }) items!: SuppressionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
