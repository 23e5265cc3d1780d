import { patched } from '@temporalio/workflow';
import type { CampaignWorkflowResult, DialBatchResult } from '@engine/contracts';
import { dialAllowance, nextTickAt } from '@engine/domain';
import { campaignActivities as acts } from './campaign-activities';
import type { CampaignRun } from './campaign-run';
import { autoPauseForCarrier, autoPauseForNoDids } from './control-step';

/** Version marker: a tick records the outcomes waiting in the inbox before it dials. */
const FLUSH_BEFORE_DIAL = 'flush-outcomes-before-dial';

/** Version marker: prospects added while a campaign checked it was done keep it from completing. */
const DIAL_PROSPECTS_ADDED_AT_THE_END = 'dial-prospects-added-at-the-end';

/**
 * One turn of a dialing voice campaign: finish when nothing is left, sleep while nothing is due or
 * no channel is free, wait for the next paced tick, then dial what the pace allows. Returns the
 * workflow's result once the campaign completed.
 */
export async function voiceStep(run: CampaignRun): Promise<CampaignWorkflowResult | undefined> {
  const { state } = run;
  if (state.nextDueMs === null) return finishWhenDone(run);
  if (state.nextDueMs > Date.now() + run.pacing.tickMs) {
    await waitForNextDue(run, state.nextDueMs);
    return undefined;
  }
  if (state.channelWaitUntilMs !== null) {
    if (Date.now() < state.channelWaitUntilMs) {
      // Woken early by an outcome: the loop records it (freeing a channel) and comes back here.
      await run.waitUntil(state.channelWaitUntilMs);
      return undefined;
    }
    state.channelWaitUntilMs = null;
  }
  if (Date.now() < state.tickAtMs) {
    await run.waitUntil(state.tickAtMs, true);
    if (Date.now() < state.tickAtMs) return undefined;
  }
  // Outcomes that came in during the wait free channels: record them before counting free ones.
  // (Runs recorded before this change dialed first; they replay as they ran.)
  // Once per tick, so that a steady stream of outcomes cannot hold the dial back.
  if (state.pending.length > 0 && state.flushedForTickMs !== state.tickAtMs && patched(FLUSH_BEFORE_DIAL)) {
    state.flushedForTickMs = state.tickAtMs;
    return undefined;
  }
  const allowance = dialAllowance(run.pacing, state.paceAnchorMs, state.dialedSinceAnchor, Date.now());
  state.tickAtMs = nextTickAt(run.pacing, state.tickAtMs, Date.now());
  if (allowance === 0 || state.controlPending()) return undefined;
  await dialBatch(run, allowance);
  return undefined;
}

/**
 * Nothing queued: once no call is in flight and no outcome waits, the database has the last word
 * (calls it knows of that the workflow lost track of are tracked now, claims without an attempt go
 * back to the queue); the campaign completes when nothing is left at all, and a call queue waits.
 */
async function finishWhenDone(run: CampaignRun): Promise<CampaignWorkflowResult | undefined> {
  const { state, settings } = run;
  if (state.inFlight.size > 0 || state.pending.length > 0) {
    await run.waitUntil(null);
    return undefined;
  }
  const final = await acts.finalizeCampaign(settings);
  for (const orphan of final.orphanAttempts)
    state.inFlight.set(orphan.attemptId, { ...orphan, dialedAtMs: Date.now() });
  if (final.requeued > 0) state.nextDueMs = Date.now();
  if (!final.complete || state.inFlight.size > 0) return undefined;
  if (settings.kind === 'call_queue') {
    // A call queue never completes: it waits for the next call (`prospectsAdded`) or a signal,
    // unless a call came while the database was asked (the signal left it due already).
    if (state.nextDueMs === null) await run.waitUntil(null);
    return undefined;
  }
  // Prospects added while the database was asked: dial them rather than complete over them.
  // (Runs recorded before this check completed; they replay as they ran.)
  if (state.nextDueMs !== null && patched(DIAL_PROSPECTS_ADDED_AT_THE_END)) return undefined;
  return run.complete();
}

/** Nothing due for a while (closed windows, retry delays): sleep until then, then restart the pace. */
async function waitForNextDue(run: CampaignRun, dueMs: number): Promise<void> {
  await run.waitUntil(dueMs);
  if (Date.now() < (run.state.nextDueMs ?? Infinity)) return;
  run.restartPace();
  // A call queue dials what fell due (a scheduled call) at once: one tick's worth is earned on waking.
  if (run.settings.kind === 'call_queue') run.state.paceAnchorMs -= run.pacing.tickMs;
}

/** Dials up to `allowance` prospects in one activity and takes in what it reports. */
async function dialBatch(run: CampaignRun, allowance: number): Promise<void> {
  const { state, settings } = run;
  state.batchSeq += 1;
  const result = await acts.dialNextBatch({
    settings,
    batchToken: `${settings.campaignId}:batch:${state.batchSeq}`,
    limit: allowance,
  });
  const dialedAtMs = Date.now();
  for (const call of result.dialed) state.inFlight.set(call.attemptId, { ...call, dialedAtMs });
  state.dialedSinceAnchor += result.dialed.length;
  countBatch(run, result);
  state.nextDueMs = result.hasQueued ? (result.nextDueAt ? Date.parse(result.nextDueAt) : Date.now()) : null;
  if (result.channelWait) {
    state.counters.poolWaits += 1;
    state.channelWaitUntilMs = Date.now() + result.channelWait.retryAfterMs;
  }
  if (result.noDids) await autoPauseForNoDids(run);
  if (result.carrierPause) await autoPauseForCarrier(run, result.carrierPause);
}

function countBatch(run: CampaignRun, result: DialBatchResult): void {
  const { counters } = run.state;
  counters.dialed += result.dialed.length;
  counters.claimed += result.counts.claimed;
  counters.dnc += result.counts.dnc;
  counters.outsideWindow += result.counts.outsideWindow;
  counters.poolFull += result.counts.poolFull;
  counters.noDid += result.counts.noDid;
  counters.originateFailed += result.counts.originateFailed;
  if (result.counts.rateLimited)
    counters.rateLimited = (counters.rateLimited ?? 0) + result.counts.rateLimited;
  if (result.counts.capped) counters.capped = (counters.capped ?? 0) + result.counts.capped;
}
