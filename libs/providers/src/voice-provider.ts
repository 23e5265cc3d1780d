import type { CallOutcome } from './call-outcome';
import type { WebhookInput } from './webhook-input';

/** Who talks when the callee answers: the AI agent or a plain (recorded / human-bridged) flow. */
export const VoiceAgents = ['ai', 'plain'] as const;
export type VoiceAgent = (typeof VoiceAgents)[number];

/** Where a call is in its life at the carrier. */
export const CallStates = ['ringing', 'in_progress', 'completed'] as const;
export type CallState = (typeof CallStates)[number];

/**
 * What happens on the line once the call is answered, carrier-neutral. Carriers with answer
 * documents (TwiML, Plivo XML) render it with `CallControl.answerDocument`; carriers with call
 * control commands (Telnyx) act on it in `CallControl.respond`.
 */
export interface CallPlan {
  agent: VoiceAgent;
  /** `ai`: the agent server's media-stream URL (`wss://...`, `AGENT_STREAM_URL`). */
  agentStreamUrl?: string;
  /** `plain`: the text to speak when nobody is transferred to. */
  message?: string;
  /** `plain`: an E.164 number (or SIP URI) to bridge the answered call to. */
  transferTo?: string;
  /** Audio played after the beep when a machine answers; no drop when absent. */
  voicemailDropUrl?: string;
  /** Passed to the agent with the stream so it knows which call it serves. */
  attemptId: string;
  campaignId?: string;
  /**
   * The customer's own answer document (`https://`), fetched by the carrier instead of the
   * engine's (Twilio `Url`, Plivo `answer_url`). AMD and the voicemail drop still go through the
   * engine's callbacks. Telnyx Call Control fetches no documents: it refuses such a call.
   */
  answerUrl?: string;
  /** Talk time limit: the carrier hangs up this long after the answer. */
  maxDurationSeconds?: number;
  /** Record the call from the answer. */
  record?: boolean;
  /**
   * The TTS voice of a spoken message: a carrier voice name (`Polly.Joanna`, `alice`), or a
   * language (a BCP 47 tag such as `es-MX`) spoken in the carrier's default voice; see `speechVoice`.
   */
  voice?: string;
  /** Which agent flow serves the call; handed to the agent with the stream. */
  flowName?: string;
  /** The call's variables, handed to the agent with the stream. */
  variables?: Record<string, string>;
}

/** One attempt's documents at signed URLs, served by the API (`/api/voice/...`). */
export interface CallDocumentUrls {
  /** The answer document (TwiML / Plivo XML) for an answered call. */
  answerUrl: string;
  /** The voicemail-drop document: play the recording, then hang up. */
  voicemailUrl: string;
}

/** Everything a carrier needs to place one call attempt. */
export interface OriginateRequest {
  /** The engine's id of this attempt. Carriers that keep a client reference get it (Telnyx `client_state`). */
  attemptId: string;
  /** Callee, E.164. */
  to: string;
  /** Caller ID (the DID), E.164. */
  from: string;
  /**
   * Where the carrier posts the call's events (progress, AMD, final status). It names the attempt
   * (`?attempt=<id>`), so a carrier that signs the URL vouches for which attempt it is about.
   */
  callbackUrl: string;
  /** The attempt's answer and voicemail documents at signed URLs (carriers that fetch documents). */
  documents?: CallDocumentUrls;
  /** Run answering-machine detection (needed to tell `voicemail` from a person). */
  amd: boolean;
  /** What happens once answered: agent, message or transfer, voicemail drop. */
  plan: CallPlan;
  /** For carrier-side reporting and tagging only. */
  campaignId?: string;
}

/** The carrier accepted the call; the outcome follows later by webhook (or `findCall`). */
export interface OriginateResult {
  providerCallId: string;
  /** ISO 8601. */
  acceptedAt: string;
}

/**
 * How to recognise an attempt's call at a carrier that may not know our attempt id: by the
 * numbers and a time window. `placedAfter` is when the attempt was recorded, before the originate
 * request left, so the call (if any) was created at or after it.
 */
export interface CallProbe {
  attemptId: string;
  to: string;
  from: string;
  placedAfter: Date;
  /** Set when the originate answer arrived and was recorded (then the lookup is by this id). */
  providerCallId?: string;
}

/** The carrier's view of a call, as `findCall` returns it. */
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
  /**
   * The carrier's id of this webhook delivery (Telnyx event id, Plivo nonce, Twilio idempotency
   * token or signature) where it has one: a second delivery with the same id is a replay.
   */
  deliveryId?: string;
}

/**
 * One verified call webhook. Only `completed` ends the call; the others let the engine act on the
 * live call (voicemail drop, agent bridge on carriers without answer documents).
 */
export type CallEvent =
  | { kind: 'completed'; update: CallStatusUpdate }
  | {
      kind: 'answered' | 'machine_detected' | 'beep' | 'playback_ended' | 'progress';
      provider: string;
      providerCallId: string;
      attemptId: string;
      /** AMD's verdict where the event carries one. */
      answeredBy?: 'human' | 'machine' | 'unknown';
      occurredAt: string;
      /** See {@link CallStatusUpdate.deliveryId}. */
      deliveryId?: string;
    };

/**
 * A telephony carrier as the engine uses it. Workflows and activities depend on this interface
 * only, so a real carrier fits in by implementing it, without changes elsewhere.
 *
 * Error contract of `originate` and `findCall`: they throw `ProviderRequestError`. With
 * `retryable: false` the carrier refused the request and placed no call. With `retryable: true`
 * the call may or may not exist (unless `reason` is `rate_limited`: then it was not placed).
 *
 * **At most one call per attempt.** `originate` is idempotent on the attempt id only where
 * `originateIdempotent` is true (the simulator). Elsewhere an attempt whose originate answer was
 * lost is resolved by `findCall`, asked no sooner than `findSettleMs` after the request (a call
 * list is eventually consistent): found, it is the attempt's call; not found, it was never placed.
 */
export interface VoiceProvider {
  /** Stable provider name; stored with attempts and used to route webhooks. */
  readonly name: string;
  /** True when originating the same attempt id twice returns the first call (no second call). */
  readonly originateIdempotent: boolean;
  /** How long after an originate request its call is sure to show in `findCall`. */
  readonly findSettleMs: number;

  /** Places the call. Not idempotent unless {@link originateIdempotent}: never call it blind twice. */
  originate(req: OriginateRequest): Promise<OriginateResult>;

  /**
   * Finds the call placed for an attempt. `undefined` means the carrier has no such call, so it
   * was never originated and may be originated now (given {@link findSettleMs} has passed).
   */
  findCall(probe: CallProbe): Promise<ProviderCallStatus | undefined>;

  /**
   * Verifies a call webhook with the carrier's own scheme and parses it. Pure (no I/O).
   *
   * @throws WebhookSignatureError (answer 401) or WebhookPayloadError (answer 400).
   */
  parseCallEvent(input: WebhookInput): CallEvent;
}
