import { randomUUID } from 'node:crypto';
import type { FakeCallScript, FakeCarrierCall } from '../fake-carrier';
import type { FakePlivoContext } from './fake-plivo-context';
import { digits, plivoTime } from './fake-plivo-context';

/** Final `CallStatus` values of Plivo's hangup callback. */
type HangupStatus = 'completed' | 'busy' | 'failed' | 'no-answer' | 'cancel';

/** Plivo's hangup cause (FreeSWITCH name, Plivo's name and code) and CDR `call_state` per status. */
const HANGUPS: Record<HangupStatus, { cause: string; name: string; code: string; cdrState: string }> = {
  completed: { cause: 'NORMAL_CLEARING', name: 'Normal Hangup', code: '4000', cdrState: 'ANSWER' },
  busy: { cause: 'USER_BUSY', name: 'Busy Line', code: '3010', cdrState: 'BUSY' },
  'no-answer': { cause: 'NO_ANSWER', name: 'No Answer', code: '3000', cdrState: 'NO_ANSWER' },
  failed: { cause: 'NETWORK_OUT_OF_ORDER', name: 'Network Error', code: '2000', cdrState: 'FAILED' },
  cancel: { cause: 'ORIGINATOR_CANCEL', name: 'Cancelled', code: '3020', cdrState: 'CANCEL' },
};

/** Simulated seconds from the answer to AMD's verdict. */
const AMD_SECONDS = 2;

/** A call as the Plivo fake keeps it: the shared shape plus Plivo's ids and timings. */
export interface FakePlivoCall extends FakeCarrierCall {
  /** Assigned when dialing starts (the `CallUUID` of callbacks and live-call commands). */
  callUuid: string;
  dialedAt?: Date;
  answeredAt?: Date;
  endedAt?: Date;
  hangupStatus?: HangupStatus;
  talkSeconds: number;
  /** The hangup callback was delivered (or there was no hangup URL). */
  finalDelivered: boolean;
  endTimer?: NodeJS.Timeout;
}

