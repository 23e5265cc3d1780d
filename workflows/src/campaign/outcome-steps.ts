import { log } from '@temporalio/workflow';
import { campaignActivities as acts } from './campaign-activities';
import type { CampaignRun } from './campaign-run';

/**
 * Records the outcomes waiting in the inbox in one activity: settled calls leave the in-flight
 * set (their channel leases were released), and a retry requeued for later moves the next due
 * time forward. Returns how many calls ended, so a wait for a free channel can end too.
 */
export async function flushOutcomes(run: CampaignRun): Promise<number> {
  const { state, settings } = run;
  if (state.pending.length === 0) return 0;
  const batch = state.takeOutcomes();
  const result = await acts.recordCallOutcomes({ settings, outcomes: batch });
  const settled = new Set(result.settledAttemptIds);
  const unknown = new Set(result.unknownAttemptIds);
  let ended = 0;
  state.outcomesTaken(batch);
  for (const report of batch) {
    if (settled.has(report.attemptId)) {
      if (state.inFlight.delete(report.attemptId)) ended += 1;
      state.counters.outcomes[report.outcome] = (state.counters.outcomes[report.outcome] ?? 0) + 1;
    } else if (unknown.has(report.attemptId)) {
      log.warn('outcome for an unknown attempt ignored', { attemptId: report.attemptId });
    }
  }
  if (result.earliestRequeueAt) {
    const due = Date.parse(result.earliestRequeueAt);
    state.nextDueMs = state.nextDueMs === null ? due : Math.min(state.nextDueMs, due);
  }
  return ended;
}

/**
 * Calls with no callback after the timeout: the carrier is asked; a call still running waits
 * longer, one it has no answer for ends `failed` (`callback_timeout`), and the outcomes found are
 * recorded at once.
 */
export async function resolveStale(run: CampaignRun): Promise<number> {
  const { state, settings } = run;
  const now = Date.now();
  const stale = [...state.inFlight.values()]
    .filter((c) => now - c.dialedAtMs >= run.callbackTimeoutMs)
    .map((c) => c.attemptId);
  if (stale.length === 0) return 0;
  const result = await acts.resolveStaleAttempts({ settings, attemptIds: stale });
  for (const id of result.stillRunning) {
    const call = state.inFlight.get(id);
    if (call) call.dialedAtMs = Date.now();
  }
  for (const report of result.resolved) {
    if (report.resolution === 'callback_timeout') state.counters.callbackTimeouts += 1;
    state.acceptOutcome(report);
  }
  return flushOutcomes(run);
}
