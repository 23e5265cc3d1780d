import type { CampaignCounters, CarriedCampaignState } from '@engine/contracts';

export function emptyCounters(): CampaignCounters {
  return {
    dialed: 0,
    outcomes: {},
    dnc: 0,
    outsideWindow: 0,
    poolFull: 0,
    noDid: 0,
    originateFailed: 0,
    callbackTimeouts: 0,
  };
}

export function initialCampaignState(nowMs: number): CarriedCampaignState {
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
