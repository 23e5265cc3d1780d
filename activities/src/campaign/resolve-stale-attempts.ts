import type { CallOutcomeReport, ResolveStaleInput, ResolveStaleResult } from '@engine/contracts';
import type { CallAttempt } from '@engine/db';
import { findAttemptsById } from '@engine/db';
import type { ProviderCallStatus } from '@engine/providers';
import type { CampaignActivityDeps } from './campaign-deps';
import { activityNow } from './campaign-deps';

/** The carrier's view of one attempt's call, asked through the attempt's own carrier account. */
async function carrierView(
  deps: Pick<CampaignActivityDeps, 'carriers'>,
  attempt: CallAttempt | undefined,
): Promise<ProviderCallStatus | undefined> {
  if (!attempt?.from_number) return undefined;
  const { carrier } = await deps.carriers.forAccount(attempt.carrier_account_id);
  return carrier.findCall({
    attemptId: attempt.id,
    to: attempt.to_number,
    from: attempt.from_number,
    placedAfter: attempt.originated_at ?? attempt.created_at,
    ...(attempt.provider_call_id ? { providerCallId: attempt.provider_call_id } : {}),
  });
}

/**
 * Calls whose status callback never came. The carrier is asked: a final status is used as the
 * outcome, a call still ringing or talking is left to run; a call the carrier does not know (or
 * cannot tell about) ends `failed` with resolution `callback_timeout`, which frees its channel.
 */
export function createResolveStaleAttempts(deps: Pick<CampaignActivityDeps, 'db' | 'carriers' | 'now'>) {
  return async function resolveStaleAttempts(input: ResolveStaleInput): Promise<ResolveStaleResult> {
    const resolved: CallOutcomeReport[] = [];
    const stillRunning: string[] = [];
    const at = activityNow(deps).toISOString();
    const attempts = await findAttemptsById(deps.db, input.attemptIds);
    await Promise.all(
      input.attemptIds.map(async (attemptId) => {
        const status = await carrierView(deps, attempts.get(attemptId)).catch(() => undefined);
        if (status && status.state !== 'completed') {
          stillRunning.push(attemptId);
        } else if (status?.outcome) {
          resolved.push({
            attemptId,
            outcome: status.outcome,
            durationSeconds: status.durationSeconds ?? 0,
            spamFlagged: status.spamFlagged ?? false,
            resolution: 'carrier_lookup',
            occurredAt: at,
          });
        } else {
          resolved.push({
            attemptId,
            outcome: 'failed',
            durationSeconds: 0,
            spamFlagged: false,
            resolution: 'callback_timeout',
            occurredAt: at,
          });
        }
      }),
    );
    return { resolved, stillRunning };
  };
}
