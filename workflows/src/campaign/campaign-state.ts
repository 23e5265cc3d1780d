import type {
  CallCancelRequest,
  CallOutcomeReport,
  CampaignCounters,
  CampaignRunStatus,
  CampaignStateView,
  CampaignWorkflowInput,
  CarriedCampaignState,
  InFlightCall,
} from '@engine/contracts';

/** Outcomes waiting this long in the inbox wake the loop before the next tick. */
const OUTCOME_FLUSH_SIZE = 200;

function emptyCounters(): CampaignCounters {
  return {
    dialed: 0,
    claimed: 0,
    outcomes: {},
    dnc: 0,
    outsideWindow: 0,
    poolFull: 0,
    poolWaits: 0,
    noDid: 0,
    originateFailed: 0,
    callbackTimeouts: 0,
  };
}

function initialCampaignState(nowMs: number): CarriedCampaignState {
  return {
    status: 'created',
    pauseReason: null,
    autoPaused: false,
    cancelRequested: false,
    counters: emptyCounters(),
    inFlight: [],
    pendingOutcomes: [],
    batchSeq: 0,
    statusSeq: 0,
    nextDueMs: nowMs,
    paceAnchorMs: nowMs,
    dialedSinceAnchor: 0,
    runs: 1,
  };
}

/**
 * Everything one campaign run knows, in one place (the pattern of samples-typescript's
 * safe-message-handlers): what continue-as-new hands to the next run, the calls in flight and
 * the outcomes not yet recorded, the control intents the signals left for the loop, and the loop's
 * own timing. Signal handlers only write intents and the inbox here; the loop applies them.
 */
export class CampaignState {
  status: CampaignRunStatus;
  pauseReason: string | null;
  /** Paused by the engine itself (`no_dids`), not by an operator: may resume on its own. */
  autoPaused: boolean;
  counters: CampaignCounters;
  batchSeq: number;
  statusSeq: number;
  /** Workflow time (ms) the next queued prospect is due; null when none is queued. */
  nextDueMs: number | null;
  paceAnchorMs: number;
  dialedSinceAnchor: number;
  /** This run's generation, counting from 1. */
  readonly runs: number;

  /** Calls originated and awaiting their outcome, by attempt id. */
  readonly inFlight: Map<string, InFlightCall>;
  /** Outcomes received and not yet recorded, first report of each attempt only. */
  readonly pending: CallOutcomeReport[];
  private readonly pendingIds: Set<string>;

  /** Control intents not yet applied by the loop; carried across continue-as-new. */
  pauseRequest: { reason: string | null } | null;
  resumeRequested: boolean;
  cancelRequested: boolean;
  cancelReason: string | null;
  /** The campaign's settings changed (a call queue's pace): reload them before the next dial. */
  settingsChanged = false;
  /** Call queue: calls to cancel (`cancelCalls`), not yet applied. */
  readonly callCancels: CallCancelRequest[];

  /** Something the loop must look at arrived: cut the current wait short. */
  wake = false;
  /** When the next paced tick may dial (workflow time, ms). */
  tickAtMs: number;
  /** The tick whose dial already waited for the inbox to be recorded (see voiceStep). */
  flushedForTickMs: number | null = null;
  /** The channel pool was full: no claim before this (workflow time, ms), unless a call ends first. */
  channelWaitUntilMs: number | null = null;
  lastStatsAtMs: number;
  dialedAtLastStats: number;
  pacing: CampaignStateView['pacing'] = { callsPerSecond: 0, tickMs: 0, batchSize: 0 };

