import type { CallAttempt, ClaimedProspect, Did, ProspectStatus } from '@engine/db';
import { findAttemptsById, NOT_ORIGINATED, selectDidForCall, settleProspectOutcomes } from '@engine/db';
import type { ContactWindow } from '@engine/domain';
import { areaCodeOf } from '@engine/domain';
import { attemptIdFor } from '../attempt-id';
import type { CampaignActivityDeps } from '../campaign-deps';
import { dncEvent } from '../dnc-event';
import { cancelReassigned } from '../reassigned-check';
import { recipientWindow, reopensAt } from '../recipient-window';
import { channelPoolOf, retryAtFor } from '../retry-policy';
import { carrierOf } from './carrier-slots';
import type { DialBatch, ReadyCall } from './dial-batch';

/**
 * Turns the claimed prospects into calls ready to dial: suppressed numbers are reported
 * (`campaign.prospect.dnc`, already cancelled by the claim); an attempt a retried tick already
 * dialed is reported again, one already settled is counted; outside the calling window the
 * prospect waits for the opening (spread); then a channel lease keyed by the attempt id (pool
 * full: back in a few seconds, not a failure), a caller ID (none: back to the queue, and the
 * campaign pauses) and its carrier account (the account's calls-per-second slot is taken right
 * before the call leaves, see `originateCalls`).
 */
export async function prepareCalls(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  claimed: readonly ClaimedProspect[],
): Promise<ReadyCall[]> {
  const suppressed = claimed.filter((p) => p.suppressed);
  batch.result.counts.dnc += suppressed.length;
  for (const p of suppressed) batch.event(dncEvent(batch.settings, p));

  const live = claimed.filter((p) => !p.suppressed && p.status === 'dialing');
  const existing = await findAttemptsById(
    deps.db,
    live.map((p) => attemptIdFor(p.id, p.attempt_count)),
  );
  const windows = new Map(live.map((p) => [p.id, recipientWindow(p, batch.settings, 'voice')]));
  // Only those inside their window now are asked: the real database charges per query, and a
  // prospect waiting for its window would otherwise be asked at every claim.
  const firstTries = live.filter(
    (p) => !existing.has(attemptIdFor(p.id, p.attempt_count)) && windows.get(p.id)?.isAllowed(batch.now),
  );
  const reassigned = await cancelReassigned(deps, batch.settings, firstTries, 'dialing', batch.now);
  const ready: ReadyCall[] = [];
  for (const prospect of live) {
    if (reassigned.has(prospect.id)) continue;
    const call = await prepareCall(
      deps,
      batch,
      prospect,
      existing.get(attemptIdFor(prospect.id, prospect.attempt_count)),
      windows.get(prospect.id) ?? recipientWindow(prospect, batch.settings, 'voice'),
    );
    if (call) ready.push(call);
  }
  return ready;
}

async function prepareCall(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  prospect: ClaimedProspect,
  existing: CallAttempt | undefined,
  window: ContactWindow,
): Promise<ReadyCall | undefined> {
  const { result, settings, now } = batch;
  const attemptNumber = prospect.attempt_count;
  const attemptId = attemptIdFor(prospect.id, attemptNumber);
  if (existing?.status === 'in_progress') {
    // Dialed by an earlier try of this batch: report it, do not dial again. That try may have
    // died before publishing its events: `campaign.call.initiated` again (deduped on its key).
    result.dialed.push({ attemptId, prospectId: prospect.id, didId: existing.did_id });
    if (existing.did_id && existing.from_number) {
      const did = { id: existing.did_id, number: existing.from_number };
      batch.event(batch.callInitiated({ prospect, attemptId, attemptNumber, did }));
    }
    return undefined;
  }
  if (
    existing &&
    (existing.status === 'completed' || (existing.status === 'failed' && existing.error !== NOT_ORIGINATED))
  ) {
    // Its outcome came in while the prospect waited (an originate answer lost, the call found
    // later by its webhook): the prospect takes that outcome now, it is not dialed again.
    await settleFromAttempt(deps, batch, prospect, existing);
    result.settled += 1;
    return undefined;
  }

  // Every call is checked again right before the carrier (see originateCalls).
  if (!existing && !window.isAllowed(now)) {
    batch.requeue(prospect, reopensAt(window, now, prospect), 'outside_window');
    result.counts.outsideWindow += 1;
    return undefined;
  }

  const lease = await deps.semaphore.acquire(
    channelPoolOf(settings),
    attemptId,
    leaseTtlMs(settings.callbackTimeoutSeconds),
  );
  if (!lease.acquired) {
    // Another campaign took the channel since this tick counted the free ones: real contention.
    batch.requeue(prospect, new Date(now.getTime() + lease.retryAfterMs), 'pool_full');
    result.counts.poolFull += 1;
    return undefined;
  }

  const did = await callerIdFor(deps, batch, prospect, existing);
  if (!did) {
    result.noDids = true;
    await deps.semaphore.release(channelPoolOf(settings), attemptId);
    batch.requeue(prospect, now, 'no_dids');
    result.counts.noDid += 1;
    return undefined;
  }
  const carrier = await carrierOf(deps, did.carrier_account_id);
  if (!carrier) {
    // The DID's carrier account was deleted since: another DID next time.
    await deps.semaphore.release(channelPoolOf(settings), attemptId);
    batch.requeue(prospect, now, 'carrier_account_gone');
    return undefined;
  }
  return { prospect, attemptId, attemptNumber, did, carrier, existing, window };
}

/** Gives the prospect the outcome its (already settled) attempt ended with. */
async function settleFromAttempt(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  prospect: ClaimedProspect,
  attempt: CallAttempt,
): Promise<void> {
  const outcome = (attempt.outcome ?? 'failed') as ProspectStatus;
  const retryAt = retryAtFor(
    batch.settings,
    {
      attemptId: attempt.id,
      attemptNumber: attempt.attempt_number,
      outcome,
      prospectMaxAttempts: prospect.max_attempts,
    },
    batch.now,
  );
  await settleProspectOutcomes(
    deps.db,
    [
      {
        prospectId: prospect.id,
        attemptNumber: attempt.attempt_number,
        status: retryAt ? 'queued' : outcome,
        outcome,
        retryAt,
        resolution: attempt.error,
      },
    ],
    batch.now,
  );
}

/** The attempt's own caller ID if it has one (a retry keeps it), else the best one now. */
async function callerIdFor(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  prospect: ClaimedProspect,
  existing: CallAttempt | undefined,
): Promise<Pick<Did, 'id' | 'number' | 'carrier_account_id'> | undefined> {
  if (existing?.did_id && existing.from_number) {
    return {
      id: existing.did_id,
      number: existing.from_number,
      carrier_account_id: existing.carrier_account_id,
    };
  }
  // Once one selection found none, the others of this tick would too.
  if (batch.result.noDids) return undefined;
  return selectDidForCall(deps.db, {
    customerId: batch.settings.customerId,
    areaCode: areaCodeOf(prospect.phone) ?? null,
    callerIds: batch.settings.callerIds,
    minScore: batch.settings.minDidScore,
    now: batch.now,
    ...(deps.didCaps ? { caps: deps.didCaps } : {}),
  });
}

/** A lease outlives the longest call plus the callback timeout, so only a lost callback expires it. */
function leaseTtlMs(callbackTimeoutSeconds: number): number {
  return (callbackTimeoutSeconds + 300) * 1000;
}
