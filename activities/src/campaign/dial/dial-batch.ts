import type { DialBatchInput, DialBatchResult, EngineEvent } from '@engine/contracts';
import type { CallAttempt, ClaimedProspect, Did } from '@engine/db';
import type { ContactWindow } from '@engine/domain';
import type { CarrierHandle } from '@engine/providers';

/** A claimed prospect going back to the queue, due at `at`. */
export interface Requeue {
  id: number;
  at: Date;
  /** The claim charged an attempt that was not used: give it back. */
  refundAttempt: boolean;
  reason: string;
}

/** An event to publish once the batch's writes are done, with its dedupe key. */
export interface PendingEvent {
  event: EngineEvent;
  dedupeKey: string;
}

/** A prospect with a channel lease and a caller ID, about to be (or already) recorded and dialed. */
export interface ReadyCall {
  prospect: ClaimedProspect;
  attemptId: string;
  attemptNumber: number;
  did: Pick<Did, 'id' | 'number' | 'carrier_account_id'>;
  /** The carrier account the DID belongs to, and its adapter: the call goes through it. */
  carrier: CarrierHandle;
  /** An attempt row already exists (a retried batch, or a reused not-originated attempt). */
  existing: CallAttempt | undefined;
  /** When the recipient may be contacted (federal, state, holiday and campaign rules). */
  window: ContactWindow;
}

/** What `campaign.call.initiated` tells of a call the carrier accepted. */
export type InitiatedCall = Pick<ReadyCall, 'attemptId' | 'attemptNumber'> & {
  prospect: Pick<ClaimedProspect, 'id' | 'phone'>;
  did: { id: string; number: string };
};

/**
 * What one dial tick is building up: the result the workflow gets, the prospects going back to
 * the queue, the contacts to release and the events to publish. Each step of the tick adds to it;
 * the last step writes the requeues and releases and publishes the events.
 */
export class DialBatch {
  readonly result: DialBatchResult = {
    dialed: [],
    settled: 0,
    counts: {
      claimed: 0,
      dnc: 0,
      outsideWindow: 0,
      poolFull: 0,
      noDid: 0,
      originateFailed: 0,
      rateLimited: 0,
      capped: 0,
    },
    noDids: false,
    hasQueued: false,
    nextDueAt: null,
    channelWait: null,
  };
  readonly requeues: Requeue[] = [];
  readonly events: PendingEvent[] = [];
  /** Attempts the carrier never got: their contacts leave the ledger (they do not count). */
  readonly releasedContacts: string[] = [];

  constructor(
    readonly settings: DialBatchInput['settings'],
    readonly now: Date,
  ) {}

  requeue(prospect: { id: number }, at: Date, reason: string, refundAttempt = true): void {
    this.requeues.push({ id: prospect.id, at, refundAttempt, reason });
  }

  /** The attempt never reached the carrier: its contact, if reserved, is given back. */
  releaseContact(attemptId: string): void {
    this.releasedContacts.push(attemptId);
  }

  event(event: PendingEvent): void {
    this.events.push(event);
  }

  /** The event shared by every call outcome this tick settles itself (refused by the carrier). */
  callFailed(call: ReadyCall, error: string): PendingEvent {
    return {
      event: {
        type: 'campaign.call.failed',
        customerId: this.settings.customerId,
        campaignId: this.settings.campaignId,
        payload: {
          prospectId: call.prospect.id,
          attemptId: call.attemptId,
          didId: call.did.id,
          durationSeconds: 0,
          error,
        },
      },
      dedupeKey: `outcome:${call.attemptId}`,
    };
  }

  callInitiated(call: InitiatedCall): PendingEvent {
    return {
      event: {
        type: 'campaign.call.initiated',
        customerId: this.settings.customerId,
        campaignId: this.settings.campaignId,
        payload: {
          prospectId: call.prospect.id,
          attemptId: call.attemptId,
          attempt: call.attemptNumber,
          to: call.prospect.phone,
          from: call.did.number,
          didId: call.did.id,
        },
      },
      dedupeKey: `initiated:${call.attemptId}`,
    };
  }
}
