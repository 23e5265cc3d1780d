import type { CampaignWorkflowResult, SmsTickResult } from '@engine/contracts';
import { campaignActivities as acts } from './campaign-activities';
import type { CampaignRun } from './campaign-run';
import { autoPauseForCarrier, autoPauseForNoDids } from './control-step';

/**
 * One turn of the SMS drip: one prospect per tick, the next tick `gap / usable DIDs` later
 * (15 min / 10 DIDs = 90 s); once nothing is queued, wait for the last receipts (or their
 * timeout). Returns the workflow's result once the campaign completed.
 */
export async function smsStep(run: CampaignRun): Promise<CampaignWorkflowResult | undefined> {
  const { state } = run;
  if (state.nextDueMs === null) return finishWhenDelivered(run);
  if (state.nextDueMs > Date.now() + 1000) {
    await run.waitUntil(state.nextDueMs);
    return undefined;
  }
  if (Date.now() < state.tickAtMs) {
    await run.waitUntil(state.tickAtMs, true);
    if (Date.now() < state.tickAtMs) return undefined;
  }
  if (state.controlPending()) return undefined;
  await sendOne(run);
  return undefined;
}

/**
 * Nothing queued: `sent` is still in progress, so the campaign completes only when every message
 * has its final receipt or has waited past the receipt timeout.
 */
async function finishWhenDelivered(run: CampaignRun): Promise<CampaignWorkflowResult | undefined> {
  const { state, settings } = run;
  const receipts = await acts.expireSmsReceipts(settings);
  if (receipts.awaiting === 0) {
    const final = await acts.finalizeCampaign(settings);
    if (final.complete) return run.complete();
    state.nextDueMs = Date.now();
    return undefined;
  }
  await run.waitUntil(Date.now() + Math.min(60_000, settings.receiptTimeoutSeconds * 1000));
  return undefined;
}

async function sendOne(run: CampaignRun): Promise<void> {
  const { state, settings } = run;
  state.batchSeq += 1;
  const r = await acts.sendNextSms({ settings, batchToken: `${settings.campaignId}:sms:${state.batchSeq}` });
  countTick(run, r);
  state.nextDueMs = r.hasQueued ? (r.nextDueAt ? Date.parse(r.nextDueAt) : Date.now()) : null;
  // Only a sent message uses up a tick; a skipped prospect lets the next one go at once.
  state.tickAtMs = r.sent
    ? Date.now() + (settings.smsGapMinutes * 60_000) / Math.max(1, r.usableDids)
    : Date.now();
  if (r.noDids) await autoPauseForNoDids(run);
  if (r.carrierPause) await autoPauseForCarrier(run, r.carrierPause);
}

function countTick(run: CampaignRun, r: SmsTickResult): void {
  const { counters } = run.state;
  if (r.sent) {
    counters.dialed += 1;
    counters.outcomes['sent'] = (counters.outcomes['sent'] ?? 0) + 1;
  }
  if (r.outcome === 'dnc') counters.dnc += 1;
  if (r.outcome === 'outside_window') counters.outsideWindow += 1;
  if (r.outcome === 'no_dids') counters.noDid += 1;
  if (r.outcome === 'capped') counters.capped = (counters.capped ?? 0) + 1;
}
