import { randomUUID } from 'node:crypto';
import twilio from 'twilio';
import type { FakeWebhookDelivery } from '../fake-carrier';

/** What a delivery answered: its status (0 when the request failed) and body. */
export interface PostResult {
  delivery: FakeWebhookDelivery;
  responseBody: string;
}

/**
 * Sends webhooks as Twilio does: form-encoded POSTs signed with `X-Twilio-Signature` (HMAC-SHA1 of
 * the full URL and the sorted parameters under the auth token, computed by the SDK's own
 * `getExpectedTwilioSignature`), with an `I-Twilio-Idempotency-Token` per delivery. Every delivery
 * is recorded with the answer it got.
 */
export class TwilioWebhookPoster {
  readonly deliveries: FakeWebhookDelivery[] = [];
  /** Deliveries under way (`settled` waits for none). */
  inFlight = 0;

  constructor(private readonly authToken: string) {}

  /** Signs and posts `params` to `url`. */
  post(url: string, params: Record<string, string>): Promise<PostResult> {
    const body = new URLSearchParams(params).toString();
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'TwilioProxy/1.1',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(this.authToken, url, params),
      'i-twilio-idempotency-token': randomUUID(),
    };
    return this.send(url, 'POST', headers, body);
  }

  /** Sends a recorded delivery again with its headers (so its signature), the body maybe altered. */
  async resend(delivery: FakeWebhookDelivery, alter?: (body: string) => string): Promise<number> {
    const body = alter ? alter(delivery.body) : delivery.body;
    const { delivery: again } = await this.send(delivery.url, delivery.method, delivery.headers, body);
    return again.status;
  }

  private async send(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<PostResult> {
    const delivery: FakeWebhookDelivery = { url, method, headers, body, status: 0 };
    let responseBody = '';
    this.inFlight += 1;
    try {
      const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(15_000) });
      delivery.status = response.status;
      responseBody = await response.text();
    } catch {
      // Twilio records an unreachable webhook as a failed delivery (status 0 here) and goes on.
    } finally {
      this.inFlight -= 1;
    }
    this.deliveries.push(delivery);
    return { delivery, responseBody };
  }
}
