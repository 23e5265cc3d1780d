import type { FakeCarrierCall } from '../fake-carrier';
import { API_VERSION } from './twilio-fake-wire';
import type { TwilioWebhookPoster } from './twilio-webhook-poster';

/** One call as the fake keeps it: the shared view plus Twilio's own fields. */
export interface CallRecord {
  view: FakeCarrierCall;
  /** Twilio's status: queued, ringing, in-progress, completed, busy, no-answer, failed, canceled. */
  status: string;
  answeredBy?: string;
  startTime?: Date;
  endTime?: Date;
  /** `Date.now()` when answered, to measure talk time when the call ends early. */
  answeredAt?: number;
  duration: number;
  /** The final status callback was delivered (or there was none to deliver). */
  done: boolean;
  sequence: number;
  timers: Set<NodeJS.Timeout>;
  /** The call's callbacks in order: Twilio sequences them (`SequenceNumber`), so does the fake. */
  posts: Promise<void>;
}

/** Simulated seconds a voicemail `<Play>` lasts before the TwiML goes on to `<Hangup/>`. */
const PLAYBACK_SECONDS = 6;
const FINAL = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * Drives calls through their life on timers (simulated seconds × `msPerCallSecond`), posting what
 * Twilio posts: status callbacks for the requested `StatusCallbackEvent`s (the final one always),
 * the answer-document request to `Url`, and the async AMD result to `AsyncAmdStatusCallback`.
 */
export class TwilioCallDriver {
  constructor(
    private readonly poster: TwilioWebhookPoster,
    private readonly accountSid: string,
    private readonly msPerCallSecond: number,
  ) {}

  /** Starts a created call: initiated, ringing, then what the script says. */
  start(call: CallRecord): void {
    const { answer } = call.view.script;
    this.at(call, 0.1, () => void this.postStatus(call, 'initiated', 'initiated'));
    this.at(call, 1, () => {
      call.status = 'ringing';
      call.view.state = 'ringing';
      void this.postStatus(call, 'ringing', 'ringing');
    });
    if (answer === 'no_answer') this.at(call, 6, () => void this.finish(call, 'no-answer'));
    else if (answer === 'busy') this.at(call, 2, () => void this.finish(call, 'busy'));
    else if (answer === 'failed') this.at(call, 1.5, () => void this.finish(call, 'failed'));
    else this.at(call, 3, () => void this.answer(call));
  }

  /** Ends a live call now (a `Status=completed` update), or cancels one not yet answered. */
  hangUp(call: CallRecord): void {
    void this.finish(call, call.status === 'in-progress' ? 'completed' : 'canceled');
  }

  /** Runs TwiML installed by a call update: a `<Play>` is the voicemail drop; `<Hangup/>` ends the call after it. */
  runLaterTwiml(call: CallRecord, twiml: string): void {
    call.view.laterDocuments.push(twiml);
    this.clearTimers(call);
    const plays = /<Play[\s>]/.test(twiml);
    if (plays) call.view.voicemailDropped = true;
    const seconds = plays ? PLAYBACK_SECONDS : 0;
    if (/<Hangup\s*\/?>/.test(twiml)) this.at(call, seconds, () => void this.finish(call, 'completed'));
  }

  /** Stops every timer of every call (the fake is closing). */
  stop(calls: readonly CallRecord[]): void {
    for (const call of calls) this.clearTimers(call);
  }

  private async answer(call: CallRecord): Promise<void> {
    call.status = 'in-progress';
    call.view.state = 'in_progress';
    call.startTime = new Date();
    call.answeredAt = Date.now();
    const { answer, durationSeconds } = call.view.script;
    // `TimeLimit`: Twilio ends the call when it is reached, whoever is still talking.
    const limit = Number(this.param(call, 'TimeLimit'));
    const scripted = durationSeconds ?? (answer === 'machine' ? 20 : 30);
    const duration = limit > 0 ? Math.min(scripted, limit) : scripted;
    const amd = this.param(call, 'MachineDetection') !== undefined;
    if (amd) call.answeredBy = answer === 'machine' ? 'machine_end_beep' : 'human';
    this.at(call, duration, () => void this.finish(call, 'completed', duration));
    if (amd && this.param(call, 'AsyncAmd') === 'true') {
      const amdAt = Math.min(answer === 'machine' ? 4 : 2, duration / 2);
      this.at(call, amdAt, () => void this.postAmd(call, amdAt));
    }
    await Promise.all([this.fetchAnswerDocument(call), this.postStatus(call, 'answered', 'in-progress')]);
  }

