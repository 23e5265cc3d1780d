import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { RecipientRegionSources, RecipientZoneSources } from '@engine/domain';
import { pageQuery } from '../common/contract/fields';
import type { ComplianceFlag } from './compliance-report.evaluate';
import { ComplianceFlags } from './compliance-report.evaluate';

/** `GET /api/campaigns/:id/compliance` query. */
export class ComplianceReportQuery extends createZodDto(
  z
    .object({
      ...pageQuery,
      flagged: z
        .enum(['true', 'false'])
        .optional()
        .meta({
          description:
            'true: only the attempts with a flag. A page may then hold fewer than `limit` items (the scan of ' +
            'one request is bounded): only a null nextCursor means the end',
        }),
      format: z
        .enum(['json', 'csv'])
        .optional()
        .meta({
          description:
            'csv: the whole campaign as one CSV (header row, one record per attempt; `limit` and `cursor` ' +
            'are ignored), as with `Accept: text/csv`. Default: JSON, a page',
        }),
    })
    .strict(),
) {}

/** Responses of /api/campaigns/:id/compliance. */

export class AllowedHoursView {
  @ApiProperty({ example: '08:00', description: 'local time, inclusive' }) start!: string;
  @ApiProperty({ example: '21:00', description: 'local time, exclusive (24:00 allowed)' }) end!: string;
}

export class RecipientLocalTimeView {
  @ApiProperty({ example: 'America/New_York' }) zone!: string;
  @ApiProperty({ example: '2026-12-01T10:15:00-05:00', description: 'ISO 8601 with the offset' })
  localTime!: string;
  @ApiProperty({
    type: AllowedHoursView,
    nullable: true,
    description: "that local day's allowed hours; null: none (a Sunday or holiday ban)",
  })
  allowedHours!: AllowedHoursView | null;
}

export class ComplianceItemView {
  @ApiProperty({ format: 'uuid', description: 'the call attempt or SMS message id' }) attemptId!: string;
  @ApiProperty({ enum: ['voice', 'sms'] }) channel!: 'voice' | 'sms';
  @ApiProperty({ description: 'the number contacted, E.164' }) phone!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'when the carrier was asked (a call originated, a text sent)',
  })
  attemptedAt!: string;
  @ApiProperty({ type: [RecipientLocalTimeView], description: "each of the recipient's zones" })
  recipientLocalTimes!: RecipientLocalTimeView[];
  @ApiProperty({ enum: RecipientZoneSources, description: 'where the zones came from' }) zoneSource!: string;
  @ApiProperty({ type: [String], description: 'ISO 3166-2 regions whose rules bind the recipient' })
  regions!: string[];
  @ApiProperty({ enum: RecipientRegionSources, isArray: true, description: 'where the regions came from' })
  regionSources!: string[];
  @ApiProperty({
    type: [String],
    description:
      'the rules that set the allowed hours: federal.<channel>, state:<rule>, holiday:<rule>, campaign',
  })
  rules!: string[];
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      'attemptedAt when the attempt was allowed; else the first instant after it that was (null: none within 14 days)',
  })
  allowedFrom!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'the opt-out or suppression in force at the attempt, when one was',
  })
  optedOutAt!: string | null;
  @ApiProperty({
    enum: ComplianceFlags,
    isArray: true,
    description:
      'outside_window: outside the allowed hours; after_opt_out: the recipient had opted out. Empty: compliant',
  })
  flags!: ComplianceFlag[];
}

export class ComplianceReportPage {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ type: [ComplianceItemView], description: 'in the order the attempts were made' })
  items!: ComplianceItemView[];
  @ApiProperty({ nullable: true, type: String, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}

export class ComplianceFlagCounts {
  @ApiProperty({ type: 'integer', minimum: 0 }) outside_window!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) after_opt_out!: number;
}

export class ComplianceSummaryView {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'calls originated and texts sent' })
  attempts!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'attempts with at least one flag' })
  flagged!: number;
  @ApiProperty({ type: ComplianceFlagCounts, description: 'attempts with each flag' })
  byFlag!: ComplianceFlagCounts;
}
