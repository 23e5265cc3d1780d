import type { CampaignModeJson } from '@engine/db';
import type { CallPlan } from '@engine/providers';

/** What a call plan is built from: the attempt and its campaign's mode and message. */
export interface CallPlanSource {
  id: string;
  campaign_id: string;
  mode: CampaignModeJson;
  message: string | null;
}

/**
 * The plan of an answered call, from its campaign: `ai` bridges to the agent's stream;
 * `plain` transfers to `mode.transfer_to` or speaks the campaign's message; a machine gets the
 * campaign's voicemail recording when it has one. One source for the answer documents and for
 * carriers driven by commands.
 */
export function callPlanFor(source: CallPlanSource, agentStreamUrl: string | undefined): CallPlan {
  const { mode } = source;
  const agent = mode.agent === 'ai' ? 'ai' : 'plain';
  return {
    agent,
    attemptId: source.id,
    campaignId: source.campaign_id,
    ...(agent === 'ai' && agentStreamUrl ? { agentStreamUrl } : {}),
    ...(agent === 'plain' && typeof mode.transfer_to === 'string' ? { transferTo: mode.transfer_to } : {}),
    ...(agent === 'plain' && source.message ? { message: source.message } : {}),
    ...(typeof mode.voicemail_drop_url === 'string' ? { voicemailDropUrl: mode.voicemail_drop_url } : {}),
  };
}
