import type { FakeCallScript, FakeCarrierCall } from '../fake-carrier';
import type { TelnyxWebhookSender } from './fake-telnyx-webhooks';
import type { TelnyxErrorAnswer } from './fake-telnyx-wire';
import { CallTimeline, FakeTelnyxCall } from './fake-telnyx-call';
import { E164, TelnyxErrors } from './fake-telnyx-wire';

/** An answer of the fake's API: a status and a JSON body. */
export interface FakeAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What the fake checks a dial against, besides the script. */
export interface DialRules {
  connectionId: string;
  ownedNumbers: readonly string[];
  geoBlockedPrefixes: readonly string[];
}

const DEFAULT_TALK_SECONDS = { human: 30, machine: 20 } as const;

/** The calls of the fake account: dialing, each call's scripted life, commands, lookups. */
export class FakeTelnyxCalls {
  readonly records: FakeCarrierCall[] = [];
  readonly createTimes: number[] = [];
  private readonly byId = new Map<string, FakeTelnyxCall>();

  constructor(
    private readonly sender: TelnyxWebhookSender,
    private readonly msPerCallSecond: number,
    private readonly rules: DialRules,
  ) {}

  /** Why Telnyx would refuse this dial, if it would. */
  refusal(body: Record<string, unknown>, script: FakeCallScript): TelnyxErrorAnswer | undefined {
    for (const field of ['connection_id', 'to', 'from']) {
      if (typeof body[field] !== 'string' || body[field] === '') return TelnyxErrors.missing(field);
    }
    if (body['connection_id'] !== this.rules.connectionId) return TelnyxErrors.badConnection();
    for (const field of ['to', 'from'])
      if (!E164.test(String(body[field]))) return TelnyxErrors.notE164(field);
    const from = String(body['from']);
    if (this.rules.ownedNumbers.length > 0 && !this.rules.ownedNumbers.includes(from)) {
      return TelnyxErrors.callerIdInvalid();
    }
    if (this.rules.geoBlockedPrefixes.some((p) => String(body['to']).startsWith(p))) {
      return TelnyxErrors.destinationNotWhitelisted();
    }
    if (script.answer === 'invalid_number') return TelnyxErrors.invalidNumber('to');
    return undefined;
  }

  /** Places the call (or finds the one with the same `command_id`) and starts its life. */
  dial(body: Record<string, unknown>, script: FakeCallScript): FakeAnswer {
    const commandId = typeof body['command_id'] === 'string' ? body['command_id'] : undefined;
    const repeated = commandId
      ? [...this.byId.values()].find((c) => c.record.request['command_id'] === commandId)
      : undefined;
    if (repeated) return { status: 200, body: { data: this.callData(repeated) } };
    const call = FakeTelnyxCall.create(body, script, this.sender, this.msPerCallSecond);
    this.records.push(call.record);
    this.byId.set(call.record.id, call);
    this.createTimes.push(Date.now());
    this.live(call, body);
    return { status: 200, body: { data: this.callData(call) } };
  }

  private callData(call: FakeTelnyxCall): Record<string, unknown> {
    return {
      record_type: 'call',
      call_control_id: call.record.id,
      call_leg_id: call.legId,
      call_session_id: call.sessionId,
      is_alive: !call.ended,
      client_state: call.clientState ?? null,
      start_time: call.record.createdAt.toISOString(),
    };
  }

  /** Schedules the scripted life: ringing, then answer (and AMD) or a failure. */
  private live(call: FakeTelnyxCall, body: Record<string, unknown>): void {
    const { answer } = call.record.script;
    call.at(0, (s) => {
      call.record.state = 'ringing';
      call.emit('call.initiated', s, { state: 'bridging', start_time: call.record.createdAt.toISOString() });
    });
    if (answer === 'busy')
      call.at(CallTimeline.busyAfter, (s) => call.hangup(s, 'user_busy', 'callee', '486'));
    if (answer === 'failed')
      call.at(CallTimeline.failedAfter, (s) => call.hangup(s, 'unspecified', 'unknown', '503'));
    if (answer === 'no_answer') {
      const timeout = typeof body['timeout_secs'] === 'number' ? body['timeout_secs'] : 30;
      call.at(timeout, (s) => call.hangup(s, 'timeout', 'unknown', '487'));
    }
    if (answer !== 'human' && answer !== 'machine') return;
    const talk = call.record.script.durationSeconds ?? DEFAULT_TALK_SECONDS[answer];
    const amd =
      typeof body['answering_machine_detection'] === 'string'
        ? body['answering_machine_detection']
        : 'disabled';
    const ring = CallTimeline.ring;
    call.at(ring, (s) => {
      call.record.state = 'in_progress';
      call.answeredAtSec = s;
      call.emit('call.answered', s, { state: 'answered', start_time: call.record.createdAt.toISOString() });
      if (typeof body['stream_url'] === 'string')
        call.emit('streaming.started', s, { stream_url: body['stream_url'] });
    });
    if (amd !== 'disabled') {
      const premium = amd === 'premium' ? '.premium' : '';
      const verdict = answer === 'human' ? (premium ? 'human_residence' : 'human') : 'machine';
      call.at(ring + CallTimeline.amdVerdict, (s) =>
        call.emit(`call.machine${premium}.detection.ended`, s, { result: verdict }),
      );
      if (answer === 'machine') {
        call.at(ring + CallTimeline.greeting, (s) =>
          call.emit(`call.machine${premium}.greeting.ended`, s, { result: 'beep_detected' }),
        );
      }
    }
    // `time_limit_secs`: Telnyx hangs up that long after the answer, with cause `time_limit`.
    const limit = typeof body['time_limit_secs'] === 'number' ? body['time_limit_secs'] : undefined;
    if (limit !== undefined && limit < talk) {
      call.at(ring + limit, (s) => call.hangup(s, 'time_limit', 'unknown', '16'));
      return;
    }
    // The callee hangs up after the talk time; a voicemail box stops recording after its maximum.
    call.at(ring + talk, (s) => call.hangup(s, 'normal_clearing', 'callee', '16'));
  }

