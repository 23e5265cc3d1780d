import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  ApplyStatusInput,
  CallOutcomeReport,
  CampaignActivities,
  CampaignRunStatus,
  CampaignSettings,
  CampaignStateView,
  CampaignWorkflowInput,
  CampaignWorkflowResult,
  CarriedCampaignState,
  InFlightCall,
} from '@engine/contracts';
import {
  callOutcomeSignal,
  callOutcomesSignal,
  cancelSignal,
  didsChangedSignal,
  pauseSignal,
  prospectsAddedSignal,
  resumeSignal,
  stateQuery,
} from '@engine/contracts';
import { dialAllowance, dialPacing, nextTickAt } from '@engine/domain';
import {
  CampaignChannelKey,
  CampaignIdKey,
  CampaignStatusKey,
  CustomerIdKey,
} from './campaign-search-attributes';
import { initialCampaignState } from './campaign-state';

const acts = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  // Campaign activities heartbeat while they run (activities' withKeepAlive): a worker that dies
  // mid-activity is detected in seconds and the activity retried elsewhere, not after 2 minutes.
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

/** Outcomes are recorded in batches; this many waiting wakes the loop before the next tick. */
const OUTCOME_FLUSH_SIZE = 200;
const STATS_INTERVAL_MS = 10_000;
const AUTO_RESUME_CHECK_MS = 60_000;
/** Continue-as-new at the server's suggestion, or here at the latest. */
const MAX_HISTORY_EVENTS = 20_000;

