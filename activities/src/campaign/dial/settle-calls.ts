import {
  cancelProspect,
  failAttempt,
  failProspect,
  markAttemptNotOriginated,
  markAttemptsInProgress,
} from '@engine/db';
import { nextWindowOpen } from '@engine/domain';
import type { CampaignActivityDeps } from '../campaign-deps';
import { activityNow } from '../campaign-deps';
import { dncEvent } from '../dnc-event';
import type { DialBatch, ReadyCall } from './dial-batch';
import type { OriginateResults } from './originate-calls';

/** A carrier that cannot answer a lookup: try the prospect again after this long. */
const UNRESOLVED_RETRY_MS = 30_000;

/**
 * Takes in what the carrier made of the calls: accepted calls go `in_progress` and are reported
 * to the workflow (`campaign.call.initiated`); withheld ones are put back or cancelled; failures
 * are settled or left to resolve.
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
  for (const { call, reason } of results.withheld) {
    await withholdCall(deps, batch, call, reason);
    if (reason === 'dnc') batch.result.counts.dnc += 1;
    else batch.result.counts.outsideWindow += 1;
  }
  for (const failure of results.failures) {
    await settleFailedOriginate(deps, batch, failure.call, failure.error, failure.retryable);
  }
  batch.result.counts.originateFailed = results.failures.filter((f) => !f.retryable).length;
}

/**
 * An existing attempt that may no longer be dialed never reached the carrier: it is marked
 * reusable and its channel freed; a suppressed prospect is cancelled (`campaign.prospect.dnc`),
 * one outside its window waits for the opening and will reuse the same attempt id.
 */
async function withholdCall(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  call: ReadyCall,
  reason: 'dnc' | 'outside_window',
): Promise<void> {
  await deps.semaphore.release('campaign', call.attemptId);
  await markAttemptNotOriginated(deps.db, call.attemptId);
  const now = activityNow(deps);
  if (reason === 'dnc') {
    await cancelProspect(deps.db, call.prospect.id, 'dnc', 'dialing', now);
    batch.event(dncEvent(batch.settings, call.prospect));
    return;
  }
  batch.requeue(
    call.prospect,
    nextWindowOpen(now, 'voice', call.zones, { spreadKey: String(call.prospect.id) }),
    'outside_window',
  );
}

/**
 * The carrier refused or did not answer. Refused (4xx): the attempt and the prospect fail for
 * good. No answer: if a lookup shows the carrier never got it, the same attempt may be tried
 * again later; if even the lookup fails, the attempt stays `originating` and is resolved first
 * when the prospect comes round again.
 */
async function settleFailedOriginate(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  call: ReadyCall,
  error: string,
  retryable: boolean,
): Promise<void> {
  const { db, semaphore, voice } = deps;
  const { now } = batch;
  await semaphore.release('campaign', call.attemptId);
  if (!retryable) {
    await db.transaction().execute(async (tx) => {
      await failAttempt(tx, call.attemptId, error, now);
      await failProspect(
        tx,
        call.prospect.id,
        `carrier refused: ${error}`.slice(0, 500),
        'dialing',
        now,
        'failed',
      );
    });
    batch.event(batch.callFailed(call, error));
    return;
  }
  const known = await voice
    .findCall({
      attemptId: call.attemptId,
      to: call.prospect.phone,
      from: call.did.number,
      placedAfter: call.existing?.created_at ?? now,
    })
    .catch(() => 'unknown' as const);
  if (known === undefined) await markAttemptNotOriginated(db, call.attemptId);
  // Either way the prospect keeps this attempt number: the attempt is reused or resolved later.
  batch.requeue(call.prospect, new Date(now.getTime() + UNRESOLVED_RETRY_MS), 'carrier_unavailable');
}
