import type { CampaignSettings } from '@engine/contracts';
import type { QueuedCallOfProspect } from '@engine/db';
import { queuedCallsOfProspects } from '@engine/db';
import type { CampaignActivityDeps } from '../campaign/campaign-deps';
import type { CallRecordRef } from './call-records';

/** How a queued call of this queue is named to its own workflow. */
export function callRecordRef(
  settings: CampaignSettings,
  call: Pick<QueuedCallOfProspect, 'callId' | 'customCallId'>,
): CallRecordRef {
  return {
    callId: call.callId,
    customCallId: call.customCallId,
    customerId: settings.customerId,
    queueId: settings.campaignId,
  };
}

/** The call records (`call-<id>` workflows) of these prospects of a call queue. */
export async function callRecordsOf(
  deps: Pick<CampaignActivityDeps, 'db'>,
  settings: CampaignSettings,
  prospectIds: readonly number[],
): Promise<CallRecordRef[]> {
  if (settings.kind !== 'call_queue' || prospectIds.length === 0) return [];
  const calls = await queuedCallsOfProspects(deps.db, prospectIds);
  return [...calls.values()].map((c) => callRecordRef(settings, c));
}

/** A call queue's first attempts reached the carrier: each call gets its own workflow. */
export async function openCallRecords(
  deps: Pick<CampaignActivityDeps, 'db' | 'callRecords'>,
  settings: CampaignSettings,
  firstAttemptProspectIds: readonly number[],
): Promise<void> {
  if (!deps.callRecords) return;
  await deps.callRecords.opened(await callRecordsOf(deps, settings, firstAttemptProspectIds));
}
