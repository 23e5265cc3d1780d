import type { CampaignSettings, QueuedCallSnapshot } from '@engine/contracts';
import type { ProspectStatus, QueuedCallOfProspect } from '@engine/db';
import { callStateOf } from '@engine/domain';
import type { CampaignActivityDeps } from '../campaign/campaign-deps';
import { callRecordRef } from './open-call-records';

/** A settled attempt, as far as its call's workflow cares. */
export interface SettledCallAttempt {
  attempt: { attempt_number: number };
  report: { outcome: string; resolution?: string | null };
  /** When the next attempt is due; null: none. */
  retryAt: Date | null;
  /** The queued call behind the prospect (call queue only). */
  queuedCall?: QueuedCallOfProspect;
  /** The prospect's status once settled; null: this recording did not move it. */
  settledAs?: ProspectStatus | null;
}

/**
 * A queued call's attempt ended: its workflow is told how the call stands now (the state just
 * written), or, when this recording did not move it, only to look.
 */
export async function tellCallRecords(
  deps: Pick<CampaignActivityDeps, 'callRecords'>,
  settings: CampaignSettings,
  settlements: readonly SettledCallAttempt[],
): Promise<void> {
  if (!deps.callRecords) return;
  const calls = settlements.flatMap((s) => {
    if (!s.queuedCall) return [];
    const ref = callRecordRef(settings, s.queuedCall);
    return [s.settledAs ? { ...ref, snapshot: settledSnapshot(s.queuedCall.callId, s, s.settledAs) } : ref];
  });
  if (calls.length > 0) await deps.callRecords.changed(calls);
}

function settledSnapshot(callId: string, s: SettledCallAttempt, status: ProspectStatus): QueuedCallSnapshot {
  const retryAt = status === 'queued' ? s.retryAt : null;
  return {
    callId,
    state: callStateOf(
      { prospectStatus: status, nextAttemptAt: retryAt ?? new Date(0), latestAttemptStatus: 'completed' },
      new Date(0),
    ),
    attempts: s.attempt.attempt_number,
    lastOutcome: s.report.outcome,
    reason: retryAt ? `retry_${s.report.outcome}` : (s.report.resolution ?? null),
    nextAttemptAt: retryAt ? retryAt.toISOString() : null,
  };
}
