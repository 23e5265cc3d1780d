import type { FakeCarrierMessage } from '../fake-carrier';
import type { FakeAnswer } from './fake-telnyx-calls';
import type { TelnyxWebhookSender } from './fake-telnyx-webhooks';
import { E164, TelnyxErrors, uuid } from './fake-telnyx-wire';

/** Simulated seconds from the send to the `message.sent` and `message.finalized` receipts. */
const SENT_AFTER = 1;
const FINALIZED_AFTER = 3;

interface FakeMessageState {
  record: FakeCarrierMessage;
  telnyxStatus: string;
  webhookUrl: string | undefined;
  profileId: string | null;
}

/** The Messaging API of the fake account: sending, receipts, lookups, inbound texts. */
export class FakeTelnyxMessages {
  readonly records: FakeCarrierMessage[] = [];
  private readonly byId = new Map<string, FakeMessageState>();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly sender: TelnyxWebhookSender,
    private readonly msPerCallSecond: number,
  ) {}

  /** `POST /v2/messages`. */
  send(body: Record<string, unknown>): FakeAnswer {
    for (const field of ['to', 'from', 'text']) {
      if (typeof body[field] !== 'string' || body[field] === '') return TelnyxErrors.missing(field);
    }
    for (const field of ['to', 'from'])
      if (!E164.test(String(body[field]))) return TelnyxErrors.notE164(field);
    const record: FakeCarrierMessage = {
      id: uuid(),
      to: String(body['to']),
      from: String(body['from']),
      body: String(body['text']),
      createdAt: new Date(),
      request: body,
      status: 'queued',
    };
    const state: FakeMessageState = {
      record,
      telnyxStatus: 'queued',
      webhookUrl: typeof body['webhook_url'] === 'string' ? body['webhook_url'] : undefined,
      profileId: typeof body['messaging_profile_id'] === 'string' ? body['messaging_profile_id'] : null,
    };
    this.records.push(record);
    this.byId.set(record.id, state);
    this.after(SENT_AFTER, () => this.receipt(state, 'sent', 'message.sent'));
    this.after(FINALIZED_AFTER, () => this.receipt(state, 'delivered', 'message.finalized'));
    return { status: 200, body: { data: this.payload(state) } };
  }

  /** `GET /v2/messages/{id}`. */
  retrieve(id: string): FakeAnswer {
    const state = this.byId.get(id);
    return state ? { status: 200, body: { data: this.payload(state) } } : TelnyxErrors.notFound();
  }

  /** `GET /v2/detail_records?filter[record_type]=messaging` items (MDRs carry no text). */
  detailRecords(query: URLSearchParams): unknown[] {
    if (query.get('filter[record_type]') !== 'messaging') return [];
    const gte = query.get('filter[created_at][gte]');
    const since = gte ? Date.parse(gte) : Number.NEGATIVE_INFINITY;
    const wanted = (key: string, value: string) =>
      !query.get(`filter[${key}]`) || query.get(`filter[${key}]`) === value;
    return [...this.byId.values()]
      .filter(
        (m) => wanted('cld', m.record.to) && wanted('cli', m.record.from) && wanted('direction', 'outbound'),
      )
      .filter((m) => m.record.createdAt.getTime() >= since)
      .map((m) => ({
        record_type: 'message_detail_record',
        uuid: m.record.id,
        cld: m.record.to,
        cli: m.record.from,
        direction: 'outbound',
        message_type: 'SMS',
        created_at: m.record.createdAt.toISOString(),
        status: m.telnyxStatus === 'delivered' ? 'delivered' : 'gw_timeout',
      }));
  }

  /** Posts a signed `message.received` to `url`, as Telnyx does for a reply. */
  inbound(url: string, sms: { from: string; to: string; body: string }): Promise<number> {
    const now = new Date();
    return this.sender.post(
      url,
      this.sender.event('message.received', now, {
        record_type: 'message',
        id: uuid(),
        direction: 'inbound',
        type: 'SMS',
        from: { phone_number: sms.from, carrier: 'T-Mobile USA', line_type: 'Wireless' },
        to: [{ phone_number: sms.to, status: 'webhook_delivered' }],
        text: sms.body,
        received_at: now.toISOString(),
        errors: [],
      }),
    );
  }

  private payload(state: FakeMessageState): Record<string, unknown> {
    const { record } = state;
    return {
      record_type: 'message',
      id: record.id,
      direction: 'outbound',
      type: 'SMS',
      messaging_profile_id: state.profileId,
      from: { phone_number: record.from, carrier: 'Telnyx', line_type: 'Wireless' },
      to: [
        {
          phone_number: record.to,
          status: state.telnyxStatus,
          carrier: 'T-Mobile USA',
          line_type: 'Wireless',
        },
      ],
      text: record.body,
      webhook_url: state.webhookUrl ?? null,
      encoding: 'GSM-7',
      parts: 1,
      received_at: record.createdAt.toISOString(),
      errors: [],
    };
  }

  private receipt(state: FakeMessageState, status: 'sent' | 'delivered', eventType: string): void {
    state.telnyxStatus = status;
    state.record.status = status;
    const url = state.webhookUrl;
    if (url) void this.sender.post(url, this.sender.event(eventType, new Date(), this.payload(state)));
  }

  private after(seconds: number, step: () => void): void {
    this.timers.push(setTimeout(step, seconds * this.msPerCallSecond));
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }
}