function str(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Drives calls through their life on timers and posts Plivo's callbacks. */
export class FakePlivoCalls {
  readonly calls: FakePlivoCall[] = [];

  constructor(private readonly ctx: FakePlivoContext) {}

  /** Accepts a create request: the call is queued, then dials one simulated second later. */
  place(body: Record<string, unknown>, to: string, from: string, script: FakeCallScript): FakePlivoCall {
    const call: FakePlivoCall = {
      id: randomUUID(),
      callUuid: randomUUID(),
      to,
      from,
      createdAt: new Date(),
      request: body,
      state: 'queued',
      script,
      laterDocuments: [],
      commands: [],
      voicemailDropped: false,
      talkSeconds: 0,
      finalDelivered: false,
    };
    this.calls.push(call);
    this.ctx.later(1, () => this.dial(call));
    return call;
  }

  /**
   * How long the callee (person or machine) stays on the line if nothing ends the call first;
   * `time_limit` cuts it (Plivo hangs up that long after the answer).
   */
  private scriptedTalk(call: FakePlivoCall): number {
    const scripted = call.script.durationSeconds ?? (call.script.answer === 'machine' ? 20 : 30);
    const limit = Number(str(call.request, 'time_limit'));
    return limit > 0 ? Math.min(scripted, limit) : scripted;
  }

  /** `POST /Call/{uuid}/Record/`: the recording starts (the fake keeps the command only). */
  record(call: FakePlivoCall, body: Record<string, unknown>): void {
    call.commands.push({ name: 'record', body });
  }

  byCallUuid(callUuid: string): FakePlivoCall | undefined {
    return this.calls.find((c) => c.callUuid === callUuid);
  }

  /** Parameters Plivo sends with every callback of a call. */
  private baseParams(call: FakePlivoCall): Record<string, string> {
    return {
      CallUUID: call.callUuid,
      RequestUUID: call.id,
      ALegUUID: call.callUuid,
      ALegRequestUUID: call.id,
      From: digits(call.from),
      To: digits(call.to),
      Direction: 'outbound',
    };
  }

  private async dial(call: FakePlivoCall): Promise<void> {
    call.state = 'ringing';
    call.dialedAt = new Date();
    const ringUrl = str(call.request, 'ring_url');
    if (ringUrl)
      await this.ctx.deliver(ringUrl, { ...this.baseParams(call), Event: 'Ring', CallStatus: 'ringing' });
    const answer = call.script.answer;
    if (answer === 'busy' || answer === 'failed') this.ctx.later(2, () => this.finish(call, answer));
    else if (answer === 'no_answer') this.ctx.later(10, () => this.finish(call, 'no-answer'));
    else this.ctx.later(3, () => this.answer(call));
  }

  /** Answered: fetch the answer document, report AMD, then run until the callee hangs up. */
  private async answer(call: FakePlivoCall): Promise<void> {
    if (call.state === 'completed') return;
    call.state = 'in_progress';
    call.answeredAt = new Date();
    const machine = call.script.answer === 'machine';
    const talk = this.scriptedTalk(call);
    call.endTimer = this.ctx.later(talk, () => this.finish(call, 'completed', talk));
    // Plivo runs machine detection alongside the answer document.
    const amdUrl = str(call.request, 'machine_detection_url');
    if (amdUrl && str(call.request, 'machine_detection')) {
      this.ctx.later(AMD_SECONDS, async () => {
        if (call.state !== 'in_progress') return;
        await this.ctx.deliver(amdUrl, {
          ...this.baseParams(call),
          Event: 'MachineDetection',
          CallStatus: 'in-progress',
          Machine: machine ? 'true' : 'false',
          IfMachine: 'continue',
        });
      });
    }
    const answerUrl = str(call.request, 'answer_url');
    if (answerUrl) {
      const doc = await this.ctx.deliver(answerUrl, {
        ...this.baseParams(call),
        Event: 'StartApp',
        CallStatus: 'in-progress',
      });
      call.answerDocument = doc.text;
    }
  }

  /** `POST /Call/{uuid}/`: fetch the new document and run it (wait for the beep, play, hang up). */
  transfer(call: FakePlivoCall, body: Record<string, unknown>): void {
    call.commands.push({ name: 'transfer', body });
    const url = str(body, 'aleg_url');
    if (!url || call.state !== 'in_progress') return;
    this.ctx.cancel(call.endTimer);
    void this.ctx
      .deliver(url, { ...this.baseParams(call), Event: 'Transfer', CallStatus: 'in-progress' })
      .then(({ text }) => {
        call.laterDocuments.push(text);
        const beepWait = /<Wait[^>]*beep="true"/.test(text) ? 3 : 0;
        const plays = /<Play[^>]*>[^<]+<\/Play>/.test(text);
        const playSeconds = plays ? 5 : 0;
        // Talk time on the simulated clock (wall time at a few ms a second is too coarse): the
        // verdict came AMD_SECONDS after the answer, then the beep wait and the recording.
        const talk = Math.min(this.scriptedTalk(call), AMD_SECONDS + beepWait + playSeconds);
        this.ctx.later(beepWait, () => {
          if (plays && call.state === 'in_progress') call.voicemailDropped = true;
          // The recording plays, then `<Hangup/>` (or the document's end) ends the call.
          this.ctx.later(playSeconds, () => this.finish(call, 'completed', talk));
        });
      });
  }

  /** `DELETE /Call/{uuid}/`: hang up now (`cancel` when nobody had answered yet). */
  hangup(call: FakePlivoCall): void {
    call.commands.push({ name: 'hangup', body: {} });
    void this.finish(call, call.answeredAt ? 'completed' : 'cancel');
  }

  /** Ends the call and posts the hangup callback (once). */
  async finish(call: FakePlivoCall, status: HangupStatus, talkSeconds?: number): Promise<void> {
    if (call.state === 'completed') return;
    this.ctx.cancel(call.endTimer);
    call.state = 'completed';
    call.endedAt = new Date();
    call.hangupStatus = status;
    const elapsed = call.answeredAt
      ? Math.min(this.scriptedTalk(call), this.ctx.callSecondsSince(call.answeredAt))
      : 0;
    call.talkSeconds = status === 'completed' ? (talkSeconds ?? elapsed) : 0;
    const hangupUrl = str(call.request, 'hangup_url');
    if (hangupUrl) {
      const h = HANGUPS[status];
      await this.ctx.deliver(hangupUrl, {
        ...this.baseParams(call),
        Event: 'Hangup',
        CallStatus: status,
        HangupCause: h.cause,
        HangupCauseName: h.name,
        HangupCauseCode: h.code,
        HangupSource: status === 'completed' ? 'Callee' : 'Carrier',
        Duration: String(call.talkSeconds),
        BillDuration: String(call.talkSeconds === 0 ? 0 : Math.ceil(call.talkSeconds / 60) * 60),
        StartTime: plivoTime(call.dialedAt ?? call.createdAt),
        ...(call.answeredAt ? { AnswerTime: plivoTime(call.answeredAt) } : {}),
        EndTime: plivoTime(call.endedAt),
      });
    }
    call.finalDelivered = true;
  }

  /** `GET /Call/{uuid}/?status=live` details. */
  liveDetails(call: FakePlivoCall): Record<string, unknown> {
    return {
      call_status: call.state === 'in_progress' ? 'in-progress' : 'ringing',
      call_uuid: call.callUuid,
      request_uuid: call.id,
      caller_name: '',
      direction: 'outbound',
      from: digits(call.from),
      to: digits(call.to),
      session_start: plivoTime(call.dialedAt ?? call.createdAt),
    };
  }

  /** `GET /Call/{uuid}/?status=queued` details. */
  queuedDetails(call: FakePlivoCall): Record<string, unknown> {
    return {
      call_status: 'queued',
      request_uuid: call.id,
      caller_name: '',
      direction: 'outbound',
      from: digits(call.from),
      to: digits(call.to),
    };
  }

  /** The call detail record of a completed call (`/Call/` list and `/Call/{uuid}/`). */
  cdr(call: FakePlivoCall): Record<string, unknown> {
    const h = HANGUPS[call.hangupStatus ?? 'failed'];
    return {
      answer_time: call.answeredAt ? plivoTime(call.answeredAt) : null,
      bill_duration: call.talkSeconds,
      billed_duration: call.talkSeconds === 0 ? 0 : Math.ceil(call.talkSeconds / 60) * 60,
      call_direction: 'outbound',
      call_duration: call.talkSeconds,
      call_state: h.cdrState,
      call_uuid: call.callUuid,
      end_time: plivoTime(call.endedAt ?? new Date()),
      from_number: `+${digits(call.from)}`,
      hangup_cause_code: Number(h.code),
      hangup_cause_name: h.name,
      hangup_source: call.hangupStatus === 'completed' ? 'Callee' : 'Carrier',
      initiation_time: plivoTime(call.createdAt),
      parent_call_uuid: null,
      resource_uri: `/v1/Account/${this.ctx.authId}/Call/${call.callUuid}/`,
      to_number: `+${digits(call.to)}`,
      total_amount: '0.00850',
      total_rate: '0.00850',
    };
  }
}