  /** A call-control command (`POST /v2/calls/{id}/actions/{action}`, `client_state_update`). */
  command(id: string, action: string, body: Record<string, unknown>): FakeAnswer {
    const call = this.byId.get(id);
    if (!call) return TelnyxErrors.invalidCallControlId();
    if (call.ended) return TelnyxErrors.callEnded();
    const commandId = typeof body['command_id'] === 'string' ? body['command_id'] : undefined;
    // Telnyx ignores a command whose command_id this call has already seen.
    if (commandId !== undefined && call.commandIds.has(commandId))
      return { status: 200, body: { data: { result: 'ok' } } };
    if (commandId !== undefined) call.commandIds.add(commandId);
    call.record.commands.push({ name: action, body });
    if (typeof body['client_state'] === 'string') call.clientState = body['client_state'];
    this.act(call, action, body);
    return { status: 200, body: { data: { result: 'ok' } } };
  }

  private act(call: FakeTelnyxCall, action: string, body: Record<string, unknown>): void {
    const now = call.nowSec();
    switch (action) {
      case 'hangup':
        call.hangup(now, 'normal_clearing', 'caller', '16');
        return;
      case 'playback_start': {
        const media = body['audio_url'] ?? body['media_name'];
        if (call.record.script.answer === 'machine' && media) call.record.voicemailDropped = true;
        call.emit('call.playback.started', now, { media_url: media ?? null, overlay: false });
        call.at(now + CallTimeline.playback, (s) =>
          call.emit('call.playback.ended', s, {
            media_url: media ?? null,
            overlay: false,
            status: 'completed',
          }),
        );
        return;
      }
      case 'speak':
        call.emit('call.speak.started', now);
        call.at(now + CallTimeline.speak, (s) => call.emit('call.speak.ended', s, { status: 'completed' }));
        return;
      case 'transfer':
        call.emit('call.bridged', now, { transferred_to: body['to'] ?? null });
        return;
      case 'streaming_start':
        call.emit('streaming.started', now, { stream_url: body['stream_url'] ?? null });
        return;
      default:
        return;
    }
  }

  /** `GET /v2/calls/{id}`. */
  status(id: string): FakeAnswer {
    const call = this.byId.get(id);
    return call ? { status: 200, body: { data: this.callData(call) } } : TelnyxErrors.notFound();
  }

  /** `GET /v2/connections/{id}/active_calls` items. */
  activeCalls(connectionId: string): Array<Record<string, unknown>> {
    return [...this.byId.values()]
      .filter((c) => !c.ended && c.connectionId === connectionId && c.record.state !== 'queued')
      .map((c) => ({
        record_type: 'call',
        call_control_id: c.record.id,
        call_leg_id: c.legId,
        call_session_id: c.sessionId,
        client_state: c.clientState ?? '',
        call_duration: Math.floor(c.nowSec()),
      }));
  }

  /** `GET /v2/call_events` items, filtered as Telnyx filters them. */
  callEvents(query: URLSearchParams): unknown[] {
    const gte = query.get('filter[occurred_at][gte]');
    const since = gte ? Date.parse(gte) : Number.NEGATIVE_INFINITY;
    return [...this.byId.values()]
      .filter(
        (c) =>
          (!query.get('filter[to]') || c.record.to === query.get('filter[to]')) &&
          (!query.get('filter[from]') || c.record.from === query.get('filter[from]')),
      )
      .flatMap((c) => c.events)
      .filter(
        (e) =>
          (!query.get('filter[type]') || e.type === query.get('filter[type]')) &&
          Date.parse(e.event_timestamp) >= since,
      )
      .sort((a, b) => Date.parse(a.event_timestamp) - Date.parse(b.event_timestamp));
  }

  /** True when every call has ended and its final webhook was delivered. */
  get settled(): boolean {
    return [...this.byId.values()].every((c) => c.ended && c.finalDelivered);
  }

  stop(): void {
    for (const call of this.byId.values()) call.stop();
  }
}
