import { cancelProspect, markAttemptNotOriginated, markAttemptsInProgress } from '@engine/db';
import { reopensAt } from '../recipient-window';
import type { CampaignActivityDeps } from '../campaign-deps';
import { channelPoolOf } from '../retry-policy';
import { activityNow } from '../campaign-deps';
import { dncEvent } from '../dnc-event';
import type { DialBatch, ReadyCall } from './dial-batch';
import type { OriginateResults, WithheldReason } from './originate-calls';
import { cappedEvent } from '../contact-caps';
import type { ContactCapLimit } from '@engine/db';
import { settleFailedOriginate } from './settle-failures';

/**
 * Takes in what the carrier made of the calls: accepted calls go `in_progress` and are reported
 * to the workflow (`campaign.call.initiated`); withheld ones are put back or cancelled; failures
 * are settled, deferred or left to resolve (see `settleFailedOriginate`).
 */
export async function settleCalls(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  results: OriginateResults,
): Promise<void> {
  await markAttemptsInProgress(
    deps.db,
    results.dialed.map((d) => ({ attemptId: d.call.attemptId, providerCallId: d.providerCallId })),
    batch.now,
  );
  for (const { call } of results.dialed) {
    batch.result.dialed.push({ attemptId: call.attemptId, prospectId: call.prospect.id, didId: call.did.id });
    batch.event(batch.callInitiated(call));
  }
  for (const withheld of results.withheld) {
    await withholdCall(deps, batch, withheld);
    if (withheld.reason === 'dnc') batch.result.counts.dnc += 1;
    else if (withheld.reason === 'outside_window') batch.result.counts.outsideWindow += 1;
    else if (withheld.reason === 'capped') batch.result.counts.capped = (batch.result.counts.capped ?? 0) + 1;
  }
  for (const failure of results.failures) {
    await settleFailedOriginate(deps, batch, failure.call, failure.error);
  }
}

/**
 * An attempt that may not be dialed now. Suppressed or outside the window (an existing attempt),
 * or its number at its contact cap: it never reached the carrier, so it is marked reusable, its
 * channel freed and its contact released (an earlier try may have reserved it); a suppressed
 * prospect is cancelled (`campaign.prospect.dnc`), one outside its window waits for the opening,
 * one at its cap until the cap allows (`campaign.prospect.capped`), reusing the same attempt id.
 * Unresolved (a lost answer the carrier cannot rule out yet): it stays `originating` and comes
 * back once the carrier's call list is sure to show it.
 */
async function withholdCall(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  withheld: { call: ReadyCall; reason: WithheldReason; retryAt?: Date; limit?: ContactCapLimit },
): Promise<void> {
  const { call, reason, retryAt } = withheld;
  await deps.semaphore.release(channelPoolOf(batch.settings), call.attemptId);
  const now = activityNow(deps);
  if (reason === 'unresolved') {
    batch.requeue(call.prospect, retryAt ?? now, 'originate_unresolved');
    return;
  }
  await markAttemptNotOriginated(deps.db, call.attemptId);
  batch.releaseContact(call.attemptId);
  if (reason === 'dnc') {
    await cancelProspect(deps.db, call.prospect.id, 'dnc', 'dialing', now);
    batch.event(dncEvent(batch.settings, call.prospect));
    return;
  }
  if (reason === 'capped') {
    const allowedAt = retryAt ?? now;
    batch.requeue(call.prospect, allowedAt, 'contact_cap');
    batch.event(cappedEvent(batch.settings, call, { allowedAt, limit: withheld.limit ?? '24h' }));
    return;
  }
  batch.requeue(call.prospect, reopensAt(call.window, now, call.prospect), 'outside_window');
}
