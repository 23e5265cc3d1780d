import type { KeyObject } from 'node:crypto';
import { generateKeyPairSync, sign } from 'node:crypto';
import type { FakeWebhookDelivery } from '../fake-carrier';
import { uuid } from './fake-telnyx-wire';

/** A Telnyx event as posted: `{"data":{record_type,id,event_type,occurred_at,payload},"meta"}`. */
export interface TelnyxEventData {
  record_type: 'event';
  id: string;
  event_type: string;
  occurred_at: string;
  payload: Record<string, unknown>;
}

/**
 * Signs and posts webhooks the way Telnyx does: JSON body, `telnyx-timestamp` (unix seconds, real
 * clock) and `telnyx-signature-ed25519` = base64 ed25519 signature of `<timestamp>|<body>` under
 * the account's key pair, whose public half the portal shows (base64 of the raw 32 bytes).
 */
export class TelnyxWebhookSender {
  readonly deliveries: FakeWebhookDelivery[] = [];
  /** The raw public key, base64, as the adapter's `publicKey` credential. */
  readonly publicKey: string;
  private readonly privateKey: KeyObject;
  private readonly pending = new Set<Promise<unknown>>();

  constructor() {
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    const jwk = pair.publicKey.export({ format: 'jwk' });
    this.publicKey = Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
  }

  /** A new event body of `eventType`. */
  event(eventType: string, occurredAt: Date, payload: Record<string, unknown>): TelnyxEventData {
    return {
      record_type: 'event',
      id: uuid(),
      event_type: eventType,
      occurred_at: occurredAt.toISOString(),
      payload,
    };
  }

  /** Signed headers for `body`, now. */
  headers(body: string, now: Date = new Date()): Record<string, string> {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const signature = sign(null, Buffer.from(`${timestamp}|${body}`, 'utf8'), this.privateKey).toString(
      'base64',
    );
    return {
      'content-type': 'application/json',
      'user-agent': 'telnyx-webhooks',
      'telnyx-timestamp': timestamp,
      'telnyx-signature-ed25519': signature,
    };
  }

  /** Posts one event to `url` and records the delivery; resolves to the HTTP status (0: unreachable). */
  post(url: string, data: TelnyxEventData): Promise<number> {
    const body = JSON.stringify({ data, meta: { attempt: 1, delivered_to: url } });
    return this.track(this.send(url, this.headers(body), body, true));
  }

  /** Sends a recorded delivery again (replay) or with its body altered, with its original headers. */
  resend(delivery: FakeWebhookDelivery, alter?: (body: string) => string): Promise<number> {
    const body = alter ? alter(delivery.body) : delivery.body;
    return this.track(this.send(delivery.url, delivery.headers, body, false));
  }

  /** True while a webhook is on its way. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  private track(delivery: Promise<number>): Promise<number> {
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
    return delivery;
  }

  private async send(
    url: string,
    headers: Record<string, string>,
    body: string,
    record: boolean,
  ): Promise<number> {
    let status = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    if (record) this.deliveries.push({ url, method: 'POST', headers, body, status });
    return status;
  }
}
