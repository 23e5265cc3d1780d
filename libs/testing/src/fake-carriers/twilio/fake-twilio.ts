import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  FakeCallScript,
  FakeCarrier,
  FakeCarrierCall,
  FakeCarrierMessage,
  FakeCarrierOptions,
  FakeWebhookDelivery,
} from '../fake-carrier';
import type { CallRecord } from './twilio-call-driver';
import { TwilioCallDriver } from './twilio-call-driver';
import type { FakeTwilioRequest } from './twilio-fake-http';
import { formRecord, isAuthorized, readForm } from './twilio-fake-http';
import { callJson, callRefusal, listCalls, newCall } from './twilio-fake-calls';
import { messageJson, TwilioFakeMessages } from './twilio-fake-messages';
import type { TwilioError } from './twilio-fake-wire';
import {
  API_VERSION,
  matchesDayFilter,
  page,
  rfc2822,
  sendError,
  sendJson,
  sid,
  TwilioErrors,
} from './twilio-fake-wire';
import { TwilioWebhookPoster } from './twilio-webhook-poster';

/** Options of the Twilio fake beyond the shared ones. */
export interface FakeTwilioOptions extends FakeCarrierOptions {
  /**
   * Destinations the account's geo permissions forbid (prefixes of E.164 numbers): calls answer
   * 21215, texts 21408. Default: international networks and premium services (`+881`, `+882`,
   * `+883`, `+979`), which Twilio accounts start with disabled.
   */
  blockedPrefixes?: string[];
}

const ACCOUNT_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/(.+)$/;

/**
 * An in-process Twilio: its REST API (`/2010-04-01/Accounts/{AccountSid}/…`, Basic auth, form
 * bodies, JSON answers with Twilio's error codes) and its webhooks (signed `X-Twilio-Signature`).
 * Every request it served is in `requests`.
 */
export class FakeTwilio implements FakeCarrier {
  readonly provider = 'twilio' as const;
  readonly credentials: Record<string, string>;
  readonly requests: FakeTwilioRequest[] = [];
  readonly createTimes: number[] = [];
  private readonly accountSid = sid('AC');
  private readonly authToken = randomBytes(16).toString('hex');
  private readonly server: Server;
  private readonly poster: TwilioWebhookPoster;
  private readonly driver: TwilioCallDriver;
  private readonly texts: TwilioFakeMessages;
  private readonly callRecords: CallRecord[] = [];
  private readonly failures: number[] = [];
  private loseAnswers = 0;
  private scriptFn: (to: string) => FakeCallScript;
  private url = '';

