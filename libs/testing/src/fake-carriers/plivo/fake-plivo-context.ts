import { randomUUID } from 'node:crypto';
import type { FakeWebhookDelivery } from '../fake-carrier';
import { plivoNonce, signPlivoV3 } from './plivo-v3-signature';

/** What the fake's parts share: the account, the clock and the signed webhook sender. */
export class FakePlivoContext {
  readonly deliveries: FakeWebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private closed = false;

  constructor(
    readonly authId: string,
    readonly authToken: string,
    readonly msPerCallSecond: number,
  ) {}

  /** Runs `fn` after `callSeconds` simulated seconds (scaled by `msPerCallSecond`). */
  later(callSeconds: number, fn: () => void | Promise<void>): NodeJS.Timeout {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (!this.closed) void Promise.resolve(fn()).catch(() => undefined);
      },
      Math.max(0, callSeconds * this.msPerCallSecond),
    );
    this.timers.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  /** Simulated seconds since `since`. */
  callSecondsSince(since: Date): number {
    return Math.max(1, Math.round((Date.now() - since.getTime()) / this.msPerCallSecond));
  }

  /** True while a webhook is on its way (for `settled`). */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  /**
   * Posts form parameters to `url` as Plivo does: form-encoded, signed with V3 (a fresh nonce per
   * delivery), recorded with the answer. Resolves to the status and the answer's text.
   */
  async deliver(url: string, params: Record<string, string>): Promise<{ status: number; text: string }> {
    const body = new URLSearchParams(params).toString();
    const nonce = plivoNonce();
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'PlivoHTTP/1.0',
      'x-plivo-signature-v3': signPlivoV3(this.authToken, 'POST', url, params, nonce),
      'x-plivo-signature-v3-nonce': nonce,
    };
    const delivery: FakeWebhookDelivery = { url, method: 'POST', headers, body, status: 0 };
    this.deliveries.push(delivery);
    const answer = await this.send(url, headers, body);
    delivery.status = answer.status;
    return answer;
  }

  /** Sends a request verbatim (a replay, or an altered body under the old signature). */
  async send(
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ status: number; text: string }> {
    this.inFlight += 1;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, text: await response.text() };
    } catch {
      // Nobody listening (the test ended): Plivo would log a failed callback and move on.
      return { status: 0, text: '' };
    } finally {
      this.inFlight -= 1;
    }
  }

  /** `{ api_id, ... }`, the envelope of every Plivo API answer. */
  envelope(fields: Record<string, unknown>): Record<string, unknown> {
    return { api_id: randomUUID(), ...fields };
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Plivo's UTC timestamps: `YYYY-MM-DD HH:MM:SS`. */
export function plivoTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** Plivo shows numbers without `+`. */
export function digits(e164: string): string {
  return e164.startsWith('+') ? e164.slice(1) : e164;
}

/** The fake keeps numbers as E.164 (the FakeCarrier shape); Plivo's requests omit the `+`. */
export function e164(plivoNumber: string): string {
  return /^\d+$/.test(plivoNumber) ? `+${plivoNumber}` : plivoNumber;
}
