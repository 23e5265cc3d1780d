import { randomUUID } from 'node:crypto';
import type { FakeCarrierMessage } from '../fake-carrier';
import type { FakePlivoContext } from './fake-plivo-context';
import { digits, plivoTime } from './fake-plivo-context';

/** A message as the Plivo fake keeps it. */
export interface FakePlivoMessage extends FakeCarrierMessage {
  /** Plivo's own state (`undelivered` is the engine's `failed`). */
  plivoState: 'queued' | 'sent' | 'delivered' | 'undelivered';
  errorCode: string;
}

/** Sends texts' delivery callbacks: `sent` after one simulated second, `delivered` after two more. */
export class FakePlivoMessages {
  readonly messages: FakePlivoMessage[] = [];
  private pending = 0;

  constructor(private readonly ctx: FakePlivoContext) {}

  get busy(): boolean {
    return this.pending > 0;
  }

  accept(body: Record<string, unknown>, to: string, from: string, text: string): FakePlivoMessage {
    const message: FakePlivoMessage = {
      id: randomUUID(),
      to,
      from,
      body: text,
      createdAt: new Date(),
      request: body,
      status: 'queued',
      plivoState: 'queued',
      errorCode: '',
    };
    this.messages.push(message);
    const url = typeof body['url'] === 'string' ? body['url'] : undefined;
    this.pending += 1;
    this.ctx.later(1, async () => {
      this.advance(message, 'sent');
      if (url) await this.receipt(url, message);
      this.ctx.later(2, async () => {
        this.advance(message, 'delivered');
        if (url) await this.receipt(url, message);
        this.pending -= 1;
      });
    });
    return message;
  }

  private advance(message: FakePlivoMessage, state: 'sent' | 'delivered'): void {
    message.plivoState = state;
    message.status = state;
  }

  private async receipt(url: string, message: FakePlivoMessage): Promise<void> {
    await this.ctx.deliver(url, {
      Status: message.plivoState,
      MessageUUID: message.id,
      From: digits(message.from),
      To: digits(message.to),
      ErrorCode: message.errorCode,
      Units: '1',
      TotalRate: '0.00500',
      TotalAmount: '0.00500',
      MCC: '310',
      MNC: '260',
    });
  }

  /** The message object of `GET /Message/` and `GET /Message/{uuid}/` (no text: Plivo keeps none). */
  record(message: FakePlivoMessage): Record<string, unknown> {
    return {
      error_code: message.errorCode,
      from_number: digits(message.from),
      message_direction: 'outbound',
      message_state: message.plivoState,
      message_time: `${plivoTime(message.createdAt)}+00:00`,
      message_type: 'sms',
      message_uuid: message.id,
      resource_uri: `/v1/Account/${this.ctx.authId}/Message/${message.id}/`,
      to_number: digits(message.to),
      total_amount: '0.00500',
      total_rate: '0.00500',
      units: 1,
    };
  }
}
