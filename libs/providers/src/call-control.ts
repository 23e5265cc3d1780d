import type { CallDocumentUrls, CallEvent, CallPlan } from './voice-provider';

/** A document the carrier fetches (TwiML, Plivo XML) or an acknowledgement it expects. */
export interface CarrierDocument {
  contentType: string;
  body: string;
}

/** What the engine did on a live call in answer to an event. */
export interface CallReaction {
  /** The voicemail recording is being played (the attempt gets `voicemail_dropped`). */
  voicemailDropped?: boolean;
  /** Commands sent to the carrier, for logs and tests (e.g. `playback_start`, `hangup`, `update`). */
  commands?: string[];
}

/**
 * Acting on a live call. The engine's webhook handler calls `respond` for every non-final event
 * with the attempt's plan; each carrier does what it needs: Twilio updates the call with TwiML on
 * the beep, Plivo transfers it to the voicemail document, Telnyx sends call-control commands
 * (stream or speak or transfer on answer, playback on the beep, hangup when playback ends).
 */
export interface CallControl {
  /** Reacts to a live call event. Idempotent per event: carriers deliver webhooks at least once. */
  respond(
    event: Exclude<CallEvent, { kind: 'completed' }>,
    plan: CallPlan,
    urls: CallDocumentUrls,
  ): Promise<CallReaction>;

  /**
   * The document for an answered call (`answer`) or a voicemail drop (`voicemail`): TwiML for
   * Twilio, Plivo XML for Plivo; `undefined` for carriers driven by commands (Telnyx, simulator).
   */
  answerDocument(plan: CallPlan, purpose: 'answer' | 'voicemail'): CarrierDocument | undefined;

  /** What to answer an inbound-SMS webhook with (Twilio expects TwiML); `undefined`: JSON. */
  inboundSmsAcknowledgement(): CarrierDocument | undefined;
}

/** The numbers a carrier account owns, for `POST /api/carrier-accounts/:id/sync-dids`. */
export interface NumberInventory {
  /** E.164 numbers the account owns that can place calls or send texts. */
  listOwnedNumbers(): Promise<string[]>;
}
