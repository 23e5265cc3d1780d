import type { CallOutcome } from './call-outcome';
import type { WebhookInput } from './webhook-input';

/** Who talks when the callee answers: the AI agent or a plain (recorded / human-bridged) flow. */
export const VoiceAgents = ['ai', 'plain'] as const;
export type VoiceAgent = (typeof VoiceAgents)[number];

/** Where a call is in its life at the carrier. */
export const CallStates = ['ringing', 'in_progress', 'completed'] as const;
export type CallState = (typeof CallStates)[number];

/** Everything a carrier needs to place one call attempt. */
export interface OriginateRequest {
  /**
   * The engine's id of this attempt and the carrier's idempotency key: originating the same
   * attempt id again must return the existing call, never place a second one.
   */
  attemptId: string;
  /** Callee, E.164. */
  to: string;
  /** Caller ID (the DID), E.164. */
  from: string;
  /** Where the carrier posts the final call-status webhook. */
  callbackUrl: string;
  agent: VoiceAgent;
  /** Run answering-machine detection (needed to tell `voicemail` from a person). */
  amd: boolean;
  /** Audio to play when a voicemail answers; no drop when absent. */
  voicemailDropUrl?: string;
  /** For carrier-side reporting and tagging only. */
  campaignId?: string;
}

/** The carrier accepted the call; the outcome follows later by webhook (or `lookupCall`). */
export interface OriginateResult {
  providerCallId: string;
  /** ISO 8601. */
  acceptedAt: string;
}

/** The carrier's view of a call, as `lookupCall` returns it. */
export interface ProviderCallStatus {
  providerCallId: string;
  attemptId: string;
  state: CallState;
  /** Set once `state` is `completed`. */
  outcome?: CallOutcome;
  /** Talk time in seconds; set once `state` is `completed`. */
  durationSeconds?: number;
  /** The carrier or the callee's network labelled the call as spam; set once `completed`. */
  spamFlagged?: boolean;
}

/** A verified, parsed call-status webhook: the call's final outcome. */
export interface CallStatusUpdate {
  /** The provider's `name`. */
  provider: string;
  providerCallId: string;
  attemptId: string;
  outcome: CallOutcome;
  /** Talk time in seconds (0 when nobody answered). */
  durationSeconds: number;
  spamFlagged: boolean;
  /** When the call ended, ISO 8601 (the carrier's clock). */
  occurredAt: string;
}

/**
 * A telephony carrier as the engine uses it. Workflows and activities depend on this interface
 * only, so a real carrier (Twilio, Telnyx, ...) fits in by implementing it, without changes
 * elsewhere.
 *
 * Error contract of `originate` and `lookupCall`: they throw `ProviderRequestError`. With
 * `retryable: false` the carrier refused the request and placed no call. With `retryable: true`
 * the call may or may not exist: resolve it with `lookupCall(attemptId)` before originating again.
 */
export interface VoiceProvider {
  /** Stable provider name; stored with attempts and used to route webhooks. */
  readonly name: string;

  /** Places the call. Idempotent on `req.attemptId`. */
  originate(req: OriginateRequest): Promise<OriginateResult>;

  /**
   * Resolves an attempt whose originate answer was lost. `undefined` means the carrier has no
   * call for this attempt id, so it was never originated and may be originated now.
   */
  lookupCall(attemptId: string): Promise<ProviderCallStatus | undefined>;

  /**
   * Verifies the signature of a call-status webhook and parses it. Pure (no I/O).
   *
   * @throws WebhookSignatureError (answer 401) or WebhookPayloadError (answer 400).
   */
  parseCallStatusWebhook(input: WebhookInput): CallStatusUpdate;
}
