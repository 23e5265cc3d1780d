import type { FakeCallScript, FakeCarrierMessage } from '../fake-carrier';
import type { TwilioError } from './twilio-fake-wire';
import { API_VERSION, rfc2822, sid, TwilioErrors } from './twilio-fake-wire';
import type { TwilioWebhookPoster } from './twilio-webhook-poster';

/** One outbound text as the fake keeps it. */
export interface MessageRecord {
  view: FakeCarrierMessage;
  /** Twilio's status: queued, sent, delivered, undelivered. */
  status: string;
  dateSent?: Date;
  errorCode?: number;
  done: boolean;
}

/** Replies Twilio's default opt-out handling acts on. */
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);

/** Twilio's message resource as its API returns it. */
export function messageJson(accountSid: string, m: MessageRecord): Record<string, unknown> {
  return {
    account_sid: accountSid,
    api_version: API_VERSION,
    body: m.view.body,
    date_created: rfc2822(m.view.createdAt),
    date_sent: rfc2822(m.dateSent),
    date_updated: rfc2822(new Date()),
    direction: 'outbound-api',
    error_code: m.errorCode ?? null,
    error_message: null,
    from: m.view.from,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid: m.view.id,
    status: m.status,
    subresource_uris: { media: `/${API_VERSION}/Accounts/${accountSid}/Messages/${m.view.id}/Media.json` },
    to: m.view.to,
    uri: `/${API_VERSION}/Accounts/${accountSid}/Messages/${m.view.id}.json`,
  };
}

/**
 * Outbound texts (refusals, then `queued` → `sent` → `delivered` or `undelivered`, each status
 * posted to `StatusCallback`) and the opt-outs Twilio keeps from inbound STOP / START replies.
 */
export class TwilioFakeMessages {
  readonly records: MessageRecord[] = [];
  private readonly optedOut = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly poster: TwilioWebhookPoster,
    private readonly accountSid: string,
    private readonly msPerCallSecond: number,
  ) {}

  /** Why Twilio would refuse this text, if it would. */
  refusal(
    form: URLSearchParams,
    script: FakeCallScript,
    owned: readonly string[] | undefined,
  ): TwilioError | undefined {
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    if (to === '') return TwilioErrors.missingTo;
    if (from === '') return TwilioErrors.missingFrom;
    if (!/^\+[1-9]\d{6,14}$/.test(to) || script.answer === 'invalid_number') return TwilioErrors.invalidTo;
    if (owned !== undefined && !owned.includes(from)) return TwilioErrors.smsFromNotOwned;
    if (this.optedOut.has(`${to}|${from}`)) return TwilioErrors.optedOut;
    return undefined;
  }

  /** Accepts a text and starts its delivery. */
  create(form: URLSearchParams, record: Record<string, unknown>, failed: boolean): MessageRecord {
    const view: FakeCarrierMessage = {
      id: sid('SM'),
      to: form.get('To') ?? '',
      from: form.get('From') ?? '',
      body: form.get('Body') ?? '',
      createdAt: new Date(),
      request: record,
      status: 'queued',
    };
    const message: MessageRecord = { view, status: 'queued', done: false };
    this.records.push(message);
    this.at(0.5, () => void this.advance(message, 'sent', form.get('StatusCallback')));
    this.at(
      1.5,
      () => void this.advance(message, failed ? 'undelivered' : 'delivered', form.get('StatusCallback')),
    );
    return message;
  }

  /** Records an inbound reply's effect on opt-outs (Twilio's Advanced Opt-Out defaults). */
  noteInbound(from: string, to: string, body: string): void {
    const word = body.trim().toUpperCase();
    if (OPT_OUT.has(word)) this.optedOut.add(`${from}|${to}`);
    if (OPT_IN.has(word)) this.optedOut.delete(`${from}|${to}`);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async advance(message: MessageRecord, status: string, callback: string | null): Promise<void> {
    message.status = status;
    message.view.status = status === 'undelivered' ? 'failed' : (status as FakeCarrierMessage['status']);
    if (status === 'sent') message.dateSent = new Date();
    if (status === 'undelivered') message.errorCode = 30003;
    const final = status !== 'sent';
    if (callback) {
      await this.poster.post(callback, {
        AccountSid: this.accountSid,
        ApiVersion: API_VERSION,
        From: message.view.from,
        MessageSid: message.view.id,
        MessageStatus: status,
        SmsSid: message.view.id,
        SmsStatus: status,
        To: message.view.to,
        ...(message.errorCode === undefined ? {} : { ErrorCode: String(message.errorCode) }),
      });
    }
    if (final) message.done = true;
  }

  private at(seconds: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, seconds * this.msPerCallSecond);
    this.timers.add(timer);
  }
}