/**
 * One long-lived workflow per campaign (`campaign-<id>`): paces dials with durable timers, records
 * outcomes delivered by signal, and owns the campaign's status (it writes every change to
 * PostgreSQL and the `CampaignStatus` search attribute, whether the change came from the API,
 * the CLI or the engine itself).
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignWorkflowResult> {
  const s: CarriedCampaignState = input.carried
    ? { ...input.carried, runs: input.carried.runs + 1 }
    : initialCampaignState(Date.now());
  const inFlight = new Map<string, InFlightCall>(s.inFlight.map((c) => [c.attemptId, c]));
  const pending: CallOutcomeReport[] = [...s.pendingOutcomes];
  const pendingIds = new Set(pending.map((o) => o.attemptId));
  let pauseRequest: { reason: string | null } | null = null;
  let resumeRequested = false;
  let cancelReason: string | null = null;
  let wake = false;
  let lastStatsAt = Date.now();
  let dialedAtLastStats = s.counters.dialed;

  setHandler(pauseSignal, (arg) => {
    pauseRequest = { reason: arg?.reason ?? null };
    resumeRequested = false;
    wake = true;
  });
  setHandler(resumeSignal, () => {
    resumeRequested = true;
    pauseRequest = null;
    wake = true;
  });
  setHandler(cancelSignal, (arg) => {
    s.cancelRequested = true;
    cancelReason = arg?.reason ?? null;
    wake = true;
  });
  const acceptOutcome = (report: CallOutcomeReport): void => {
    // The carrier may call back more than once: the first report of an attempt wins.
    if (pendingIds.has(report.attemptId)) return;
    pendingIds.add(report.attemptId);
    pending.push(report);
    if (pending.length >= OUTCOME_FLUSH_SIZE) wake = true;
  };
  setHandler(callOutcomeSignal, acceptOutcome);
  setHandler(callOutcomesSignal, (reports) => {
    for (const report of reports) acceptOutcome(report);
  });
  setHandler(prospectsAddedSignal, () => {
    s.nextDueMs = Date.now();
    wake = true;
  });
  setHandler(didsChangedSignal, () => {
    wake = true;
  });

  let pacingView: CampaignStateView['pacing'] | null = null;
  setHandler(stateQuery, (): CampaignStateView => ({
    campaignId: input.campaignId,
    status: s.status,
    pauseReason: s.pauseReason,
    counters: s.counters,
    inFlight: inFlight.size,
    pendingOutcomes: pending.length,
    pacing: pacingView ?? { callsPerSecond: 0, tickMs: 0, batchSize: 0 },
    historyLength: workflowInfo().historyLength,
    run: s.runs,
  }));

  const settings: CampaignSettings = input.settings ?? (await acts.loadCampaignSettings(input.campaignId));
  const pacing = dialPacing(settings.callsPerSecond);
  pacingView = { callsPerSecond: pacing.callsPerSecond, tickMs: pacing.tickMs, batchSize: pacing.batchSize };
  const callbackTimeoutMs = settings.callbackTimeoutSeconds * 1000;

  // The starter normally sets these; a run started another way (e.g. the CLI) gets them here.
  if (workflowInfo().typedSearchAttributes.get(CampaignIdKey) === undefined) {
    upsertSearchAttributes([
      { key: CampaignIdKey, value: settings.campaignId },
      { key: CustomerIdKey, value: settings.customerId },
      { key: CampaignChannelKey, value: settings.channel },
      { key: CampaignStatusKey, value: s.status },
    ]);
  }

  async function changeStatus(
    status: CampaignRunStatus,
    event: ApplyStatusInput['event'],
    reason: string | null = null,
    auto = false,
  ): Promise<void> {
    s.statusSeq += 1;
    await acts.applyCampaignStatus({
      settings,
      status,
      reason,
      auto,
      event,
      changeId: `${settings.campaignId}:status:${s.statusSeq}`,
    });
    s.status = status;
    s.pauseReason = status === 'paused' ? reason : null;
    upsertSearchAttributes([{ key: CampaignStatusKey, value: status }]);
  }

  async function flushOutcomes(): Promise<void> {
    if (pending.length === 0) return;
    const batch = pending.splice(0, pending.length);
    const result = await acts.recordCallOutcomes({ settings, outcomes: batch });
    const settled = new Set(result.settledAttemptIds);
    const unknown = new Set(result.unknownAttemptIds);
    for (const report of batch) {
      pendingIds.delete(report.attemptId);
      if (settled.has(report.attemptId)) {
        inFlight.delete(report.attemptId);
        s.counters.outcomes[report.outcome] = (s.counters.outcomes[report.outcome] ?? 0) + 1;
      } else if (unknown.has(report.attemptId)) {
        log.warn('outcome for an unknown attempt ignored', { attemptId: report.attemptId });
      }
    }
    if (result.earliestRequeueAt) {
      const due = Date.parse(result.earliestRequeueAt);
      s.nextDueMs = s.nextDueMs === null ? due : Math.min(s.nextDueMs, due);
    }
  }

  /** Calls with no callback after the timeout: the carrier is asked; if it has no answer, they fail. */
  async function resolveStale(): Promise<void> {
    const now = Date.now();
    const stale = [...inFlight.values()]
      .filter((c) => now - c.dialedAtMs >= callbackTimeoutMs)
      .map((c) => c.attemptId);
    if (stale.length === 0) return;
    const result = await acts.resolveStaleAttempts({ settings, attemptIds: stale });
    for (const id of result.stillRunning) {
      const call = inFlight.get(id);
      if (call) call.dialedAtMs = Date.now();
    }
    for (const report of result.resolved) {
      if (report.resolution === 'callback_timeout') s.counters.callbackTimeouts += 1;
      if (!pendingIds.has(report.attemptId)) {
        pendingIds.add(report.attemptId);
        pending.push(report);
      }
    }
    await flushOutcomes();
  }

  function nextStaleCheckMs(): number | null {
    let earliest: number | null = null;
    for (const c of inFlight.values()) {
      const due = c.dialedAtMs + callbackTimeoutMs;
      earliest = earliest === null ? due : Math.min(earliest, due);
    }
    return earliest;
  }

  /**
   * Sleeps on a durable timer until `untilMs` (or indefinitely), waking early for control signals
   * and, unless this is the short wait between two paced ticks, for call outcomes to record.
   */
  async function waitUntil(untilMs: number | null, betweenTicks = false): Promise<void> {
    const stale = nextStaleCheckMs();
    const target = untilMs === null ? stale : stale === null ? untilMs : Math.min(untilMs, stale);
    wake = false;
    const woken = () => wake || controlPending() || (!betweenTicks && pending.length > 0);
    if (woken()) return;
    if (target === null) {
      await condition(woken);
      return;
    }
    const ms = target - Date.now();
    if (ms > 0) await condition(woken, ms);
  }

  /**
   * A control intent not yet applied. Checked again right before anything is dialed or sent, since
   * a signal may arrive while the loop is busy recording outcomes or publishing stats.
   */
  function controlPending(): boolean {
    return (
      (s.cancelRequested && s.status !== 'cancelled') ||
      (pauseRequest !== null && s.status === 'dialing') ||
      (resumeRequested && s.status === 'paused')
    );
  }

  async function publishStats(force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - lastStatsAt < STATS_INTERVAL_MS) return;
    const seconds = Math.max(1, (now - lastStatsAt) / 1000);
    const dialRatePerSecond = (s.counters.dialed - dialedAtLastStats) / seconds;
    lastStatsAt = now;
    dialedAtLastStats = s.counters.dialed;
    await acts.publishCampaignStats({ settings, counters: s.counters, dialRatePerSecond });
  }

  /**
   * One step of the SMS drip: one prospect per tick, the next tick `gap / usable DIDs` later
   * (15 min / 10 DIDs = 90 s); once nothing is queued, wait for the last receipts (or their timeout).
   */
  async function smsStep(): Promise<CampaignWorkflowResult | undefined> {
    if (s.nextDueMs === null) {
      const receipts = await acts.expireSmsReceipts(settings);
      if (receipts.awaiting === 0) {
        const final = await acts.finalizeCampaign(settings);
        if (final.complete) {
          await changeStatus('completed', 'campaign.completed');
          await publishStats(true);
          return { campaignId: settings.campaignId, status: 'completed', counters: s.counters };
        }
        s.nextDueMs = Date.now();
        return undefined;
      }
      await waitUntil(Date.now() + Math.min(60_000, settings.receiptTimeoutSeconds * 1000));
      return undefined;
    }
    if (s.nextDueMs > Date.now() + 1000) {
      await waitUntil(s.nextDueMs);
      return undefined;
    }
    if (Date.now() < tickAt) {
      await waitUntil(tickAt, true);
      if (Date.now() < tickAt) return undefined;
    }
    if (controlPending()) return undefined;
    s.batchSeq += 1;
    const r = await acts.sendNextSms({ settings, batchToken: `${settings.campaignId}:sms:${s.batchSeq}` });
    if (r.sent) {
      s.counters.dialed += 1;
      s.counters.outcomes['sent'] = (s.counters.outcomes['sent'] ?? 0) + 1;
    }
    if (r.outcome === 'dnc') s.counters.dnc += 1;
    if (r.outcome === 'outside_window') s.counters.outsideWindow += 1;
    if (r.outcome === 'no_dids') s.counters.noDid += 1;
    s.nextDueMs = r.hasQueued ? (r.nextDueAt ? Date.parse(r.nextDueAt) : Date.now()) : null;
    // Only a sent message uses up a tick; a skipped prospect lets the next one go at once.
    tickAt = r.sent ? Date.now() + (settings.smsGapMinutes * 60_000) / Math.max(1, r.usableDids) : Date.now();
    if (r.noDids && s.status === 'dialing' && !s.cancelRequested) {
      await changeStatus('paused', 'campaign.paused.no_dids', 'no_dids', true);
      s.autoPaused = true;
    }
    return undefined;
  }

  if (s.status === 'created') {
    await changeStatus('dialing', 'campaign.started');
    s.paceAnchorMs = Date.now();
    s.dialedSinceAnchor = 0;
  }
  let tickAt = Date.now();

  for (;;) {
    // Control intents first: a pause or cancel takes effect before anything else is dialed.
    if (s.cancelRequested && s.status !== 'cancelled') {
      await changeStatus('cancelled', 'campaign.cancelled', cancelReason);
      await acts.cancelQueuedProspects(settings);
      s.nextDueMs = null;
    } else if (pauseRequest && s.status === 'dialing') {
      const { reason } = pauseRequest;
      await changeStatus('paused', 'campaign.paused', reason);
      s.autoPaused = false;
    } else if (resumeRequested && s.status === 'paused') {
      await changeStatus('dialing', 'campaign.resumed');
      s.autoPaused = false;
      s.nextDueMs = Date.now();
      s.paceAnchorMs = Date.now();
      s.dialedSinceAnchor = 0;
      tickAt = Date.now();
    }
    pauseRequest = null;
    resumeRequested = false;

    await flushOutcomes();
    await resolveStale();

    if (s.status === 'cancelled') {
      if (inFlight.size === 0 && pending.length === 0) {
        await publishStats(true);
        return { campaignId: settings.campaignId, status: 'cancelled', counters: s.counters };
      }
      await waitUntil(null);
      continue;
    }

    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_HISTORY_EVENTS) {
      await condition(allHandlersFinished);
      const carried: CarriedCampaignState = {
        ...s,
        inFlight: [...inFlight.values()],
        pendingOutcomes: [...pending],
      };
      log.info('continuing as new', { historyLength: workflowInfo().historyLength, inFlight: inFlight.size });
      await continueAsNew<typeof campaignWorkflow>({ campaignId: input.campaignId, settings, carried });
    }

    await publishStats();

    if (s.status === 'paused') {
      if (s.autoPaused && settings.autoResume) {
        if ((await acts.countUsableDids(settings)) > 0) {
          resumeRequested = true;
          continue;
        }
        await waitUntil(Date.now() + AUTO_RESUME_CHECK_MS);
      } else {
        await waitUntil(null);
      }
      continue;
    }

    if (settings.channel === 'sms') {
      const done = await smsStep();
      if (done) return done;
      continue;
    }

    // Dialing.
    const now = Date.now();
    if (s.nextDueMs === null) {
      if (inFlight.size === 0 && pending.length === 0) {
        const final = await acts.finalizeCampaign(settings);
        for (const orphan of final.orphanAttempts)
          inFlight.set(orphan.attemptId, { ...orphan, dialedAtMs: Date.now() });
        if (final.requeued > 0) s.nextDueMs = Date.now();
        if (final.complete && inFlight.size === 0) {
          await changeStatus('completed', 'campaign.completed');
          await publishStats(true);
          return { campaignId: settings.campaignId, status: 'completed', counters: s.counters };
        }
        continue;
      }
      await waitUntil(null);
      continue;
    }
    if (s.nextDueMs > now + pacing.tickMs) {
      // Nothing due for a while (closed windows, retry delays): sleep until then, then restart the pace.
      await waitUntil(s.nextDueMs);
      if (Date.now() >= (s.nextDueMs ?? Infinity)) {
        s.paceAnchorMs = Date.now();
        s.dialedSinceAnchor = 0;
        tickAt = Date.now();
      }
      continue;
    }
    if (now < tickAt) {
      await waitUntil(tickAt, true);
      if (Date.now() < tickAt) continue;
    }

    const allowance = dialAllowance(pacing, s.paceAnchorMs, s.dialedSinceAnchor, Date.now());
    tickAt = nextTickAt(pacing, tickAt, Date.now());
    if (allowance === 0 || controlPending()) continue;

    s.batchSeq += 1;
    const result = await acts.dialNextBatch({
      settings,
      batchToken: `${settings.campaignId}:batch:${s.batchSeq}`,
      limit: allowance,
    });
    const dialedAtMs = Date.now();
    for (const call of result.dialed) inFlight.set(call.attemptId, { ...call, dialedAtMs });
    s.dialedSinceAnchor += result.dialed.length;
    s.counters.dialed += result.dialed.length;
    s.counters.dnc += result.counts.dnc;
    s.counters.outsideWindow += result.counts.outsideWindow;
    s.counters.poolFull += result.counts.poolFull;
    s.counters.noDid += result.counts.noDid;
    s.counters.originateFailed += result.counts.originateFailed;
    s.nextDueMs = result.hasQueued ? (result.nextDueAt ? Date.parse(result.nextDueAt) : Date.now()) : null;

    if (result.noDids && s.status === 'dialing' && !s.cancelRequested) {
      await changeStatus('paused', 'campaign.paused.no_dids', 'no_dids', true);
      s.autoPaused = true;
    }
  }
}
