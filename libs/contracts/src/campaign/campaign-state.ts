import type { CallOutcomeReport } from './call-outcome';
import type { CampaignSettings } from './campaign-settings';

export type CampaignRunStatus = 'created' | 'dialing' | 'paused' | 'completed' | 'cancelled';

/** A call the workflow has originated and awaits the outcome of. */
export interface InFlightCall {
  attemptId: string;
  prospectId: number;
  didId: string | null;
  /** Workflow time (ms) the originate completed. */
  dialedAtMs: number;
}

export interface CampaignCounters {
  dialed: number;
  /** Prospects taken from the queue by dial ticks (a prospect put back and taken again counts twice). */
  claimed: number;
  outcomes: Record<string, number>;
  dnc: number;
  outsideWindow: number;
  /** Prospects claimed that then found no free channel (another campaign took it first): real contention. */
  poolFull: number;
  /** Ticks that found the channel pool full and waited for a channel instead of claiming. */
  poolWaits: number;
  noDid: number;
  originateFailed: number;
  callbackTimeouts: number;
  /** Prospects deferred by their carrier account's calls-per-second limit (absent in older runs). */
  rateLimited?: number;
  /** Prospects put back because their number reached its contact cap (absent in older runs). */
  capped?: number;
}

/** Everything a run hands to the next across continue-as-new. */
export interface CarriedCampaignState {
  status: CampaignRunStatus;
  pauseReason: string | null;
  autoPaused: boolean;
  cancelRequested: boolean;
  /** The reason given with a cancel not yet applied (absent in runs handed over by older code). */
  cancelReason?: string | null;
  /** A pause not yet applied when the run handed over, with its reason. */
  pauseRequest?: { reason: string | null } | null;
  /** A resume not yet applied when the run handed over. */
  resumeRequested?: boolean;
  /** Call queue: `cancelCalls` requests not yet applied when the run handed over. */
  callCancels?: CallCancelRequest[];
  counters: CampaignCounters;
  inFlight: InFlightCall[];
  pendingOutcomes: CallOutcomeReport[];
  batchSeq: number;
  statusSeq: number;
  /** Workflow time (ms) the next queued prospect is due; null when none is queued. */
  nextDueMs: number | null;
  paceAnchorMs: number;
  dialedSinceAnchor: number;
  runs: number;
}

/** A `cancelCalls` signal's request: queued calls to cancel, if not yet dialed. */
export interface CallCancelRequest {
  callIds: string[];
  reason?: string;
}

/** The `state` query's answer. */
export interface CampaignStateView {
  campaignId: string;
  status: CampaignRunStatus;
  pauseReason: string | null;
  counters: CampaignCounters;
  inFlight: number;
  pendingOutcomes: number;
  pacing: { callsPerSecond: number; tickMs: number; batchSize: number };
  historyLength: number;
  /** How many runs (continue-as-new generations) this campaign has had, counting this one. */
  run: number;
}

export interface CampaignWorkflowInput {
  campaignId: string;
  /** Set by continue-as-new: the settings and state the previous run ended with. */
  settings?: CampaignSettings;
  carried?: CarriedCampaignState;
}

export interface CampaignWorkflowResult {
  campaignId: string;
  status: 'completed' | 'cancelled';
  counters: CampaignCounters;
}
