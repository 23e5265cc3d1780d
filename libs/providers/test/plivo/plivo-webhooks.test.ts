import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebhookSignatureError } from '../../src';
import type { PlivoKit } from './plivo-test-kit';
import { CALLEES, originateRequest, scriptByCallee, startKit } from './plivo-test-kit';

function signatureError(run: () => unknown): WebhookSignatureError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(WebhookSignatureError);
    return err as WebhookSignatureError;
  }
  throw new Error('expected a WebhookSignatureError');
}

describe('plivo adapter: webhook verification (V3)', () => {
  let kit: PlivoKit;
  beforeEach(async () => {
    kit = await startKit({ script: scriptByCallee });
    const req = originateRequest(kit, CALLEES.human);
    await kit.carrier.originate(req);
    await kit.fake.settled();
  });
  afterEach(async () => {
    await kit.close();
  });

  function hangupDelivery() {
    const delivery = kit.fake.deliveries.find((d) => d.body.includes('Event=Hangup'));
    if (!delivery) throw new Error('no hangup delivery');
    return delivery;
  }

  it('a genuine delivery passes and names the delivery by its nonce', () => {
    const delivery = hangupDelivery();
    expect(delivery.status).toBe(200);
    const event = kit.carrier.parseCallEvent({
      headers: delivery.headers,
      rawBody: delivery.body,
      url: delivery.url,
    });
    expect(event.kind).toBe('completed');
    if (event.kind === 'completed')
      expect(event.update.deliveryId).toBe(delivery.headers['x-plivo-signature-v3-nonce']);
  });

  it('an altered body is refused (mismatch), by the adapter and at the engine', async () => {
    const delivery = hangupDelivery();
    const alter = (body: string) => body.replace(/Duration=\d+/, 'Duration=999');
    const err = signatureError(() =>
      kit.carrier.parseCallEvent({
        headers: delivery.headers,
        rawBody: alter(delivery.body),
        url: delivery.url,
      }),
    );
    expect(err.reason).toBe('mismatch');
    expect(await kit.fake.resend(delivery, alter)).toBe(401);
  });

  it('a forged signature, another token, or a delivery moved to another attempt is refused', () => {
    const delivery = hangupDelivery();
    const forged = { ...delivery.headers, 'x-plivo-signature-v3': Buffer.alloc(32, 7).toString('base64') };
    expect(
      signatureError(() =>
        kit.carrier.parseCallEvent({ headers: forged, rawBody: delivery.body, url: delivery.url }),
      ).reason,
    ).toBe('mismatch');
    const moved = delivery.url.replace(/attempt=[^&]+/, 'attempt=someone-else');
    expect(
      signatureError(() =>
        kit.carrier.parseCallEvent({ headers: delivery.headers, rawBody: delivery.body, url: moved }),
      ).reason,
    ).toBe('mismatch');
  });

  it('missing headers are refused as missing, a request without URL as malformed', () => {
    const delivery = hangupDelivery();
    expect(
      signatureError(() =>
        kit.carrier.parseCallEvent({ headers: {}, rawBody: delivery.body, url: delivery.url }),
      ).reason,
    ).toBe('missing');
    expect(
      signatureError(() => kit.carrier.parseCallEvent({ headers: delivery.headers, rawBody: delivery.body }))
        .reason,
    ).toBe('malformed');
  });

  it('a replay carries the nonce already seen: same deliveryId, refused by the engine', async () => {
    const delivery = hangupDelivery();
    const again = kit.carrier.parseCallEvent({
      headers: delivery.headers,
      rawBody: delivery.body,
      url: delivery.url,
    });
    expect(again.kind === 'completed' && again.update.deliveryId).toBe(
      delivery.headers['x-plivo-signature-v3-nonce'],
    );
    expect(await kit.fake.resend(delivery)).toBe(401);
    expect(kit.engine.refusals.at(-1)).toEqual({ status: 401, reason: 'expired' });
  });
});
