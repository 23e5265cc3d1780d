import { insertOriginatingAttempts, reopenAttempts, suppressedAmong } from '@engine/db';
import { isCallable } from '@engine/domain';
import { ProviderRequestError } from '@engine/providers';
import type { CampaignActivityDeps } from '../campaign-deps';
import { activityNow } from '../campaign-deps';
import type { DialBatch, ReadyCall } from './dial-batch';

/** What the carrier made of the ready calls. */
export interface OriginateResults {
  dialed: Array<{ call: ReadyCall; providerCallId: string }>;
  /** Existing attempts that may no longer be dialed: suppressed since, or outside the window now. */
  withheld: Array<{ call: ReadyCall; reason: 'dnc' | 'outside_window' }>;
  failures: Array<{ call: ReadyCall; error: string; retryable: boolean }>;
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
        provider: deps.voice.name,
      })),
  );
  await reopenAttempts(
    deps.db,
    ready.filter((r) => r.existing?.status === 'failed').map((r) => r.attemptId),
  );
}

/**
 * Hands the calls to the carrier, all at once. An attempt found `originating` (an earlier try may
 * or may not have reached the carrier) is looked up first and never dialed blind a second time.
 * An attempt that already existed passed its DNC and window checks on an earlier try, maybe
 * minutes ago: both are checked again right before the carrier (invariant 3).
 */
export async function originateCalls(
  deps: CampaignActivityDeps,
  batch: DialBatch,
  ready: readonly ReadyCall[],
): Promise<OriginateResults> {
  const { voice } = deps;
  const { settings } = batch;
  const clock = () => activityNow(deps);
  const nowSuppressed = await suppressedAmong(
    deps.db,
    settings.customerId,
    ready.filter((c) => c.existing).map((c) => c.prospect.phone),
  );
  const results: OriginateResults = { dialed: [], withheld: [], failures: [] };
  await Promise.all(
    ready.map(async (call) => {
      try {
        if (call.existing?.status === 'originating') {
          const known = await voice.findCall({
            attemptId: call.attemptId,
            to: call.prospect.phone,
            from: call.did.number,
            placedAfter: call.existing.created_at,
          });
          if (known) {
            results.dialed.push({ call, providerCallId: known.providerCallId });
            return;
          }
        }
        if (call.existing) {
          if (nowSuppressed.has(call.prospect.phone)) {
            results.withheld.push({ call, reason: 'dnc' });
            return;
          }
          if (!isCallable(clock(), 'voice', call.zones)) {
            results.withheld.push({ call, reason: 'outside_window' });
            return;
          }
        }
        const accepted = await voice.originate({
          attemptId: call.attemptId,
          to: call.prospect.phone,
          from: call.did.number,
          callbackUrl: deps.callStatusCallbackUrl,
          amd: true,
          plan: {
            agent: settings.agent,
            attemptId: call.attemptId,
            campaignId: settings.campaignId,
            ...(settings.voicemailDropUrl ? { voicemailDropUrl: settings.voicemailDropUrl } : {}),
          },
          campaignId: settings.campaignId,
        });
        results.dialed.push({ call, providerCallId: accepted.providerCallId });
      } catch (err) {
        const retryable = !(err instanceof ProviderRequestError) || err.retryable;
        results.failures.push({ call, error: (err as Error).message, retryable });
      }
    }),
  );
  return results;
}
