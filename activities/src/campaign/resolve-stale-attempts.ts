import type { CallOutcomeReport, ResolveStaleInput, ResolveStaleResult } from '@engine/contracts';
import type { CampaignActivityDeps } from './campaign-deps';
import { activityNow } from './campaign-deps';

/**
 * Calls whose status callback never came. The carrier is asked: a final status is used as the
 * outcome, a call still ringing or talking is left to run; a call the carrier does not know (or
 * cannot tell about) ends `failed` with resolution `callback_timeout`, which frees its channel.
 */
export function createResolveStaleAttempts({ voice, now }: Pick<CampaignActivityDeps, 'voice' | 'now'>) {
  return async function resolveStaleAttempts(input: ResolveStaleInput): Promise<ResolveStaleResult> {
    const resolved: CallOutcomeReport[] = [];
    const stillRunning: string[] = [];
    const at = activityNow({ now }).toISOString();
    await Promise.all(
      input.attemptIds.map(async (attemptId) => {
        // TODO(carriers): probe with the attempt's numbers and time.
        const status = await voice
          .findCall({ attemptId, to: '', from: '', placedAfter: new Date(0) })
          .catch(() => undefined);
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
