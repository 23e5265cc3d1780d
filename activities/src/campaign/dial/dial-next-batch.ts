import type { DialBatchInput, DialBatchResult } from '@engine/contracts';
import { nextDueAt, requeueProspects } from '@engine/db';
import type { CampaignActivityDeps } from '../campaign-deps';
import { activityNow } from '../campaign-deps';
import { claimForDialing } from './claim-for-dialing';
import { DialBatch } from './dial-batch';
import { originateCalls, recordAttempts } from './originate-calls';
import { prepareCalls } from './prepare-calls';
import { settleCalls } from './settle-calls';

/**
 * One paced tick of a voice campaign, idempotent across retries:
 *
 * 1. claim the next due prospects, no more than free channels and caller IDs allow (or, on a
 *    retry, find the ones this batch token claimed); suppressed numbers are cancelled in the same
 *    statement (`campaign.prospect.dnc`);
 * 2. prepare each call: calling window, channel lease, caller ID;
 * 3. record each attempt (`originating`) before the carrier is called;
 * 4. originate (an attempt found `originating` on a retry is looked up, never dialed blind twice);
 * 5. settle what the carrier said, put back what must wait, publish the events.
 */
export function createDialNextBatch(deps: CampaignActivityDeps) {
  return async function dialNextBatch(input: DialBatchInput): Promise<DialBatchResult> {
    const batch = new DialBatch(input.settings, activityNow(deps));
    const claimed = await claimForDialing(deps, batch, input);
    batch.result.counts.claimed = claimed.length;
    const ready = await prepareCalls(deps, batch, claimed);
    await recordAttempts(deps, batch, ready);
    const results = await originateCalls(deps, batch, ready);
    await settleCalls(deps, batch, results);

    await requeueProspects(deps.db, batch.requeues);
    await deps.events.publishMany(batch.events);
    const due = await nextDueAt(deps.db, input.settings.campaignId);
    batch.result.hasQueued = due !== undefined;
    batch.result.nextDueAt = due ? due.toISOString() : null;
    return batch.result;
  };
}
