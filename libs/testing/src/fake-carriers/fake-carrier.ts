/**
 * The shape every in-process carrier fake (Twilio, Telnyx, Plivo) shares, so that one set of
 * engine tests drives any of them. Each fake speaks its carrier's real wire format (paths, auth,
 * JSON or form bodies, ids) and sends webhooks signed with the carrier's own scheme.
 */

/** What happens to one call, chosen per callee by the fake's script. */
export interface FakeCallScript {
  /**
   * `human`: a person answers; `machine`: voicemail answers, AMD then hears the beep;
   * `no_answer`, `busy`, `failed`: never answered; `invalid_number`: the create request is
   * refused with the carrier's invalid-number error (no call).
   */
  answer: 'human' | 'machine' | 'no_answer' | 'busy' | 'failed' | 'invalid_number';
  /** Talk time the carrier reports (simulated seconds); default 30 for `human`, 20 for `machine`. */
  durationSeconds?: number;
}

/** One call as the fake saw it. */
export interface FakeCarrierCall {
  /** The carrier's call id (Twilio `CA…`, Telnyx `call_control_id`, Plivo `request_uuid`/`call_uuid`). */
  id: string;
  to: string;
  from: string;
  createdAt: Date;
  /** The create request's body as received (form fields or JSON). */
  request: Record<string, unknown>;
  state: 'queued' | 'ringing' | 'in_progress' | 'completed';
  script: FakeCallScript;
  /** The answer document the fake fetched from the answer URL (TwiML, Plivo XML), if any. */
  answerDocument?: string;
  /** Documents installed later (Twilio call update TwiML, Plivo transfer target's XML). */
  laterDocuments: string[];
  /** Call-control commands and updates received, in order (`playback_start`, `hangup`, `update`, `transfer`). */
  commands: Array<{ name: string; body: unknown }>;
  /** The voicemail recording was played (by a command or a document). */
  voicemailDropped: boolean;
}

/** One outbound message as the fake saw it. */
export interface FakeCarrierMessage {
  id: string;
  to: string;
  from: string;
  body: string;
  createdAt: Date;
  request: Record<string, unknown>;
  status: 'queued' | 'sent' | 'delivered' | 'failed';
}

/** One webhook the fake sent, with the answer it got: tests replay or alter it. */
export interface FakeWebhookDelivery {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  status: number;
}

export interface FakeCarrierOptions {
  /** Wall-clock milliseconds per simulated call second (webhook pacing); default 5. */
  msPerCallSecond?: number;
  /** Who answers each callee; default a person for 30 s. */
  script?: (to: string) => FakeCallScript;
  /** Numbers the account owns (for `listOwnedNumbers` / sync-dids). */
  ownedNumbers?: string[];
}

export interface FakeCarrier {
  readonly provider: 'twilio' | 'telnyx' | 'plivo';
  /** The API base URL to configure the adapter with. */
  readonly baseUrl: string;
  /** Credentials the fake accepts (and signs webhooks with), as the adapter's credentials schema wants them. */
  readonly credentials: Record<string, string>;
  readonly calls: readonly FakeCarrierCall[];
  readonly messages: readonly FakeCarrierMessage[];
  /** Every webhook sent, in order. */
  readonly deliveries: readonly FakeWebhookDelivery[];
  /** `Date.now()` of every call-create request the fake accepted (rate-limit checks). */
  readonly createTimes: readonly number[];
  /** Replaces the script. */
  script(fn: (to: string) => FakeCallScript): void;
  /** The next `count` create requests (calls or messages) answer `status` (429, 500, 503) and place nothing. */
  failNext(count: number, status: number): void;
  /** The next call create places the call, then drops the connection without answering. */
  loseNextAnswer(): void;
  /** Posts a signed inbound SMS to `url` as the carrier would; resolves to the HTTP status. */
  sendInboundSms(url: string, sms: { from: string; to: string; body: string }): Promise<number>;
  /** Sends a recorded delivery again, verbatim (replay), or with `body` altered; resolves to the status. */
  resend(delivery: FakeWebhookDelivery, alter?: (body: string) => string): Promise<number>;
  /** Waits until every call placed so far is completed and its final webhook delivered. */
  settled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}
