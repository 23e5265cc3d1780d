import type { FakeCallScript, FakeCarrierCall } from '../fake-carrier';
import type { TelnyxEventData, TelnyxWebhookSender } from './fake-telnyx-webhooks';
import { callControlId, uuid } from './fake-telnyx-wire';

/** Simulated seconds of each step of a call's life (scaled by `msPerCallSecond`). */
export const CallTimeline = {
  ring: 3,
  busyAfter: 2,
  failedAfter: 1,
  /** From the answer to AMD's verdict. */
  amdVerdict: 2,
  /** From the answer to the end of a voicemail greeting (the beep). */
  greeting: 6,
  playback: 5,
  speak: 3,
} as const;

/** One entry of `GET /v2/call_events`: `metadata` holds the raw webhook's `data`. */
export interface ListedCallEvent {
  record_type: 'call_event';
  call_leg_id: string;
  call_session_id: string;
  event_timestamp: string;
  name: string;
  type: 'webhook' | 'command';
  metadata: Record<string, unknown>;
}

/**
 * One call's life at the fake carrier: its timers, its events (posted in order to the dial's
 * `webhook_url` and kept for the call-event log) and its simulated clock, which runs
 * `1000 / msPerCallSecond` times faster than the wall clock from the moment the call was created,
 * so that event times (and the durations derived from them) are in simulated seconds.
 */
export class FakeTelnyxCall {
  readonly legId = uuid();
  readonly sessionId = uuid();
  readonly events: ListedCallEvent[] = [];
  readonly commandIds = new Set<string>();
  clientState: string | undefined;
  answeredAtSec: number | undefined;
  finalDelivered = false;
  private readonly wallStart = Date.now();
  private readonly timers: NodeJS.Timeout[] = [];
  private lastSec = 0;
  private deliveries: Promise<unknown> = Promise.resolve();

  constructor(
    readonly record: FakeCarrierCall,
    readonly connectionId: string,
    private readonly webhookUrl: string | undefined,
    private readonly sender: TelnyxWebhookSender,
    private readonly msPerCallSecond: number,
  ) {
    this.clientState =
      typeof record.request['client_state'] === 'string' ? record.request['client_state'] : undefined;
  }

  static create(
    request: Record<string, unknown>,
    script: FakeCallScript,
    sender: TelnyxWebhookSender,
    msPerCallSecond: number,
  ): FakeTelnyxCall {
    const record: FakeCarrierCall = {
      id: callControlId(),
      to: String(request['to']),
      from: String(request['from']),
      createdAt: new Date(),
      request,
      state: 'queued',
      script,
      laterDocuments: [],
      commands: [],
      voicemailDropped: false,
    };
    const url = typeof request['webhook_url'] === 'string' ? request['webhook_url'] : undefined;
    return new FakeTelnyxCall(record, String(request['connection_id']), url, sender, msPerCallSecond);
  }

  get ended(): boolean {
    return this.record.state === 'completed';
  }

  /** The simulated time `sec` simulated seconds after the call was created. */
  simTime(sec: number): Date {
    return new Date(this.record.createdAt.getTime() + sec * 1000);
  }

  /**
   * The simulated time of a command's effects: that of the call's latest event, the one the
   * command answers. The wall-clock round trip to the engine is not simulated time (scaled, a
   * few milliseconds would be seconds of talk), so durations stay exact whatever the machine load.
   */
  nowSec(): number {
    return this.lastSec;
  }

  /** Runs `step` at simulated second `sec` (unless the call has ended by then). */
  at(sec: number, step: (sec: number) => void): void {
    const delay = Math.max(0, sec * this.msPerCallSecond - (Date.now() - this.wallStart));
    this.timers.push(
      setTimeout(() => {
        if (!this.ended) step(sec);
      }, delay),
    );
  }

  /** Emits `eventType` at simulated second `sec`: logged, then posted after the earlier ones. */
  emit(eventType: string, sec: number, extra: Record<string, unknown> = {}): TelnyxEventData {
    this.lastSec = Math.max(this.lastSec, sec);
    const data = this.sender.event(eventType, this.simTime(sec), {
      call_control_id: this.record.id,
      call_leg_id: this.legId,
      call_session_id: this.sessionId,
      connection_id: this.connectionId,
      client_state: this.clientState ?? null,
      from: this.record.from,
      to: this.record.to,
      direction: 'outgoing',
      ...extra,
    });
    this.events.push({
      record_type: 'call_event',
      call_leg_id: this.legId,
      call_session_id: this.sessionId,
      event_timestamp: data.occurred_at,
      name: eventType,
      type: 'webhook',
      metadata: { ...data },
    });
    const url = this.webhookUrl;
    if (url) this.deliveries = this.deliveries.then(() => this.sender.post(url, data));
    return data;
  }

  /** Ends the call: `call.hangup` with the cause, and no further scheduled step. */
  hangup(sec: number, cause: string, source: 'caller' | 'callee' | 'unknown', sipCause: string): void {
    if (this.ended) return;
    for (const timer of this.timers) clearTimeout(timer);
    this.record.state = 'completed';
    this.emit('call.hangup', sec, {
      hangup_cause: cause,
      hangup_source: source,
      sip_hangup_cause: sipCause,
      start_time: this.record.createdAt.toISOString(),
      state: 'hangup',
    });
    void this.deliveries.then(() => {
      this.finalDelivered = true;
    });
  }

  /** Stops every timer (the fake is closing). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }
}
