import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signPlivoV3 } from '../../../testing/src/fake-carriers/plivo';
import type { PlivoKit } from './plivo-test-kit';
import { CALLEES, DID, scriptByCallee, startKit } from './plivo-test-kit';

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('plivo adapter: texts and numbers against the fake', () => {
  let kit: PlivoKit;
  beforeEach(async () => {
    kit = await startKit({ script: scriptByCallee, ownedNumbers: [DID, '+14155550111'] });
  });
  afterEach(async () => {
    await kit.close();
  });

  it('sends a text with its status callback, then parses sent and delivered receipts', async () => {
    const messageId = randomUUID();
    const sentAfter = new Date();
    const callbackUrl = kit.engine.smsCallbackUrl(messageId);
    const result = await kit.carrier.sendSms({
      messageId,
      to: CALLEES.human,
      from: DID,
      body: 'Reply STOP to opt out',
      callbackUrl,
    });
    expect(kit.fake.messages[0]).toMatchObject({
      id: result.providerMessageId,
      body: 'Reply STOP to opt out',
    });
    expect(kit.fake.messages[0]?.request).toMatchObject({
      src: DID.slice(1),
      dst: CALLEES.human.slice(1),
      url: callbackUrl,
      method: 'POST',
    });
    await until(() => kit.engine.receipts.length === 2);
    expect(kit.engine.receipts.map((r) => [r.status, r.messageId, r.providerMessageId])).toEqual([
      ['sent', messageId, result.providerMessageId],
      ['delivered', messageId, result.providerMessageId],
    ]);
    expect(kit.engine.receipts.every((r) => r.deliveryId !== undefined && r.errorCode === undefined)).toBe(
      true,
    );
    const probe = { messageId, to: CALLEES.human, from: DID, sentAfter, body: 'Reply STOP to opt out' };
    expect(await kit.carrier.findMessage(probe)).toEqual({
      providerMessageId: result.providerMessageId,
      messageId,
      status: 'delivered',
    });
    expect(
      await kit.carrier.findMessage({ ...probe, providerMessageId: result.providerMessageId }),
    ).toMatchObject({
      status: 'delivered',
    });
    expect(await kit.carrier.findMessage({ ...probe, to: CALLEES.busy })).toBeUndefined();
    expect(await kit.carrier.findMessage({ ...probe, providerMessageId: randomUUID() })).toBeUndefined();
  });

  it('an undelivered receipt is failed with Plivo’s error code', () => {
    const url = kit.engine.smsCallbackUrl('m-1');
    const params = { Status: 'undelivered', MessageUUID: 'u-1', ErrorCode: '50', From: '1', To: '2' };
    const body = new URLSearchParams(params).toString();
    const headers = signed(kit, url, params);
    expect(kit.carrier.parseDeliveryWebhook({ headers, rawBody: body, url })).toMatchObject({
      status: 'failed',
      errorCode: '50',
      messageId: 'm-1',
      providerMessageId: 'u-1',
    });
  });

  it('parses an inbound text (from, to, body) and acknowledges it with an empty XML response', async () => {
    const status = await kit.fake.sendInboundSms(kit.engine.inboundUrl, {
      from: CALLEES.human,
      to: DID,
      body: 'STOP',
    });
    expect(status).toBe(200);
    expect(kit.engine.inbound).toHaveLength(1);
    expect(kit.engine.inbound[0]).toMatchObject({
      provider: 'plivo',
      from: CALLEES.human,
      to: DID,
      body: 'STOP',
    });
    expect(kit.carrier.inboundSmsAcknowledgement()).toEqual({
      contentType: 'application/xml',
      body: '<Response/>',
    });
  });

  it('lists the account’s numbers as E.164', async () => {
    expect(await kit.carrier.listOwnedNumbers()).toEqual([DID, '+14155550111']);
  });

  it('every request went to the configured apiBaseUrl', async () => {
    await kit.carrier.sendSms({
      messageId: 'x',
      to: CALLEES.human,
      from: DID,
      body: 'hi',
      callbackUrl: kit.engine.smsCallbackUrl('x'),
    });
    await kit.carrier.listOwnedNumbers();
    expect(kit.fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/Account/MAFAKEPLIVO000000001/Message/',
      'GET /v1/Account/MAFAKEPLIVO000000001/Number/',
    ]);
  });
});

function signed(kit: PlivoKit, url: string, params: Record<string, string>): Record<string, string> {
  const nonce = '12345678901234567890';
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-plivo-signature-v3': signPlivoV3(kit.fake.credentials['authToken'] ?? '', 'POST', url, params, nonce),
    'x-plivo-signature-v3-nonce': nonce,
  };
}
