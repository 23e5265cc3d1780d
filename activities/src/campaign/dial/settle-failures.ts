import { failAttempt, failProspect, markAttemptNotOriginated, suspendDid } from '@engine/db';
import { ProviderRequestError } from '@engine/providers';
import type { CampaignActivityDeps } from '../campaign-deps';
import { channelPoolOf } from '../retry-policy';
import { deferForRate } from './carrier-slots';
import type { DialBatch, ReadyCall } from './dial-batch';

/** A carrier that cannot answer, or a lost answer to resolve: try the prospect again after this long. */
const UNRESOLVED_RETRY_MS = 30_000;

/** A 429 without `Retry-After`: try again after this long. */
const RATE_LIMITED_RETRY_MS = 1_000;

/**
 * The carrier refused the call or did not answer; what happens depends on what it means (a
 * refusal placed no call, so its contact leaves the ledger; a call that may exist keeps it):
 *
 * - `rate_limited` (429: nothing placed): the attempt is reused after the carrier's `Retry-After`;
 * - `auth`: nothing placed; the prospect waits and the campaign pauses (`carrier_auth`);
 * - `caller_id_unverified`: the DID leaves rotation (`did.suspended`); the prospect goes back to
 *   the queue and gets another caller ID on a fresh attempt;
 * - any other refusal (`invalid_number`, `geo_permission`, ...): attempt and prospect fail for
 *   good, with the reason;
 * - no answer (timeout, 5xx): with a carrier that dedupes on the attempt id it is looked up now;
 *   otherwise the attempt stays `originating` and is resolved against the carrier's call list when
 *   the prospect comes round again (never dialed blind a second time).
 */
export async function settleFailedOriginate(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  call: ReadyCall,
  error: Error,
): Promise<void> {
  const { db, semaphore } = deps;
  const { now } = batch;
  await semaphore.release(channelPoolOf(batch.settings), call.attemptId);
  const reason = error instanceof ProviderRequestError ? error.reason : 'unavailable';
  const described = describe(error);
  switch (reason) {
    case 'rate_limited': {
      const wait = (error as ProviderRequestError).retryAfterMs ?? RATE_LIMITED_RETRY_MS;
      await markAttemptNotOriginated(db, call.attemptId);
      batch.releaseContact(call.attemptId);
      batch.requeue(call.prospect, new Date(now.getTime() + wait), 'carrier_rate');
      deferForRate(batch, wait);
      return;
    }
    case 'auth':
      await markAttemptNotOriginated(db, call.attemptId);
      batch.releaseContact(call.attemptId);
      batch.requeue(call.prospect, now, 'carrier_auth');
      batch.result.carrierPause = {
        reason: 'carrier_auth',
        message: `${call.carrier.carrier.name} refused the credentials of carrier account ${call.carrier.account.id}: ${described}`,
      };
      return;
    case 'caller_id_unverified':
      await suspendCallerId(deps, batch, call, error, described);
      return;
    case 'unavailable':
      await leaveToResolve(deps, batch, call);
      return;
    default:
      if (error instanceof ProviderRequestError && error.retryable) {
        await leaveToResolve(deps, batch, call);
        return;
      }
      await failForGood(deps, batch, call, described);
  }
}

/** The carrier's message with its reason and code, as the prospect and the event show it. */
function describe(error: Error): string {
  if (!(error instanceof ProviderRequestError)) return error.message;
  const code = error.carrierCode ? ` ${error.carrierCode}` : '';
  return `${error.reason}${code}: ${error.message}`.slice(0, 480);
}

async function suspendCallerId(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  call: ReadyCall,
  error: Error,
  described: string,
): Promise<void> {
  const { db } = deps;
  // The attempt is over (it named the refused caller ID); the prospect's next attempt gets another.
  await failAttempt(db, call.attemptId, described, batch.now);
  batch.releaseContact(call.attemptId);
  batch.requeue(call.prospect, batch.now, 'caller_id_refused', false);
  const suspended = await suspendDid(db, call.did.id, described, batch.now);
  if (suspended) {
    batch.event({
      event: {
        type: 'did.suspended',
        customerId: suspended.customer_id,
        campaignId: null,
        payload: {
          didId: suspended.id,
          number: suspended.number,
          reason: described,
          carrierCode: error instanceof ProviderRequestError ? (error.carrierCode ?? null) : null,
        },
      },
      dedupeKey: `did.suspended:${suspended.id}:${batch.now.toISOString()}`,
    });
  }
}

/**
 * No answer from the carrier: the call may exist. A carrier that dedupes on the attempt id is
 * asked now; any other keeps the attempt `originating` until its call list can rule the call in
 * or out (resolved when the prospect comes round, see `resolveOriginating`).
 */
async function leaveToResolve(deps: CampaignActivityDeps, batch: DialBatch, call: ReadyCall): Promise<void> {
  const { carrier } = call.carrier;
  const { now } = batch;
  if (carrier.originateIdempotent) {
    const known = await carrier
      .findCall({
        attemptId: call.attemptId,
        to: call.prospect.phone,
        from: call.did.number,
        placedAfter: now,
      })
      .catch(() => 'unknown' as const);
    if (known === undefined) {
      await markAttemptNotOriginated(deps.db, call.attemptId);
      batch.releaseContact(call.attemptId);
    }
  }
  const wait = Math.max(UNRESOLVED_RETRY_MS, carrier.findSettleMs);
  // Either way the prospect keeps this attempt number: the attempt is reused or resolved later.
  batch.requeue(call.prospect, new Date(now.getTime() + wait), 'carrier_unavailable');
}

/** Ends an attempt and its prospect for good: the carrier refused the call. */
export async function failForGood(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  call: ReadyCall,
  error: string,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await failAttempt(tx, call.attemptId, error, batch.now);
    await failProspect(
      tx,
      call.prospect.id,
      `carrier refused: ${error}`.slice(0, 500),
      'dialing',
      batch.now,
      'failed',
    );
  });
  // Refused before a call was placed: no contact was made.
  batch.releaseContact(call.attemptId);
  batch.event(batch.callFailed(call, error));
  batch.result.counts.originateFailed += 1;
}
