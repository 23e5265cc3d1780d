import { ApiProperty } from '@nestjs/swagger';
import { settingsFromCampaign } from '@engine/activities';
import { CampaignChannels, CampaignStatuses } from '@engine/db';
import type { Campaign, CampaignChannel, CampaignStatus } from '@engine/db';
import type { WeekdayName } from '@engine/domain';
import { WeekdayNames } from '@engine/domain';

/** Responses of /api/campaigns, and the mapping from a campaign row to what the API shows. */

export class CampaignModeView {
  @ApiProperty() callsPerSecond!: number;
  @ApiProperty({ type: 'integer' }) maxAttempts!: number;
  @ApiProperty() retryDelaySeconds!: number;
  @ApiProperty({ enum: ['ai', 'plain'] }) agent!: 'ai' | 'plain';
  @ApiProperty({ nullable: true, type: String }) voicemailDropUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) transferTo!: string | null;
  @ApiProperty() autoResume!: boolean;
  @ApiProperty() callbackTimeoutSeconds!: number;
  @ApiProperty() minDidScore!: number;
  @ApiProperty({ type: [String], description: 'SMS: declared template variables' })
  templateVariables!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'SMS' })
  templateFallbacks!: Record<string, string>;
  @ApiProperty({ description: 'SMS' }) transliterate!: boolean;
  @ApiProperty({ type: 'integer', description: 'SMS' }) maxSegments!: number;
  @ApiProperty({ description: 'SMS' }) smsGapMinutes!: number;
  @ApiProperty({ description: 'SMS' }) receiptTimeoutSeconds!: number;
}

export class CallingHoursView {
  @ApiProperty({ example: '09:00' }) start!: string;
  @ApiProperty({ example: '17:00' }) end!: string;
  @ApiProperty({
    type: [String],
    enum: WeekdayNames,
    nullable: true,
    description: 'null: every day the law allows',
  })
  days!: WeekdayName[] | null;
}

export class CampaignScheduleView {
  @ApiProperty({ example: 'America/Los_Angeles' }) timezone!: string;
  @ApiProperty({
    type: CallingHoursView,
    nullable: true,
    description: "the campaign's own hours; null: the legal window alone",
  })
  calling_hours!: CallingHoursView | null;
}

export class CampaignView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CampaignChannels }) channel!: CampaignChannel;
  @ApiProperty({ enum: CampaignStatuses }) status!: CampaignStatus;
  @ApiProperty({ nullable: true, type: String }) pauseReason!: string | null;
  @ApiProperty({ type: CampaignModeView, description: 'the settings in effect, defaults filled in' })
  mode!: CampaignModeView;
  @ApiProperty({ type: CampaignScheduleView }) schedule!: CampaignScheduleView;
  @ApiProperty({ type: [String], nullable: true, description: 'null: any of your DIDs' })
  callerIds!: string[] | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Temporal workflow id once started' })
  workflowId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt!: string | null;
}

export class CampaignPage {
  @ApiProperty({ type: [CampaignView], description: 'newest first' }) items!: CampaignView[];
  @ApiProperty({ nullable: true, type: String, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}

export class CampaignTransitionView extends CampaignView {
  @ApiProperty({
    description:
      'false when the workflow had not applied the change within the wait (it will); answered with 202',
  })
  applied!: boolean;
}

export class CampaignWorkflowStateView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'calls or messages awaiting their outcome' })
  inFlight!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) dialed!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: "the current run's history length" })
  historyLength!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'runs so far (continue-as-new)' }) run!: number;
}

export class CampaignStatsView {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ enum: CampaignStatuses }) status!: CampaignStatus;
  @ApiProperty({ type: 'integer', minimum: 0 }) totalProspects!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    description: 'prospects by status',
  })
  byStatus!: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    description: 'finished attempts by outcome',
  })
  byOutcome!: Record<string, number>;
  @ApiProperty({ type: 'integer', minimum: 0 }) attempts!: number;
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'answered / attempts with an outcome (SMS: delivered / finished)',
  })
  answerRate!: number;
  @ApiProperty({ minimum: 0, description: 'mean talk time of answered calls' })
  averageDurationSeconds!: number;
  @ApiProperty({ minimum: 0, description: "the workflow's current dial pace; 0 unless dialing" })
  currentDialRate!: number;
  @ApiProperty({ minimum: 0 }) callsPerSecond!: number;
  @ApiProperty({
    nullable: true,
    type: 'integer',
    minimum: 0,
    description:
      'queued / callsPerSecond (SMS: the drip over the usable DIDs); null when it cannot be estimated',
  })
  estimatedSecondsToFinish!: number | null;
  @ApiProperty({
    nullable: true,
    type: CampaignWorkflowStateView,
    description: 'the workflow state query, when it answered',
  })
  workflow!: CampaignWorkflowStateView | null;
  @ApiProperty({
    format: 'date-time',
    description: 'when these figures were computed (they are shared for up to STATS_CACHE_MS)',
  })
  asOf!: string;
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * A campaign row as the API shows it: camelCase, `mode` as the engine reads it (the worker's own
 * `settingsFromCampaign`, defaults filled in), so the answer never differs from what runs.
 */
export function toCampaignView(c: Campaign): CampaignView {
  const settings = settingsFromCampaign(c);
  const mode = c.mode ?? {};
  return {
    id: c.id,
    name: c.name,
    channel: c.channel,
    status: c.status,
    pauseReason: c.pause_reason,
    mode: {
      callsPerSecond: settings.callsPerSecond,
      maxAttempts: settings.maxAttempts,
      retryDelaySeconds: settings.retryDelaySeconds,
      agent: settings.agent,
      voicemailDropUrl: settings.voicemailDropUrl,
      transferTo: typeof mode.transfer_to === 'string' ? mode.transfer_to : null,
      autoResume: settings.autoResume,
      callbackTimeoutSeconds: settings.callbackTimeoutSeconds,
      minDidScore: settings.minDidScore,
      templateVariables: stringList(mode['template_variables']),
      templateFallbacks: settings.templateFallbacks,
      transliterate: settings.transliterate,
      maxSegments: settings.maxSegments,
      smsGapMinutes: settings.smsGapMinutes,
      receiptTimeoutSeconds: settings.receiptTimeoutSeconds,
    },
    schedule: {
      timezone: settings.timezone,
      calling_hours: settings.callingHours
        ? {
            ...settings.callingHours,
            days: settings.callingHours.days ? [...settings.callingHours.days] : null,
          }
        : null,
    },
    callerIds: c.caller_ids,
    message: c.message,
    workflowId: c.workflow_id,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    startedAt: c.started_at?.toISOString() ?? null,
    finishedAt: c.finished_at?.toISOString() ?? null,
  };
}