  /** Twilio requests the answer TwiML from `Url` when the callee picks up. */
  private async fetchAnswerDocument(call: CallRecord): Promise<void> {
    const url = this.param(call, 'Url');
    if (url === undefined) return;
    const params = { ...this.baseParams(call), CallStatus: 'in-progress' };
    const syncAmd = call.answeredBy !== undefined && this.param(call, 'AsyncAmd') !== 'true';
    const { responseBody } = await this.poster.post(
      url,
      syncAmd ? { ...params, AnsweredBy: call.answeredBy ?? 'unknown' } : params,
    );
    call.view.answerDocument = responseBody;
  }

  private async postAmd(call: CallRecord, seconds: number): Promise<void> {
    const url = this.param(call, 'AsyncAmdStatusCallback');
    if (url === undefined || call.answeredBy === undefined) return;
    await this.inOrder(call, url, {
      AccountSid: this.accountSid,
      CallSid: call.view.id,
      AnsweredBy: call.answeredBy,
      MachineDetectionDuration: String(Math.round(seconds * 1000)),
    });
  }

  private async postStatus(
    call: CallRecord,
    event: string,
    status: string,
    extra: Record<string, string> = {},
  ): Promise<void> {
    const url = this.param(call, 'StatusCallback');
    const wanted = call.view.request['StatusCallbackEvent'];
    const events = Array.isArray(wanted) ? (wanted as string[]) : typeof wanted === 'string' ? [wanted] : [];
    if (url === undefined || (event !== 'completed' && !events.includes(event))) return;
    call.sequence += 1;
    const sequence = String(call.sequence - 1);
    await this.inOrder(call, url, {
      ...this.baseParams(call),
      CallStatus: status,
      CallbackSource: 'call-progress-events',
      SequenceNumber: sequence,
      Timestamp: new Date().toUTCString().replace('GMT', '+0000'),
      ...extra,
    });
  }

  private async finish(call: CallRecord, status: string, talkSeconds?: number): Promise<void> {
    if (FINAL.has(call.status)) return;
    this.clearTimers(call);
    call.status = status;
    call.view.state = 'completed';
    call.endTime = new Date();
    const measured =
      call.answeredAt === undefined ? 0 : Math.round((Date.now() - call.answeredAt) / this.msPerCallSecond);
    call.duration = status === 'completed' ? (talkSeconds ?? measured) : 0;
    await this.postStatus(call, 'completed', status, {
      CallDuration: String(call.duration),
      Duration: String(Math.ceil(call.duration / 60)),
      ...(call.answeredBy === undefined || status !== 'completed' ? {} : { AnsweredBy: call.answeredBy }),
      ...(status === 'completed'
        ? {}
        : { SipResponseCode: status === 'busy' ? '486' : status === 'failed' ? '500' : '487' }),
    });
    call.done = true;
  }

  /** Posts after the call's earlier callbacks were delivered. */
  private inOrder(call: CallRecord, url: string, params: Record<string, string>): Promise<void> {
    call.posts = call.posts.then(async () => {
      await this.poster.post(url, params);
    });
    return call.posts;
  }

  private baseParams(call: CallRecord): Record<string, string> {
    return {
      AccountSid: this.accountSid,
      ApiVersion: API_VERSION,
      CallSid: call.view.id,
      Called: call.view.to,
      Caller: call.view.from,
      Direction: 'outbound-api',
      From: call.view.from,
      To: call.view.to,
    };
  }

  private param(call: CallRecord, name: string): string | undefined {
    const value = call.view.request[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  private at(call: CallRecord, seconds: number, run: () => void): void {
    const timer = setTimeout(() => {
      call.timers.delete(timer);
      run();
    }, seconds * this.msPerCallSecond);
    call.timers.add(timer);
  }

  private clearTimers(call: CallRecord): void {
    for (const timer of call.timers) clearTimeout(timer);
    call.timers.clear();
  }
}