  constructor(private readonly options: FakeTwilioOptions = {}) {
    this.credentials = { accountSid: this.accountSid, authToken: this.authToken };
    const ms = options.msPerCallSecond ?? 5;
    this.poster = new TwilioWebhookPoster(this.authToken);
    this.driver = new TwilioCallDriver(this.poster, this.accountSid, ms);
    this.texts = new TwilioFakeMessages(this.poster, this.accountSid, ms);
    this.scriptFn = options.script ?? (() => ({ answer: 'human', durationSeconds: 30 }));
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  get baseUrl(): string {
    return this.url;
  }
  get calls(): readonly FakeCarrierCall[] {
    return this.callRecords.map((c) => c.view);
  }
  get messages(): readonly FakeCarrierMessage[] {
    return this.texts.records.map((m) => m.view);
  }
  get deliveries(): readonly FakeWebhookDelivery[] {
    return this.poster.deliveries;
  }

  /** Listens on an ephemeral port of 127.0.0.1. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  script(fn: (to: string) => FakeCallScript): void {
    this.scriptFn = fn;
  }

  failNext(count: number, status: number): void {
    for (let i = 0; i < count; i += 1) this.failures.push(status);
  }

  loseNextAnswer(): void {
    this.loseAnswers += 1;
  }

  async sendInboundSms(url: string, sms: { from: string; to: string; body: string }): Promise<number> {
    const messageSid = sid('SM');
    this.texts.noteInbound(sms.from, sms.to, sms.body);
    const { delivery } = await this.poster.post(url, {
      AccountSid: this.accountSid,
      ApiVersion: API_VERSION,
      Body: sms.body,
      From: sms.from,
      MessageSid: messageSid,
      NumMedia: '0',
      NumSegments: '1',
      SmsMessageSid: messageSid,
      SmsSid: messageSid,
      SmsStatus: 'received',
      To: sms.to,
    });
    return delivery.status;
  }

  resend(delivery: FakeWebhookDelivery, alter?: (body: string) => string): Promise<number> {
    return this.poster.resend(delivery, alter);
  }

  async settled(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const live = () =>
      !this.callRecords.every((c) => c.done) ||
      !this.texts.records.every((m) => m.done) ||
      this.poster.inFlight > 0;
    while (live()) {
      if (Date.now() > deadline)
        throw new Error(`fake twilio: calls or texts still live after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    this.driver.stop(this.callRecords);
    this.texts.stop();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const form = await readForm(req);
    const authorized = isAuthorized(req, this.accountSid, this.authToken);
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      form,
      authorized,
    });
    const match = ACCOUNT_PATH.exec(url.pathname);
    if (!authorized || (match && match[1] !== this.accountSid)) {
      res.setHeader('www-authenticate', 'Basic realm="Twilio API"');
      return this.refuse(res, TwilioErrors.authenticate);
    }
    const resource = `${req.method} ${match?.[2] ?? ''}`;
    if (resource === 'POST Calls.json') return this.createCall(req, res, form);
    if (resource === 'GET Calls.json') return this.listCalls(res, url);
    if (resource === 'POST Messages.json') return this.createMessage(res, form);
    if (resource === 'GET Messages.json') return this.listMessages(res, url);
    if (resource === 'GET IncomingPhoneNumbers.json') return this.listNumbers(res, url);
    const one = /^(GET|POST) (Calls|Messages)\/([A-Z]{2}[0-9a-f]{32})\.json$/.exec(resource);
    if (one?.[2] === 'Calls') return this.oneCall(res, one[1] === 'POST', one[3] ?? '', form);
    if (one?.[2] === 'Messages' && one[1] === 'GET') return this.oneMessage(res, one[3] ?? '');
    return this.refuse(res, TwilioErrors.notFound);
  }

  private refuse(res: ServerResponse, error: TwilioError, detail?: string): void {
    sendError(res, error.status, error.code, detail ? `${error.message}: ${detail}` : error.message);
  }

  /** A queued `failNext` answer, if any: the create places nothing. */
  private injectedFailure(res: ServerResponse): boolean {
    const status = this.failures.shift();
    if (status === undefined) return false;
    const error =
      status === 429
        ? TwilioErrors.tooManyRequests
        : status === 503
          ? TwilioErrors.unavailable
          : TwilioErrors.internal;
    sendError(res, status, error.code, error.message, status === 429 ? { 'retry-after': '1' } : {});
    return true;
  }

  private geoBlocked(to: string): boolean {
    return (this.options.blockedPrefixes ?? ['+881', '+882', '+883', '+979']).some((p) => to.startsWith(p));
  }

  private createCall(req: IncomingMessage, res: ServerResponse, form: URLSearchParams): void {
    if (this.injectedFailure(res)) return;
    const script = this.scriptFn(form.get('To') ?? '');
    const refusal =
      callRefusal(form, script, this.options.ownedNumbers) ??
      (this.geoBlocked(form.get('To') ?? '') ? TwilioErrors.geoPermission : undefined);
    if (refusal) return this.refuse(res, refusal, form.get('To') ?? undefined);
    const call = newCall(form, formRecord(form), script);
    this.callRecords.push(call);
    this.createTimes.push(Date.now());
    this.driver.start(call);
    if (this.loseAnswers > 0) {
      // The call is placed, but the answer never reaches the client.
      this.loseAnswers -= 1;
      req.socket.destroy();
      return;
    }
    sendJson(res, 201, callJson(this.accountSid, call));
  }

  private listCalls(res: ServerResponse, url: URL): void {
    const calls = listCalls(this.callRecords, url.searchParams).map((c) => callJson(this.accountSid, c));
    sendJson(res, 200, page(url.pathname, 'calls', calls, url.searchParams));
  }

  private oneCall(res: ServerResponse, update: boolean, callSid: string, form: URLSearchParams): void {
    const call = this.callRecords.find((c) => c.view.id === callSid);
    if (call === undefined) return this.refuse(res, TwilioErrors.notFound);
    if (update) {
      const live = call.status === 'queued' || call.status === 'ringing' || call.status === 'in-progress';
      if (!live) return this.refuse(res, TwilioErrors.notInProgress);
      const twiml = form.get('Twiml');
      const status = form.get('Status');
      call.view.commands.push({
        name: status === 'completed' || status === 'canceled' ? 'hangup' : 'update',
        body: formRecord(form),
      });
      if (status === 'completed' || status === 'canceled') this.driver.hangUp(call);
      else if (twiml) this.driver.runLaterTwiml(call, twiml);
    }
    sendJson(res, 200, callJson(this.accountSid, call));
  }

  private createMessage(res: ServerResponse, form: URLSearchParams): void {
    if (this.injectedFailure(res)) return;
    const to = form.get('To') ?? '';
    const script = this.scriptFn(to);
    const refusal =
      this.texts.refusal(form, script, this.options.ownedNumbers) ??
      (this.geoBlocked(to) ? TwilioErrors.smsGeoPermission : undefined);
    if (refusal) return this.refuse(res, refusal, to || undefined);
    const message = this.texts.create(form, formRecord(form), script.answer === 'failed');
    sendJson(res, 201, messageJson(this.accountSid, message));
  }

  private listMessages(res: ServerResponse, url: URL): void {
    const q = url.searchParams;
    const selected = this.texts.records
      .filter(
        (m) => (q.get('To') ?? m.view.to) === m.view.to && (q.get('From') ?? m.view.from) === m.view.from,
      )
      .filter((m) => matchesDayFilter(q, 'DateSent', m.dateSent))
      .sort((a, b) => b.view.createdAt.getTime() - a.view.createdAt.getTime())
      .map((m) => messageJson(this.accountSid, m));
    sendJson(res, 200, page(url.pathname, 'messages', selected, q));
  }

  private oneMessage(res: ServerResponse, messageSid: string): void {
    const message = this.texts.records.find((m) => m.view.id === messageSid);
    if (message === undefined) return this.refuse(res, TwilioErrors.notFound);
    sendJson(res, 200, messageJson(this.accountSid, message));
  }

  private listNumbers(res: ServerResponse, url: URL): void {
    const numbers = (this.options.ownedNumbers ?? []).map((phoneNumber) => ({
      account_sid: this.accountSid,
      api_version: API_VERSION,
      capabilities: { voice: true, sms: true, mms: true, fax: false },
      date_created: rfc2822(new Date()),
      friendly_name: phoneNumber,
      phone_number: phoneNumber,
      sid: sid('PN'),
      status: 'in-use',
    }));
    sendJson(res, 200, page(url.pathname, 'incoming_phone_numbers', numbers, url.searchParams));
  }
}

/** Starts the Twilio fake on an ephemeral port of 127.0.0.1. */
export function startFakeTwilio(options: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  return new FakeTwilio(options).listen();
}
