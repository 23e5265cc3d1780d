import {
  insertOriginatingAttempts,
  markOriginateRequested,
  reopenAttempts,
  suppressedAmong,
} from '@engine/db';
import type { ContactCapLimit } from '@engine/db';
import type { OriginateRequest } from '@engine/providers';
import {
  buildCallPlan,
  callStatusUrl,
  DEFAULT_CARRIER_ACCOUNT_ID,
  ProviderRequestError,
  signedDocumentUrl,
} from '@engine/providers';
import type { CampaignActivityDeps } from '../campaign-deps';
import { activityNow } from '../campaign-deps';
import { reserveTickContacts } from '../contact-caps';
import { takeCarrierSlot } from './carrier-slots';
import type { DialBatch, ReadyCall } from './dial-batch';

/** Why a ready call was not handed to the carrier in this tick. */
export type WithheldReason = 'dnc' | 'outside_window' | 'unresolved' | 'capped';

/** What the carrier made of the ready calls. */
export interface OriginateResults {
  dialed: Array<{ call: ReadyCall; providerCallId: string }>;
  /**
   * Existing attempts that may not be dialed now: suppressed since, outside the window now, or
   * an earlier originate whose answer was lost and that the carrier's call list cannot yet rule
   * out (`unresolved`: asked again once it can), or its number at its contact cap (`capped`).
   */
  withheld: Array<{
    call: ReadyCall;
    reason: WithheldReason;
    retryAt?: Date;
    /** `capped`: the window whose cap the number reached. */
    limit?: ContactCapLimit;
  }>;
  failures: Array<{ call: ReadyCall; error: ProviderRequestError | Error }>;
}

/** The account id stored with an attempt: null for the environment's account. */
export function storedAccountId(call: ReadyCall): string | null {
  return call.carrier.account.id === DEFAULT_CARRIER_ACCOUNT_ID ? null : call.carrier.account.id;
}

/**
 * Records every attempt (`originating`) before anything reaches the carrier, so that a crash
 * between the two leaves an attempt to resolve, never a call nobody knows of. A new attempt is
 * inserted; one the carrier never got is reopened under the same id.
 */
export async function recordAttempts(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  ready: readonly ReadyCall[],
): Promise<void> {
  await insertOriginatingAttempts(
    deps.db,
    ready
      .filter((r) => !r.existing)
      .map((r) => ({
        id: r.attemptId,
        prospect_id: r.prospect.id,
        campaign_id: batch.settings.campaignId,
        attempt_number: r.attemptNumber,
        did_id: r.did.id,
        from_number: r.did.number,
        to_number: r.prospect.phone,
        provider: r.carrier.carrier.name,
        carrier_account_id: storedAccountId(r),
        // When the originate request leaves (about): a lost answer is looked for from then on.
        originated_at: activityNow(deps),
      })),
  );
  await reopenAttempts(
    deps.db,
    ready.filter((r) => r.existing?.status === 'failed').map((r) => r.attemptId),
    activityNow(deps),
  );
}

/** The carrier request for one call: callbacks per account, signed documents, the plan. */
function originateRequest(deps: CampaignActivityDeps, batch: DialBatch, call: ReadyCall): OriginateRequest {
  const { settings } = batch;
  const provider = call.carrier.carrier.name;
  // The dial needs what carriers act on when placing the call (agent, stream, drop, and the
  // call's own config); the message and the transfer are read when the call is answered (API).
  const plan = buildCallPlan({
    attemptId: call.attemptId,
    campaignId: settings.campaignId,
    campaign: {
      mode: {
        agent: settings.agent,
        ...(settings.voicemailDropUrl ? { voicemail_drop_url: settings.voicemailDropUrl } : {}),
      },
      message: null,
    },
    callConfig: call.prospect.call_config,
    agentStreamUrl: deps.agentStreamUrl,
  });
  return {
    attemptId: call.attemptId,
    to: call.prospect.phone,
    from: call.did.number,
    callbackUrl: callStatusUrl(deps.publicApiUrl, provider, storedAccountId(call), call.attemptId),
    documents: {
      answerUrl: signedDocumentUrl(deps.publicApiUrl, deps.documentUrlSecret, call.attemptId, 'answer'),
      voicemailUrl: signedDocumentUrl(deps.publicApiUrl, deps.documentUrlSecret, call.attemptId, 'voicemail'),
    },
    amd: true,
    plan,
    campaignId: settings.campaignId,
  };
}

/**
 * An attempt left `originating` (its answer was lost, or the worker died): the carrier is asked
 * for its call. Found: it is this attempt's call. Not found: it was never placed, so it may be
 * dialed now, but only once the carrier's call list is sure to show it (`findSettleMs`); before
 * that, the attempt waits (`unresolved`), it is never dialed blind a second time.
 */
