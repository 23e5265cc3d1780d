import type { SmsDeliveryUpdate } from '@engine/providers';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimHarness } from './support/sim-harness';
import { startHarness } from './support/sim-harness';

const sms = (h: SimHarness, messageId: string) => ({
  messageId,
  to: '+14155550100',
  from: '+12125550111',
  body: 'Hi from the campaign. Reply STOP to opt out.',
  callbackUrl: `${h.receiver.url}/api/webhooks/sim/sms-status`,
});

describe('SMS', () => {
  let h: SimHarness;
  afterEach(async () => {
    await h.close();
  });

  const receipts = async (count: number): Promise<SmsDeliveryUpdate[]> =>
    (await h.receiver.waitFor(count)).map((w) =>
      h.provider.parseDeliveryWebhook({ headers: w.headers, rawBody: w.rawBody }),
    );

  it('sends, then posts signed sent and delivered receipts; lookupMessage follows', async () => {
    h = await startHarness({
      sms: { deliveredRate: 1, sentDelayMs: 10, deliveryDelayMs: { min: 10, max: 10 } },
    });
    const accepted = await h.provider.sendSms(sms(h, 'm-1'));
    expect(accepted.providerMessageId).toMatch(/^sim-sms-/);
    const [sent, delivered] = await receipts(2);
    expect(sent).toMatchObject({ provider: 'sim', messageId: 'm-1', status: 'sent' });
    expect(delivered).toMatchObject({ providerMessageId: accepted.providerMessageId, status: 'delivered' });
    expect(await h.provider.lookupMessage('m-1')).toEqual({
      providerMessageId: accepted.providerMessageId,
      messageId: 'm-1',
      status: 'delivered',
    });
    expect(await h.provider.lookupMessage('m-unknown')).toBeUndefined();
  });

  it('is idempotent on the message id', async () => {
    h = await startHarness();
    const first = await h.provider.sendSms(sms(h, 'm-2'));
    const second = await h.provider.sendSms(sms(h, 'm-2'));
    expect(second.providerMessageId).toBe(first.providerMessageId);
    const { messages } = (await h.http('/sim/messages?messageId=m-2')).json;
    expect(messages.map((m: { duplicate: boolean }) => m.duplicate)).toEqual([false, true]);
  });

  it('fails a message with a carrier error code, and can deliver the final receipt before the sent one', async () => {
    h = await startHarness({
      sms: { deliveredRate: 0, outOfOrderRate: 1, sentDelayMs: 1, deliveryDelayMs: { min: 1, max: 1 } },
    });
    await h.provider.sendSms(sms(h, 'm-3'));
    const [first, second] = await receipts(2);
    expect(first).toMatchObject({ status: 'failed', errorCode: expect.stringMatching(/^300\d\d$/) });
    expect(second).toMatchObject({ status: 'sent' });
    expect(Date.parse(second!.occurredAt)).toBeLessThanOrEqual(Date.parse(first!.occurredAt));
  });

  it('refuses a send with 503 as a retryable error', async () => {
    h = await startHarness({ sms: { sendErrorRate: 1 } });
    await expect(h.provider.sendSms(sms(h, 'm-4'))).rejects.toMatchObject({ retryable: true, status: 503 });
    expect(await h.provider.lookupMessage('m-4')).toBeUndefined();
  });

  it('injects an inbound message as a signed webhook', async () => {
    h = await startHarness();
    const { status, json } = await h.http('/sim/inbound', {
      method: 'POST',
      body: {
        from: '+14155550100',
        to: '+12125550111',
        body: 'STOP',
        callbackUrl: `${h.receiver.url}/inbound`,
      },
    });
    expect(status).toBe(202);
    const [webhook] = await h.receiver.waitFor(1);
    expect(
      h.provider.parseInboundWebhook({ headers: webhook!.headers, rawBody: webhook!.rawBody }),
    ).toMatchObject({
      provider: 'sim',
      providerMessageId: json.providerMessageId,
      from: '+14155550100',
      body: 'STOP',
    });
    const noCallback = await h.http('/sim/inbound', {
      method: 'POST',
      body: { from: '+14155550100', to: '+12125550111', body: 'STOP' },
    });
    expect(noCallback).toMatchObject({ status: 400, json: { field: 'callbackUrl' } });
  });
});
