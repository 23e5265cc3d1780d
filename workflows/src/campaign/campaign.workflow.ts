import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CampaignSettings, CampaignWorkflowInput, CampaignWorkflowResult } from '@engine/contracts';
import {
  callOutcomeSignal,
  callOutcomesSignal,
  cancelCallsSignal,
  CampaignIdKey,
  campaignSearchAttributes,
  cancelSignal,
  didsChangedSignal,
  pauseSignal,
  prospectsAddedSignal,
  resumeSignal,
  settingsChangedSignal,
  stateQuery,
} from '@engine/contracts';
import { campaignActivities as acts } from './campaign-activities';
import { CampaignRun } from './campaign-run';
import { CampaignState } from './campaign-state';
import { applyControl, waitWhilePaused } from './control-step';
import { flushOutcomes, resolveStale } from './outcome-steps';
import { smsStep } from './sms-step';
import { voiceStep } from './voice-step';

/** Continue-as-new at the server's suggestion, or here at the latest. */
const MAX_HISTORY_EVENTS = 20_000;

/**
 * One long-lived workflow per campaign (`campaign-<id>`): paces dials with durable timers, records
 * outcomes delivered by signal, and owns the campaign's status (it writes every change to
 * PostgreSQL and the `CampaignStatus` search attribute, whether the change came from the API,
 * the CLI or the engine itself).
 *
 * Each turn of the loop: apply the pending control intent, record outcomes and resolve calls
 * without a callback, hand over to a new run when the history is long, publish stats, then one
 * step of the channel (a paced batch of dials, or one text of the drip) or a wait while paused.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignWorkflowResult> {
  const state = CampaignState.fromInput(input, Date.now());
  registerHandlers(state, input.campaignId);

  const settings: CampaignSettings = input.settings ?? (await acts.loadCampaignSettings(input.campaignId));
  let run = new CampaignRun(settings, state);

  // The starter normally sets these; a run started another way (e.g. the CLI) gets them here.
  if (workflowInfo().typedSearchAttributes.get(CampaignIdKey) === undefined) {
    upsertSearchAttributes(campaignSearchAttributes({ ...settings, status: state.status }));
  }
  if (state.status === 'created') {
    await run.changeStatus('dialing', 'campaign.started');
    run.restartPace();
  }
  state.tickAtMs = Date.now();

  for (;;) {
    // Control intents first: a pause or cancel takes effect before anything else is dialed.
    await applyControl(run);
    if (state.settingsChanged) run = await reloadSettings(run, input.campaignId);
    const ended = (await flushOutcomes(run)) + (await resolveStale(run));
    if (ended > 0) state.channelWaitUntilMs = null;

    if (state.status === 'cancelled') {
      if (state.inFlight.size === 0 && state.pending.length === 0) {
        await run.publishStats(true);
        return run.result('cancelled');
      }
      await run.waitUntil(null);
      continue;
    }
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_HISTORY_EVENTS) {
      await handOver(run, input.campaignId);
    }
    await run.publishStats();

    if (state.status === 'paused') {
      await waitWhilePaused(run);
      continue;
    }
    const done = settings.channel === 'sms' ? await smsStep(run) : await voiceStep(run);
    if (done) return done;
  }
}

/** Signals only leave intents and outcomes in the state; the loop applies them. */
function registerHandlers(state: CampaignState, campaignId: string): void {
  setHandler(pauseSignal, (arg) => state.requestPause(arg?.reason ?? null));
  setHandler(resumeSignal, () => state.requestResume());
  setHandler(cancelSignal, (arg) => state.requestCancel(arg?.reason ?? null));
  setHandler(cancelCallsSignal, (request) => state.requestCallCancel(request));
  setHandler(callOutcomeSignal, (report) => state.acceptOutcome(report));
  setHandler(callOutcomesSignal, (reports) => {
    for (const report of reports) state.acceptOutcome(report);
  });
  setHandler(prospectsAddedSignal, () => {
    state.nextDueMs = Date.now();
    state.wake = true;
  });
  setHandler(settingsChangedSignal, () => {
    state.settingsChanged = true;
    state.wake = true;
  });
  setHandler(didsChangedSignal, () => {
    state.wake = true;
  });
  setHandler(stateQuery, () => state.view(campaignId, workflowInfo().historyLength));
}

/** A call queue's pace changed: the run goes on with the settings as they are now, paced afresh. */
async function reloadSettings(run: CampaignRun, campaignId: string): Promise<CampaignRun> {
  run.state.settingsChanged = false;
  const next = new CampaignRun(await acts.loadCampaignSettings(campaignId), run.state);
  next.restartPace();
  return next;
}

/**
 * Continue-as-new: the next run gets the settings and everything the state holds, including the
 * calls in flight, the outcomes not yet recorded and any control intent not yet applied (a pause
 * that arrived while this run recorded its last outcomes is applied first thing there).
 */
async function handOver(run: CampaignRun, campaignId: string): Promise<never> {
  await condition(allHandlersFinished);
  log.info('continuing as new', {
    historyLength: workflowInfo().historyLength,
    inFlight: run.state.inFlight.size,
  });
  return continueAsNew<typeof campaignWorkflow>({
    campaignId,
    settings: run.settings,
    carried: run.state.toCarried(),
  });
}
