import type {
  CampaignActivities,
  CampaignSettings,
  DialBatchResult,
  RecordOutcomesInput,
  RecordOutcomesResult,
} from '@engine/contracts';
import { CampaignDefaults } from '@engine/contracts';

/** What the workflow asked the stand-ins for, in order, with the run that asked. */
export interface StandInLogEntry {
  what: 'dial' | 'record' | 'status';
  at: number;
  status?: string;
  reason?: string | null;
}

/**
 * Campaign activities that do no I/O: every dial "originates" its whole allowance, every outcome
 * is settled. Tests of the workflow's control flow use them to see exactly which activity ran when
 * and to hold one (`holdRecord`) while signals arrive; the real activities are covered end to end.
 */
export interface StandInActivities {
  activities: CampaignActivities;
  log: StandInLogEntry[];
  /** Attempt ids dialed so far, oldest first. */
  dialed: string[];
  /**
   * Holds the next `recordCallOutcomes` until the returned `release` is called; `entered` resolves
   * once the workflow is waiting on it.
   */
  holdRecord(): { entered: Promise<void>; release: () => void };
}

export function voiceSettings(
  campaignId: string,
  overrides: Partial<CampaignSettings> = {},
): CampaignSettings {
  return {
    ...CampaignDefaults,
    campaignId,
    customerId: `customer-${campaignId}`,
    channel: 'voice',
    callsPerSecond: 5,
    voicemailDropUrl: null,
    callerIds: null,
    message: null,
    templateFallbacks: {},
    ...overrides,
  };
}

export function standInActivities(settings: CampaignSettings): StandInActivities {
  const log: StandInLogEntry[] = [];
  const dialed: string[] = [];
  let hold: { entered: () => void; released: Promise<void> } | null = null;

  const activities: CampaignActivities = {
    loadCampaignSettings: async () => settings,
    applyCampaignStatus: async (input) => {
      log.push({ what: 'status', at: Date.now(), status: input.status, reason: input.reason ?? null });
    },
    dialNextBatch: async (input): Promise<DialBatchResult> => {
      log.push({ what: 'dial', at: Date.now() });
      const calls = Array.from({ length: input.limit }, () => {
        const seq = dialed.length + 1;
        const attemptId = `${settings.campaignId}-a${seq}`;
        dialed.push(attemptId);
        return { attemptId, prospectId: seq, didId: null };
      });
      const counts = {
        claimed: calls.length,
        dnc: 0,
        outsideWindow: 0,
        poolFull: 0,
        noDid: 0,
        originateFailed: 0,
      };
      return { dialed: calls, settled: 0, counts, noDids: false, hasQueued: true, nextDueAt: null };
    },
    recordCallOutcomes: async (input: RecordOutcomesInput): Promise<RecordOutcomesResult> => {
      log.push({ what: 'record', at: Date.now() });
      const current = hold;
      if (current) {
        hold = null;
        current.entered();
        await current.released;
      }
      return {
        settledAttemptIds: input.outcomes.map((o) => o.attemptId),
        earliestRequeueAt: null,
        unknownAttemptIds: [],
      };
    },
    resolveStaleAttempts: async () => ({ resolved: [], stillRunning: [] }),
    cancelQueuedProspects: async () => 0,
    cancelQueuedCalls: async () => [],
    countUsableDids: async () => 1,
    checkAgentAvailable: async () => true,
    finalizeCampaign: async () => ({ complete: false, counts: {}, orphanAttempts: [], requeued: 0 }),
    publishCampaignStats: async () => {},
    sendNextSms: async () => {
      throw new Error('a voice campaign sends no SMS');
    },
    expireSmsReceipts: async () => ({ expired: 0, awaiting: 0 }),
  };

  return {
    activities,
    log,
    dialed,
    holdRecord() {
      let entered: () => void = () => {};
      let release: () => void = () => {};
      const enteredP = new Promise<void>((resolve) => (entered = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { entered, released };
      return { entered: enteredP, release };
    },
  };
}

/** Polls `probe` every 50 ms until it holds, or fails naming `what`. */
export async function waitFor(probe: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