async function resolveOriginating(
  call: ReadyCall,
  now: Date,
): Promise<{ found: string } | { absent: true } | { retryAt: Date }> {
  const { carrier } = call.carrier;
  const existing = call.existing;
  if (!existing) return { absent: true };
  const requestedAt = existing.originated_at ?? existing.created_at;
  const settlesAt = requestedAt.getTime() + carrier.findSettleMs;
  if (!carrier.originateIdempotent && now.getTime() < settlesAt) return { retryAt: new Date(settlesAt) };
  const known = await carrier.findCall({
    attemptId: call.attemptId,
    to: call.prospect.phone,
    from: call.did.number,
    placedAfter: requestedAt,
    ...(existing.provider_call_id ? { providerCallId: existing.provider_call_id } : {}),
  });
  return known ? { found: known.providerCallId } : { absent: true };
}

/**
 * Hands the calls to their carriers, all at once. An attempt found `originating` is resolved
 * first (see {@link resolveOriginating}). An attempt that already existed passed its DNC and
 * window checks on an earlier try, maybe minutes ago: both are checked again right before the
 * carrier (invariant 3). Then every call still going ahead takes its place in the number's
 * contact caps (one batch, see `reserveTickContacts`); a number at its cap waits (`capped`).
 */
export async function originateCalls(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  ready: readonly ReadyCall[],
): Promise<OriginateResults> {
  const results: OriginateResults = { dialed: [], withheld: [], failures: [] };
  const cleared = await lastChecks(deps, batch, ready, results);
  const reservations = await reserveTickContacts(deps, batch.settings, 'voice', cleared, activityNow(deps));
  const placeable = cleared.filter((call, i) => {
    const reservation = reservations[i];
    if (!reservation || reservation.reserved) return true;
    results.withheld.push({
      call,
      reason: 'capped',
      retryAt: reservation.allowedAt,
      limit: reservation.limit,
    });
    return false;
  });
  await Promise.all(placeable.map((call) => placeCall(deps, batch, call, results)));
  return results;
}

/**
 * The checks right before the carrier, all at once: resolves attempts left `originating` and
 * checks suppression and the window again for existing attempts. Returns the calls to place.
 */
async function lastChecks(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  ready: readonly ReadyCall[],
  results: OriginateResults,
): Promise<ReadyCall[]> {
  const clock = () => activityNow(deps);
  const nowSuppressed = await suppressedAmong(
    deps.db,
    batch.settings.customerId,
    ready.filter((c) => c.existing).map((c) => c.prospect.phone),
  );
  const cleared: ReadyCall[] = [];
  await Promise.all(
    ready.map(async (call) => {
      try {
        if (call.existing?.status === 'originating') {
          const resolved = await resolveOriginating(call, clock());
          if ('found' in resolved) {
            results.dialed.push({ call, providerCallId: resolved.found });
            return;
          }
          if ('retryAt' in resolved) {
            results.withheld.push({ call, reason: 'unresolved', retryAt: resolved.retryAt });
            return;
          }
          await markOriginateRequested(deps.db, call.attemptId, clock());
        }
        if (call.existing && nowSuppressed.has(call.prospect.phone)) {
          results.withheld.push({ call, reason: 'dnc' });
          return;
        }
        // Every call, fresh or retried: the window may have closed while the batch was prepared.
        if (!call.window.isAllowed(clock())) {
          results.withheld.push({ call, reason: 'outside_window' });
          return;
        }
        cleared.push(call);
      } catch (err) {
        results.failures.push({ call, error: err instanceof Error ? err : new Error(String(err)) });
      }
    }),
  );
  // In the batch's order, so that two calls to one number are decided as they were claimed.
  return ready.filter((call) => cleared.includes(call));
}

/** Takes the account's calls-per-second slot and hands one call to its carrier. */
async function placeCall(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  call: ReadyCall,
  results: OriginateResults,
): Promise<void> {
  try {
    // The account's calls-per-second slot is taken right before the request leaves: a slot
    // taken earlier (while the batch was prepared) would let a late batch land in the same
    // carrier second as the next one.
    const slot = await takeCarrierSlot(deps, call.carrier);
    if (!slot.taken) {
      results.failures.push({ call, error: accountRateLimited(call, slot.retryAfterMs) });
      return;
    }
    const accepted = await call.carrier.carrier.originate(originateRequest(deps, batch, call));
    results.dialed.push({ call, providerCallId: accepted.providerCallId });
  } catch (err) {
    results.failures.push({ call, error: err instanceof Error ? err : new Error(String(err)) });
  }
}

/** No slot of the account's rate now: deferred like a carrier's 429 (nothing was placed). */
function accountRateLimited(call: ReadyCall, retryAfterMs: number): ProviderRequestError {
  return new ProviderRequestError(
    `carrier account ${call.carrier.account.id} is at its calls-per-second limit`,
    {
      provider: call.carrier.carrier.name,
      operation: 'originate',
      retryable: true,
      reason: 'rate_limited',
      retryAfterMs,
    },
  );
}
