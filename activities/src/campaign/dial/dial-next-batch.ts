import type { DialBatchInput, DialBatchResult } from '@engine/contracts';
import { nextDueAt, releaseContacts, requeueProspects } from '@engine/db';
import type { CampaignActivityDeps } from '../campaign-deps';
import { activityNow } from '../campaign-deps';
import { openCallRecords } from '../../call-queue/open-call-records';
import { claimForDialing } from './claim-for-dialing';
import { DialBatch } from './dial-batch';
import { originateCalls, recordAttempts } from './originate-calls';
import { prepareCalls } from './prepare-calls';
import { settleCalls } from './settle-calls';

/**
 * One paced tick of a voice campaign, idempotent across retries (an `ai` campaign whose agent
 * fails its health check dials nothing and pauses, `agent_unavailable`):
 *
 * 1. claim the next due prospects, no more than free channels and caller IDs allow (or, on a
 *    retry, find the ones this batch token claimed); suppressed numbers are cancelled in the same
 *    statement (`campaign.prospect.dnc`);
 * 2. prepare each call: calling window, channel lease, caller ID, a slot of its carrier account's
 *    calls-per-second limit;
 * 3. record each attempt (`originating`) before the carrier is called;
 * 4. check suppression and the window again, reserve each number's place in its contact caps
 *    (at the cap: back to the queue until the cap allows, `campaign.prospect.capped`), and
 *    originate (an attempt found `originating` on a retry is looked up, never dialed blind twice);
 * 5. settle what the carrier said, put back what must wait, publish the events; a queued call
 *    dialed for the first time gets its own workflow (`call-<id>`, its record in the Web UI).
 */
export function createDialNextBatch(deps: CampaignActivityDeps) {
  return async function dialNextBatch(input: DialBatchInput): Promise<DialBatchResult> {
    const batch = new DialBatch(input.settings, activityNow(deps));
    if (input.settings.agent === 'ai' && deps.agentAvailability) {
      // A call bridged to a dead agent is a person greeted by silence: dial nothing, pause.
      const agent = await deps.agentAvailability.check();
      if (!agent.up) {
        batch.result.carrierPause = { reason: 'agent_unavailable', message: agent.detail };
        return finishBatch(deps, batch, input);
      }
    }
    const claimed = await claimForDialing(deps, batch, input);
    batch.result.counts.claimed = claimed.length;
    const ready = await prepareCalls(deps, batch, claimed);
    await recordAttempts(deps, batch, ready);
    const results = await originateCalls(deps, batch, ready);
    await settleCalls(deps, batch, results);
    await openCallRecords(
      deps,
      input.settings,
      results.dialed.filter((d) => d.call.attemptNumber === 1).map((d) => d.call.prospect.id),
    );

    return finishBatch(deps, batch, input);
  };
}

/**
 * Releases the contacts of attempts the carrier never got, writes the requeues, publishes the
 * events and tells the workflow what is due next.
 */
async function finishBatch(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  input: DialBatchInput,
): Promise<DialBatchResult> {
  await releaseContacts(deps.db, batch.releasedContacts);
  await requeueProspects(deps.db, batch.requeues);
  await deps.events.publishMany(batch.events);
  const due = await nextDueAt(deps.db, input.settings.campaignId);
  batch.result.hasQueued = due !== undefined;
  batch.result.nextDueAt = due ? due.toISOString() : null;
  return batch.result;
}
