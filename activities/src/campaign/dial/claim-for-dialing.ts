import type { DialBatchInput } from '@engine/contracts';
import type { ClaimedProspect, DidSelectionRequest } from '@engine/db';
import { claimEligibleProspects, didCallCapacity, findClaimed, nextDueAt } from '@engine/db';
import type { CampaignActivityDeps } from '../campaign-deps';
import { channelPoolOf } from '../retry-policy';
import { carrierRoom } from './carrier-slots';
import type { DialBatch } from './dial-batch';

/**
 * The prospects of this tick. A retried tick finds the ones its batch token claimed before. A new
 * tick claims no more than the pace allows, the channel pool has free and the campaign's caller
 * IDs may still place under their caps: with the pool full it claims nothing and tells the
 * workflow to wait for a channel, instead of claiming prospects only to put them back.
 */
export async function claimForDialing(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  input: DialBatchInput,
): Promise<ClaimedProspect[]> {
  const { settings } = input;
  const retried = await findClaimed(deps.db, settings.campaignId, input.batchToken);
  if (retried.length > 0) return retried;
  const room = await roomToDial(deps, batch, input.limit);
  if (room === 0) return [];
  return claimEligibleProspects(deps.db, {
    campaignId: settings.campaignId,
    customerId: settings.customerId,
    limit: room,
    now: batch.now,
    claimAs: 'dialing',
    claimToken: input.batchToken,
  });
}

/**
 * How many prospects this tick may claim: pace, free channels, caller-ID capacity and the free
 * calls-per-second slots of the DIDs' carrier accounts, whichever is least.
 */
async function roomToDial(deps: CampaignActivityDeps, batch: DialBatch, paced: number): Promise<number> {
  if (paced <= 0) return 0;
  const { semaphore, db } = deps;
  const channels = await semaphore.usage(channelPoolOf(batch.settings));
  const free = channels.limit - channels.inUse;
  if (free <= 0) {
    batch.result.channelWait = { retryAfterMs: semaphore.fullRetryAfterMs };
    return 0;
  }
  const wanted = Math.min(paced, free);
  const { settings, now } = batch;
  const selection: DidSelectionRequest = {
    customerId: settings.customerId,
    areaCode: null,
    callerIds: settings.callerIds,
    minScore: settings.minDidScore,
    now,
    ...(deps.didCaps ? { caps: deps.didCaps } : {}),
  };
  const capacity = await didCallCapacity(db, selection, wanted);
  if (capacity === 0) {
    // No caller ID can place a call: the campaign pauses, but only if someone is waiting for one.
    const due = await nextDueAt(db, settings.campaignId);
    if (due && due.getTime() <= now.getTime()) batch.result.noDids = true;
    return 0;
  }
  return carrierRoom(deps, batch, selection, Math.min(wanted, capacity));
}
