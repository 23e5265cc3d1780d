import type { Campaign } from '@engine/db';
import { CampaignDefaults } from '@engine/contracts';
import type { CampaignView } from './campaign.dto';

const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** A campaign row as the API shows it: camelCase, with the defaults `mode` leaves out filled in. */
export function toCampaignView(c: Campaign): CampaignView {
  const mode = c.mode ?? {};
  return {
    id: c.id,
    name: c.name,
    channel: c.channel,
    status: c.status,
    pauseReason: c.pause_reason,
    mode: {
      callsPerSecond: num(mode.calls_per_second, CampaignDefaults.callsPerSecond),
      maxAttempts: num(mode.max_attempts, CampaignDefaults.maxAttempts),
      retryDelaySeconds: num(mode.retry_delay_seconds, CampaignDefaults.retryDelaySeconds),
      agent: mode.agent === 'ai' ? 'ai' : 'plain',
      voicemailDropUrl: typeof mode.voicemail_drop_url === 'string' ? mode.voicemail_drop_url : null,
      transferTo: typeof mode.transfer_to === 'string' ? mode.transfer_to : null,
      autoResume: mode.auto_resume === true,
      callbackTimeoutSeconds: num(mode['callback_timeout_seconds'], CampaignDefaults.callbackTimeoutSeconds),
    },
    schedule: {
      timezone: typeof c.schedule?.timezone === 'string' ? c.schedule.timezone : CampaignDefaults.timezone,
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