  private constructor(carried: CarriedCampaignState, nowMs: number) {
    this.status = carried.status;
    this.pauseReason = carried.pauseReason;
    this.autoPaused = carried.autoPaused;
    this.counters = { ...emptyCounters(), ...carried.counters };
    this.batchSeq = carried.batchSeq;
    this.statusSeq = carried.statusSeq;
    this.nextDueMs = carried.nextDueMs;
    this.paceAnchorMs = carried.paceAnchorMs;
    this.dialedSinceAnchor = carried.dialedSinceAnchor;
    this.runs = carried.runs;
    this.inFlight = new Map(carried.inFlight.map((c) => [c.attemptId, c]));
    this.pending = [...carried.pendingOutcomes];
    this.pendingIds = new Set(this.pending.map((o) => o.attemptId));
    // Runs handed over before intents were carried have none of these fields.
    this.pauseRequest = carried.pauseRequest ?? null;
    this.resumeRequested = carried.resumeRequested ?? false;
    this.cancelRequested = carried.cancelRequested;
    this.cancelReason = carried.cancelReason ?? null;
    this.callCancels = [...(carried.callCancels ?? [])];
    this.tickAtMs = nowMs;
    this.lastStatsAtMs = nowMs;
    this.dialedAtLastStats = this.counters.dialed;
  }

  /** A new campaign's state, or the one the previous run handed over (as the next generation). */
  static fromInput(input: CampaignWorkflowInput, nowMs: number): CampaignState {
    return new CampaignState(
      input.carried ? { ...input.carried, runs: input.carried.runs + 1 } : initialCampaignState(nowMs),
      nowMs,
    );
  }

  /** What continue-as-new hands to the next run: the state, the calls in flight, the inbox, the intents. */
  toCarried(): CarriedCampaignState {
    return {
      status: this.status,
      pauseReason: this.pauseReason,
      autoPaused: this.autoPaused,
      cancelRequested: this.cancelRequested,
      cancelReason: this.cancelReason,
      pauseRequest: this.pauseRequest,
      resumeRequested: this.resumeRequested,
      ...(this.callCancels.length > 0 ? { callCancels: [...this.callCancels] } : {}),
      counters: this.counters,
      inFlight: [...this.inFlight.values()],
      pendingOutcomes: [...this.pending],
      batchSeq: this.batchSeq,
      statusSeq: this.statusSeq,
      nextDueMs: this.nextDueMs,
      paceAnchorMs: this.paceAnchorMs,
      dialedSinceAnchor: this.dialedSinceAnchor,
      runs: this.runs,
    };
  }

  requestPause(reason: string | null): void {
    this.pauseRequest = { reason };
    this.resumeRequested = false;
    this.wake = true;
  }

  requestResume(): void {
    this.resumeRequested = true;
    this.pauseRequest = null;
    this.wake = true;
  }

  requestCancel(reason: string | null): void {
    this.cancelRequested = true;
    this.cancelReason = reason;
    this.wake = true;
  }

  requestCallCancel(request: CallCancelRequest): void {
    this.callCancels.push(request);
    this.wake = true;
  }

  /**
   * A control intent not yet applied. Checked again right before anything is dialed or sent, since
   * a signal may arrive while the loop is busy recording outcomes or publishing stats.
   */
  controlPending(): boolean {
    return (
      (this.cancelRequested && this.status !== 'cancelled') ||
      (this.pauseRequest !== null && this.status === 'dialing') ||
      (this.resumeRequested && this.status === 'paused')
    );
  }

  /** Accepts a call's outcome; the carrier may call back more than once: the first report wins. */
  acceptOutcome(report: CallOutcomeReport): void {
    if (this.pendingIds.has(report.attemptId)) return;
    this.pendingIds.add(report.attemptId);
    this.pending.push(report);
    if (this.pending.length >= OUTCOME_FLUSH_SIZE) this.wake = true;
  }

  /** Takes every outcome waiting in the inbox, to record them; see {@link outcomesTaken}. */
  takeOutcomes(): CallOutcomeReport[] {
    return this.pending.splice(0, this.pending.length);
  }

  /** The outcomes taken by {@link takeOutcomes} were recorded: a later duplicate may be accepted again. */
  outcomesTaken(reports: readonly CallOutcomeReport[]): void {
    for (const report of reports) this.pendingIds.delete(report.attemptId);
  }

  /** The answer of the `state` query. */
  view(campaignId: string, historyLength: number): CampaignStateView {
    return {
      campaignId,
      status: this.status,
      pauseReason: this.pauseReason,
      counters: this.counters,
      inFlight: this.inFlight.size,
      pendingOutcomes: this.pending.length,
      pacing: this.pacing,
      historyLength,
      run: this.runs,
    };
  }
}
