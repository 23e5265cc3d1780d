import type { CampaignModeJson } from '@engine/db';
import type { CallPlan } from '@engine/providers';
import { buildCallPlan } from '@engine/providers';

/** What a call plan is built from: the attempt, its campaign's mode and message, its prospect's `call_config`. */
export interface AttemptPlanRow {
  id: string;
  campaign_id: string;
  mode: CampaignModeJson;
  message: string | null;
  /** The prospect's own call plan (a queued call); null for campaign prospects. */
  call_config: Record<string, unknown> | null;
}

/**
 * The plan of an attempt's answered call, as `findAttemptForCallPlan` reads it, built by the one
 * plan builder the worker uses too (`buildCallPlan`): the answer documents and the live-call
 * commands carry out the plan the call was dialed with.
 */
export function callPlanFor(row: AttemptPlanRow, agentStreamUrl: string | undefined): CallPlan {
  return buildCallPlan({
    attemptId: row.id,
    campaignId: row.campaign_id,
    campaign: { mode: row.mode, message: row.message },
    callConfig: row.call_config,
    agentStreamUrl,
  });
}
