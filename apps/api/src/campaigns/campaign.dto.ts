import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CampaignChannels, CampaignStatuses } from '@engine/db';
import type { CampaignChannel, CampaignStatus } from '@engine/db';
import { CursorPageQuery } from '../common/pagination';
import { IsPhone, IsTimeZone } from '../common/validators';

/** `mode` as the public API spells it (snake_case, DESIGN.md section 9). */
export class CampaignModeInput {
  @ApiPropertyOptional({
    description: 'dials per second (fractions allowed)',
    minimum: 0.01,
    maximum: 100,
    default: 1,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100)
  calls_per_second?: number;

  @ApiPropertyOptional({
    description: 'attempts per prospect, counting the first',
    minimum: 1,
    maximum: 10,
    default: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  max_attempts?: number;

  @ApiPropertyOptional({
    description: 'delay before a no_answer is retried',
    minimum: 0,
    maximum: 604800,
    default: 3600,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(604_800)
  retry_delay_seconds?: number;

  @ApiPropertyOptional({ enum: ['ai', 'plain'], default: 'plain' })
  @IsOptional()
  @IsIn(['ai', 'plain'])
  agent?: 'ai' | 'plain';

  @ApiPropertyOptional({ description: 'audio dropped on voicemail' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  voicemail_drop_url?: string;

  @ApiPropertyOptional({
    description:
      'plain agent: bridge an answered call to this number (E.164) or SIP URI instead of speaking the message',
    example: '+14155550123',
  })
  @IsOptional()
  @Matches(/^(\+[1-9]\d{7,14}|sips?:[^\s@]+@[^\s]+)$/, {
    message: 'transfer_to must be an E.164 number such as +14155550123 or a sip: URI',
  })
  @MaxLength(300)
  transfer_to?: string;

  @ApiPropertyOptional({
    description: 'resume by itself after a no_dids auto-pause once a DID is usable',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  auto_resume?: boolean;

  @ApiPropertyOptional({
    description: 'how long a call may go without a status callback',
    minimum: 5,
    maximum: 86400,
    default: 600,
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(86_400)
  callback_timeout_seconds?: number;

  @ApiPropertyOptional({
    description: 'minimum DID health score for selection',
    minimum: 0,
    maximum: 1,
    default: 0.7,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  min_did_score?: number;

  @ApiPropertyOptional({
    description:
      'SMS: variable names the prospects carry (besides first_name, last_name, full_name, company, phone)',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  template_variables?: string[];

  @ApiPropertyOptional({
    description: 'SMS: value used when a prospect has none for a variable',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsObject()
  template_fallbacks?: Record<string, string>;

  @ApiPropertyOptional({
    description: 'SMS: replace smart quotes, long dashes, ellipses so the text stays GSM-7',
    default: true,
  })
  @IsOptional()
  @IsBoolean()
  transliterate?: boolean;

  @ApiPropertyOptional({
    description: 'SMS: refuse messages longer than this many segments',
    minimum: 1,
    maximum: 10,
    default: 6,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  max_segments?: number;

  @ApiPropertyOptional({
    description: 'SMS: minutes between two messages from one DID',
    minimum: 0,
    default: 15,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1440)
  sms_gap_minutes?: number;

  @ApiPropertyOptional({
    description: 'SMS: seconds after which a message with no final receipt ends failed',
    default: 3600,
  })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(7 * 86_400)
  receipt_timeout_seconds?: number;
}

export class CampaignScheduleInput {
  @ApiPropertyOptional({
    description: 'fallback IANA zone for prospects without one',
    example: 'America/Chicago',
  })
  @IsOptional()
  @IsString()
  @IsTimeZone()
  timezone?: string;
}

export class CreateCampaignDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: CampaignChannels })
  @IsIn(CampaignChannels)
  channel!: CampaignChannel;

  @ApiPropertyOptional({ type: CampaignModeInput })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignModeInput)
  mode?: CampaignModeInput;

  @ApiPropertyOptional({ type: CampaignScheduleInput })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignScheduleInput)
  schedule?: CampaignScheduleInput;

  @ApiPropertyOptional({
    type: [String],
    description: 'caller IDs the campaign may use (normalised to E.164)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsPhone({ each: true })
  callerIds?: string[];

  @ApiPropertyOptional({
    description: 'the text of an SMS campaign (required when channel is sms)',
    maxLength: 1600,
  })
  @ValidateIf((o: CreateCampaignDto) => o.channel === 'sms' || o.message !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1600)
  message?: string;
}

/** Changes to a campaign that has not started; `mode` keys given replace the stored ones. */
export class UpdateCampaignDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: CampaignModeInput })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignModeInput)
  mode?: CampaignModeInput;

  @ApiPropertyOptional({ type: CampaignScheduleInput })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignScheduleInput)
  schedule?: CampaignScheduleInput;

  @ApiPropertyOptional({ type: [String], nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsPhone({ each: true })
  callerIds?: string[] | null;

  @ApiPropertyOptional({ maxLength: 1600 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1600)
  message?: string;
}

export class PauseCampaignDto {
  @ApiPropertyOptional({ maxLength: 500, example: 'compliance review' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CancelCampaignDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListCampaignsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: CampaignStatuses })
  @IsOptional()
  @IsIn(CampaignStatuses)
  status?: CampaignStatus;

  @ApiPropertyOptional({ enum: CampaignChannels })
  @IsOptional()
  @IsIn(CampaignChannels)
  channel?: CampaignChannel;
}

export class CampaignModeView {
  @ApiProperty() callsPerSecond!: number;
  @ApiProperty() maxAttempts!: number;
  @ApiProperty() retryDelaySeconds!: number;
  @ApiProperty({ enum: ['ai', 'plain'] }) agent!: 'ai' | 'plain';
  @ApiProperty({ nullable: true, type: String }) voicemailDropUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) transferTo!: string | null;
  @ApiProperty() autoResume!: boolean;
  @ApiProperty() callbackTimeoutSeconds!: number;
}

export class CampaignScheduleView {
  @ApiProperty({ example: 'America/Los_Angeles' }) timezone!: string;
}

export class CampaignView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CampaignChannels }) channel!: CampaignChannel;
  @ApiProperty({ enum: CampaignStatuses }) status!: CampaignStatus;
  @ApiProperty({ nullable: true, type: String }) pauseReason!: string | null;
  @ApiProperty({ type: CampaignModeView }) mode!: CampaignModeView;
  @ApiProperty({ type: CampaignScheduleView }) schedule!: CampaignScheduleView;
  @ApiProperty({ type: [String], nullable: true }) callerIds!: string[] | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Temporal workflow id once started' })
  workflowId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
}

export class CampaignPage {
  @ApiProperty({ type: [CampaignView] }) items!: CampaignView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CampaignTransitionView extends CampaignView {
  @ApiProperty({
    description: 'false when the workflow had not applied the change within the wait (it will)',
  })
  applied!: boolean;
}

export class CampaignStatsView {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ enum: CampaignStatuses }) status!: CampaignStatus;
  @ApiProperty() totalProspects!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'prospects by status',
  })
  byStatus!: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'finished attempts by outcome',
  })
  byOutcome!: Record<string, number>;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'answered / attempts with an outcome (SMS: delivered / finished)' })
  answerRate!: number;
  @ApiProperty({ description: 'mean talk time of answered calls' }) averageDurationSeconds!: number;
  @ApiProperty({ description: "the workflow's current dial pace; 0 unless dialing" })
  currentDialRate!: number;
  @ApiProperty() callsPerSecond!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'queued / callsPerSecond; null when nothing is queued',
  })
  estimatedSecondsToFinish!: number | null;
  @ApiProperty({ nullable: true, type: Object, description: 'the workflow state query, when it answered' })
  workflow!: { inFlight: number; dialed: number; historyLength: number; run: number } | null;
  @ApiProperty({
    format: 'date-time',
    description: 'when these figures were computed (they are shared for up to STATS_CACHE_MS)',
  })
  asOf!: string;
}
