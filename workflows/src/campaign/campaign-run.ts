import { condition, upsertSearchAttributes } from '@temporalio/workflow';
import type {
  ApplyStatusInput,
  CampaignRunStatus,
  CampaignSettings,
  CampaignWorkflowResult,
} from '@engine/contracts';
import { CampaignStatusKey } from '@engine/contracts';
import type { DialPacing } from '@engine/domain';
import { dialPacing } from '@engine/domain';
import { campaignActivities as acts } from './campaign-activities';
import type { CampaignState } from './campaign-state';

const STATS_INTERVAL_MS = 10_000;

/**
 * One run of a campaign: its settings, its state and the few primitives every step of the loop
 * shares (changing the status, waiting, publishing stats). The steps themselves live in their own
 * files (control, outcomes, voice, SMS) and take the run as their argument.
 */
export class CampaignRun {
  readonly pacing: DialPacing;
  readonly callbackTimeoutMs: number;

  constructor(
    readonly settings: CampaignSettings,
    readonly state: CampaignState,
  ) {
    this.pacing = dialPacing(settings.callsPerSecond);
    this.callbackTimeoutMs = settings.callbackTimeoutSeconds * 1000;
    state.pacing = {
      callsPerSecond: this.pacing.callsPerSecond,
      tickMs: this.pacing.tickMs,
      batchSize: this.pacing.batchSize,
    };
  }

  /**
   * The workflow owns the campaign's status: it writes PostgreSQL and publishes the event (through
   * the activity, idempotent on the change id), then the `CampaignStatus` search attribute.
   */
  async changeStatus(
    status: CampaignRunStatus,
    event: ApplyStatusInput['event'],
    reason: string | null = null,
    auto = false,
    detail?: string,
  ): Promise<void> {
    const { state, settings } = this;
    state.statusSeq += 1;
    await acts.applyCampaignStatus({
      settings,
      status,
      reason,
      auto,
      event,
      ...(detail === undefined ? {} : { detail }),
      changeId: `${settings.campaignId}:status:${state.statusSeq}`,
    });
    state.status = status;
    state.pauseReason = status === 'paused' ? reason : null;
    upsertSearchAttributes([{ key: CampaignStatusKey, value: status }]);
  }

  /** Pacing starts over from now: what was not dialed while waiting is not made up in a burst. */
  restartPace(): void {
    this.state.paceAnchorMs = Date.now();
    this.state.dialedSinceAnchor = 0;
    this.state.tickAtMs = Date.now();
  }

  /**
   * Sleeps on a durable timer until `untilMs` (or indefinitely), waking early for control signals
   * and, unless this is the short wait between two paced ticks, for call outcomes to record. A
   * call due for its callback timeout also ends the wait.
   */
  async waitUntil(untilMs: number | null, betweenTicks = false): Promise<void> {
    const { state } = this;
    const stale = this.nextStaleCheckMs();
    const target = untilMs === null ? stale : stale === null ? untilMs : Math.min(untilMs, stale);
    state.wake = false;
    const woken = () => state.wake || state.controlPending() || (!betweenTicks && state.pending.length > 0);
    if (woken()) return;
    if (target === null) {
      await condition(woken);
      return;
    }
    const ms = target - Date.now();
    if (ms > 0) await condition(woken, ms);
  }

  /** When the earliest call in flight reaches its callback timeout, if any is in flight. */
  nextStaleCheckMs(): number | null {
    let earliest: number | null = null;
    for (const call of this.state.inFlight.values()) {
      const due = call.dialedAtMs + this.callbackTimeoutMs;
      earliest = earliest === null ? due : Math.min(earliest, due);
    }
    return earliest;
  }

  /** `campaign.stats.updated`, at most every 10 s unless forced (a final figure). */
  async publishStats(force = false): Promise<void> {
    const { state } = this;
    const now = Date.now();
    if (!force && now - state.lastStatsAtMs < STATS_INTERVAL_MS) return;
    const seconds = Math.max(1, (now - state.lastStatsAtMs) / 1000);
    const dialRatePerSecond = (state.counters.dialed - state.dialedAtLastStats) / seconds;
    state.lastStatsAtMs = now;
    state.dialedAtLastStats = state.counters.dialed;
    await acts.publishCampaignStats({ settings: this.settings, counters: state.counters, dialRatePerSecond });
  }

  /** Marks the campaign completed and returns the workflow's result. */
  async complete(): Promise<CampaignWorkflowResult> {
    await this.changeStatus('completed', 'campaign.completed');
    await this.publishStats(true);
    return this.result('completed');
  }

  result(status: CampaignWorkflowResult['status']): CampaignWorkflowResult {
    return { campaignId: this.settings.campaignId, status, counters: this.state.counters };
  }
}
