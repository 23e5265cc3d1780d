import type { CallOutcomeReport } from './call-outcome';
import type { CampaignCounters, CampaignRunStatus, InFlightCall } from './campaign-state';
import type { CampaignSettings } from './campaign-settings';

export interface DialBatchInput {
  settings: CampaignSettings;
  /** Unique per batch and stable across retries of it: a retry finds the prospects it claimed. */
  batchToken: string;
  limit: number;
}

export interface DialBatchResult {
  dialed: Array<Omit<InFlightCall, 'dialedAtMs'>>;
  /** Attempts whose outcome was settled inside the batch (originate refused, resolved on retry). */
  settled: number;
  counts: {
    claimed: number;
    dnc: number;
    outsideWindow: number;
    poolFull: number;
    noDid: number;
    originateFailed: number;
    /** Deferred by the carrier account's calls-per-second limit (absent from older workers). */
    rateLimited?: number;
    /** Put back because the number reached its contact cap (absent from older workers). */
    capped?: number;
  };
  /** No usable DID: the campaign must pause (`campaign.paused.no_dids`). */
  noDids: boolean;
  /**
   * The campaign must pause for a reason outside it: its AI agent is down, or the carrier refused
   * the credentials. Absent in results of older workers.
   */
  carrierPause?: CarrierPause | null;
  /** Whether any prospect is still queued (due or not). */
  hasQueued: boolean;
  /** When the earliest queued prospect becomes due (ISO), if any. */
  nextDueAt: string | null;
  /**
   * Set when the tick claimed nothing because the channel pool had no free slot: the workflow waits
   * for one of its calls to end, or at most this long (a lease of another campaign may end first),
   * instead of claiming and requeueing on every tick. Absent in results of older workers.
   */
  channelWait?: { retryAfterMs: number } | null;
}

/** Why a campaign pauses by itself for something outside it (see `DialBatchResult.carrierPause`). */
export interface CarrierPause {
  reason: 'agent_unavailable' | 'carrier_auth';
  /** For people: what failed and what to do. */
  message: string;
}

export interface RecordOutcomesInput {
  settings: CampaignSettings;
  outcomes: CallOutcomeReport[];
}

export interface RecordOutcomesResult {
  /** Attempt ids whose outcome was recorded now or earlier (idempotent): no longer in flight. */
  settledAttemptIds: string[];
  /** When the earliest prospect put back in the queue (no_answer retry) becomes due (ISO). */
  earliestRequeueAt: string | null;
  /** Outcomes with no matching attempt (e.g. a stray callback); logged and ignored. */
  unknownAttemptIds: string[];
}

export interface ResolveStaleInput {
  settings: CampaignSettings;
  attemptIds: string[];
}

export interface ResolveStaleResult {
  /** Settled with the carrier's final status or, when it has none, `failed` (`callback_timeout`). */
  resolved: CallOutcomeReport[];
  /** The carrier says these are still ringing or talking: keep waiting. */
  stillRunning: string[];
}

export interface ApplyStatusInput {
  settings: CampaignSettings;
  status: CampaignRunStatus;
  reason?: string | null;
  auto?: boolean;
  /** For people, with an automatic pause: what failed (the event's `message`). */
  detail?: string;
  /** Which event to publish with the change. */
  event:
    | 'campaign.started'
    | 'campaign.paused'
    | 'campaign.paused.no_dids'
    | 'campaign.paused.agent_unavailable'
    | 'campaign.paused.carrier_auth'
    | 'campaign.resumed'
    | 'campaign.cancelled'
    | 'campaign.completed';
  /** Makes the status write and its event idempotent across retries. */
  changeId: string;
}

export interface FinalizeResult {
  /** Nothing queued or in progress remains in the database. */
  complete: boolean;
  counts: Record<string, number>;
  /** Originated calls the database knows of but the workflow did not track: track them now. */
  orphanAttempts: Array<{ attemptId: string; prospectId: number; didId: string | null }>;
  /** Prospects found claimed without a live attempt and put back in the queue. */
  requeued: number;
}

export interface StatsInput {
  settings: CampaignSettings;
  counters: CampaignCounters;
  dialRatePerSecond: number;
}

export interface SmsTickInput {
  settings: CampaignSettings;
  /** Stable across retries of this tick: a retry finds the prospect it claimed. */
  batchToken: string;
}

export interface SmsTickResult {
  /** A message was handed to the carrier in this tick. */
  sent: boolean;
  /** What happened to the prospect this tick claimed, if any. */
  outcome:
    | 'sent'
    | 'dnc'
    | 'outside_window'
    | 'no_did_free'
    | 'no_dids'
    | 'skipped'
    | 'failed'
    | 'nothing_due'
    /** The number reached its contact cap: the prospect waits until the cap allows. */
    | 'capped';
  /** DIDs that can send for this campaign (the tick delay is the gap divided by this). */
  usableDids: number;
  /** No DID can send at all: the campaign must pause (`campaign.paused.no_dids`). */
  noDids: boolean;
  /** The carrier refused the credentials: the campaign must pause (absent from older workers). */
  carrierPause?: CarrierPause | null;
  hasQueued: boolean;
  nextDueAt: string | null;
  /** Messages still awaiting their final receipt. */
  awaitingReceipts: number;
}

/** Activities of the campaign workflow; implemented in `@engine/activities`. */
export interface CancelQueuedCallsInput {
  settings: CampaignSettings;
  callIds: string[];
  reason: string;
}

export interface CampaignActivities {
  /** Loads the campaign and checks it may run; returns its settings. */
  loadCampaignSettings(campaignId: string): Promise<CampaignSettings>;
  applyCampaignStatus(input: ApplyStatusInput): Promise<void>;
  /**
   * Claims the next due prospects, filters DNC and calling windows for the batch, takes a
   * channel lease and a DID per prospect and originates, recording each attempt first.
   */
  dialNextBatch(input: DialBatchInput): Promise<DialBatchResult>;
  recordCallOutcomes(input: RecordOutcomesInput): Promise<RecordOutcomesResult>;
  resolveStaleAttempts(input: ResolveStaleInput): Promise<ResolveStaleResult>;
  cancelQueuedProspects(settings: CampaignSettings): Promise<number>;
  /** Call queue: cancels the named calls not yet dialed; returns the ids cancelled. */
  cancelQueuedCalls(input: CancelQueuedCallsInput): Promise<string[]>;
  countUsableDids(settings: CampaignSettings): Promise<number>;
  /** Whether the AI agent server answers its health check (`AGENT_HEALTH_URL`; none set: true). */
  checkAgentAvailable(settings: CampaignSettings): Promise<boolean>;
  finalizeCampaign(settings: CampaignSettings): Promise<FinalizeResult>;
  publishCampaignStats(input: StatsInput): Promise<void>;
  /** SMS drip: claims one due prospect and texts it (DNC, window, template, DID gap). */
  sendNextSms(input: SmsTickInput): Promise<SmsTickResult>;
  /** SMS: `sent` messages past the receipt timeout end `failed`; returns how many remain awaiting. */
  expireSmsReceipts(settings: CampaignSettings): Promise<{ expired: number; awaiting: number }>;
}
