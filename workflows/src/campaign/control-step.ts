import type { CarrierPause } from '@engine/contracts';
import { campaignActivities as acts } from './campaign-activities';
import type { CampaignRun } from './campaign-run';

/** How often a campaign paused for `no_dids` that opted in to auto-resume looks for a usable DID. */
const AUTO_RESUME_CHECK_MS = 60_000;

/** How often a campaign paused for `agent_unavailable` asks the agent server whether it is back. */
const AGENT_CHECK_MS = 15_000;

/**
 * Applies the control intent the signals left (cancel first, then pause, then resume); an intent
 * that does not apply to the current status (a pause while paused) is dropped. Runs first in every
 * turn of the loop, so that a pause or cancel takes effect before anything else is dialed.
 */
export async function applyControl(run: CampaignRun): Promise<void> {
  const { state, settings } = run;
  if (state.cancelRequested && state.status !== 'cancelled') {
    await run.changeStatus('cancelled', 'campaign.cancelled', state.cancelReason);
    await acts.cancelQueuedProspects(settings);
    state.nextDueMs = null;
  } else if (state.pauseRequest && state.status === 'dialing') {
    await run.changeStatus('paused', 'campaign.paused', state.pauseRequest.reason);
    state.autoPaused = false;
  } else if (state.resumeRequested && state.status === 'paused') {
    await run.changeStatus('dialing', 'campaign.resumed');
    state.autoPaused = false;
    state.nextDueMs = Date.now();
    state.channelWaitUntilMs = null;
    run.restartPace();
  }
  state.pauseRequest = null;
  state.resumeRequested = false;
  await applyCallCancels(run);
}

/**
 * Call queue: the calls named by `cancelCalls` signals are cancelled if not yet dialed (the API's
 * `DELETE /api/calls/:id` does the same in the database, without the workflow).
 */
async function applyCallCancels(run: CampaignRun): Promise<void> {
  const { state, settings } = run;
  while (state.callCancels.length > 0) {
    const request = state.callCancels[0]!;
    await acts.cancelQueuedCalls({
      settings,
      callIds: request.callIds,
      reason: request.reason ?? 'cancelled_by_signal',
    });
    state.callCancels.shift();
  }
}

/**
 * While paused: an automatic `no_dids` pause of a campaign that opted in resumes by itself once a
 * DID is usable again (checked every minute); an `agent_unavailable` pause resumes once the agent
 * answers its health check (every 15 s); any other pause (an operator's, `carrier_auth`) waits for
 * a signal.
 */
export async function waitWhilePaused(run: CampaignRun): Promise<void> {
  const { state, settings } = run;
  if (state.autoPaused && state.pauseReason === 'agent_unavailable') {
    if (await acts.checkAgentAvailable(settings)) {
      state.resumeRequested = true;
      return;
    }
    await run.waitUntil(Date.now() + AGENT_CHECK_MS);
    return;
  }
  if (state.autoPaused && settings.autoResume && state.pauseReason === 'no_dids') {
    if ((await acts.countUsableDids(settings)) > 0) {
      state.resumeRequested = true;
      return;
    }
    await run.waitUntil(Date.now() + AUTO_RESUME_CHECK_MS);
    return;
  }
  await run.waitUntil(null);
}

/** The engine pauses the campaign itself: no DID can place a call (or send a text) at all. */
export async function autoPauseForNoDids(run: CampaignRun): Promise<void> {
  const { state } = run;
  if (state.status !== 'dialing' || state.cancelRequested) return;
  await run.changeStatus('paused', 'campaign.paused.no_dids', 'no_dids', true);
  state.autoPaused = true;
}

/**
 * The engine pauses the campaign itself for something outside it: the AI agent is down (resumes
 * by itself once it answers) or the carrier refused the credentials (waits for an operator).
 */
export async function autoPauseForCarrier(run: CampaignRun, pause: CarrierPause): Promise<void> {
  const { state } = run;
  if (state.status !== 'dialing' || state.cancelRequested) return;
  await run.changeStatus('paused', `campaign.paused.${pause.reason}`, pause.reason, true, pause.message);
  state.autoPaused = true;
}
