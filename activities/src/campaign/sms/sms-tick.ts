import type { EngineEvent, SmsTickInput, SmsTickResult } from '@engine/contracts';
import type { ClaimedProspect } from '@engine/db';
import {
  claimEligibleProspects,
  countAwaitingReceipts,
  countUsableDids,
  findClaimed,
  nextDueAt,
} from '@engine/db';
import type { CampaignActivityDeps } from '../campaign-deps';
import { dncEvent } from '../dnc-event';

/** What one SMS tick works with: its campaign, its clock, and how it reports back. */
export class SmsTick {
  readonly settings: SmsTickInput['settings'];

  constructor(
    readonly deps: CampaignActivityDeps,
    readonly input: SmsTickInput,
    readonly now: Date,
  ) {
    this.settings = input.settings;
  }

  /** The prospect of this tick: the one this tick's token claimed before (a retry), or the next due. */
  async claim(): Promise<ClaimedProspect | undefined> {
    const { db } = this.deps;
    const { settings } = this;
    const retried = await findClaimed(db, settings.campaignId, this.input.batchToken);
    const claimed =
      retried.length > 0
        ? retried
        : await claimEligibleProspects(db, {
            campaignId: settings.campaignId,
            customerId: settings.customerId,
            limit: 1,
            now: this.now,
            claimAs: 'sending',
            claimToken: this.input.batchToken,
          });
    return claimed[0];
  }

  /** DIDs that could send for this campaign now (the drip's tick delay divides the gap by it). */
  usableDids(): Promise<number> {
    const { deps, settings } = this;
    return countUsableDids(deps.db, settings.customerId, settings.minDidScore, settings.callerIds, {
      now: this.now,
      ...(deps.didCaps ? { caps: deps.didCaps } : {}),
    });
  }

  publish(event: EngineEvent, dedupeKey: string): Promise<unknown> {
    return this.deps.events.publish(event, dedupeKey);
  }

  publishDnc(prospect: { id: number; phone: string }): Promise<unknown> {
    const { event, dedupeKey } = dncEvent(this.settings, prospect);
    return this.publish(event, dedupeKey);
  }

  /** The tick's answer, with what the workflow needs to schedule the next one. */
  async finish(outcome: SmsTickResult['outcome'], sent = false, noDids = false): Promise<SmsTickResult> {
    const { db } = this.deps;
    const due = await nextDueAt(db, this.settings.campaignId);
    return {
      sent,
      outcome,
      usableDids: await this.usableDids(),
      noDids,
      hasQueued: due !== undefined,
      nextDueAt: due ? due.toISOString() : null,
      awaitingReceipts: await countAwaitingReceipts(db, this.settings.campaignId),
    };
  }
}
