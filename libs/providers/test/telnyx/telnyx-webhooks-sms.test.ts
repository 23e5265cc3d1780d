import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTelnyx } from '../../../testing/src/fake-carriers/telnyx';
import { startFakeTelnyx } from '../../../testing/src/fake-carriers/telnyx';
import { WebhookSignatureError } from '../../src';
import { EngineStub } from './telnyx-engine-stub';

const FROM = '+12125550111';
const OTHER = '+12125550112';

describe('Telnyx adapter: webhook signatures, SMS, numbers, base URL', () => {
  let fake: FakeTelnyx;
  let engine: EngineStub;

  beforeEach(async () => {
    fake = await startFakeTelnyx({ ownedNumbers: [FROM, OTHER], script: () => ({ answer: 'busy' }) });
    engine = await EngineStub.start(fake);
  });
  afterEach(async () => {
    await engine.close();
    await fake.close();
  });

  /** A genuine call webhook the fake delivered, as the engine received it. */
  async function genuineDelivery() {
    await engine.carrier.originate(engine.request('att-w', '+14155550100', FROM));
    await fake.settled();
    const delivery = fake.deliveries.find((d) => d.body.includes('call.hangup'));
    if (!delivery) throw new Error('no hangup delivered');
    return delivery;
  }
  const parse = (headers: Record<string, string>, rawBody: string, now?: Date) =>
    engine.carrier.parseCallEvent({ headers, rawBody, ...(now ? { now } : {}) });
  const failure = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error;
    }
    throw new Error('accepted');
  };

  it('a genuine webhook passes, with the event id as delivery id', async () => {
    const delivery = await genuineDelivery();
    expect(delivery.status).toBe(200);
    const event = parse(delivery.headers, delivery.body);
    expect(event).toMatchObject({
      kind: 'completed',
      update: { attemptId: 'att-w', outcome: 'busy', deliveryId: JSON.parse(delivery.body).data.id },
    });
  });

  it('forged (signed with another key), altered, replayed-late and unsigned webhooks are refused', async () => {
    const delivery = await genuineDelivery();
    const other = generateKeyPairSync('ed25519').privateKey;
    const ts = delivery.headers['telnyx-timestamp'] ?? '';
    const forged = {
      ...delivery.headers,
      'telnyx-signature-ed25519': sign(null, Buffer.from(`${ts}|${delivery.body}`), other).toString('base64'),
    };
    expect(failure(() => parse(forged, delivery.body))).toMatchObject({ reason: 'mismatch' });
    const altered = delivery.body.replace('"user_busy"', '"normal_clearing"');
    expect(failure(() => parse(delivery.headers, altered))).toMatchObject({ reason: 'mismatch' });
    const later = new Date(Number(ts) * 1000 + 301_000);
    expect(failure(() => parse(delivery.headers, delivery.body, later))).toMatchObject({ reason: 'expired' });
    const { ['telnyx-signature-ed25519']: _dropped, ...unsigned } = delivery.headers;
    expect(failure(() => parse(unsigned, delivery.body))).toMatchObject({ reason: 'missing' });
    expect(
      failure(() => parse({ ...delivery.headers, 'telnyx-timestamp': 'yesterday' }, delivery.body)),
    ).toMatchObject({ reason: 'malformed' });
    expect(failure(() => parse(forged, delivery.body))).toBeInstanceOf(WebhookSignatureError);
  });

  it('the fake resends a delivery verbatim (replay) or altered; the engine answers 200 then 401', async () => {
    const delivery = await genuineDelivery();
    await expect(fake.resend(delivery)).resolves.toBe(200);
    await expect(
      fake.resend(delivery, (b) => b.replace('"busy"', '"x"').replace('user_busy', 'normal_clearing')),
    ).resolves.toBe(401);
    expect(engine.refused).toContainEqual({ status: 401, reason: 'mismatch' });
  });

  it('sendSms posts the text with its own webhook_url; receipts map to sent then delivered', async () => {
    const sent = await engine.carrier.sendSms({
      messageId: 'msg-1',
      to: '+14155550100',
      from: FROM,
      body: 'Hi there',
      callbackUrl: engine.smsCallbackUrl('msg-1'),
    });
    expect(fake.messages[0]).toMatchObject({
      id: sent.providerMessageId,
      to: '+14155550100',
      from: FROM,
      body: 'Hi there',
    });
    expect(fake.messages[0]?.request).toMatchObject({
      webhook_url: engine.smsCallbackUrl('msg-1'),
      use_profile_webhooks: false,
      messaging_profile_id: fake.credentials['messagingProfileId'],
    });
    await expect.poll(() => engine.receipts.map((r) => r.status)).toEqual(['sent', 'delivered']);
    expect(engine.receipts[1]).toMatchObject({
      provider: 'telnyx',
      providerMessageId: sent.providerMessageId,
      messageId: 'msg-1',
    });
    expect(engine.receipts[1]?.deliveryId).toBeTruthy();
  });

  it('findMessage: by id, and by numbers + time + body after a lost answer', async () => {
    const sentAfter = new Date();
    const a = await engine.carrier.sendSms({
      messageId: 'm-a',
      to: '+14155550100',
      from: FROM,
      body: 'first',
      callbackUrl: engine.smsCallbackUrl('m-a'),
    });
    await engine.carrier.sendSms({
      messageId: 'm-b',
      to: '+14155550100',
      from: FROM,
      body: 'second',
      callbackUrl: engine.smsCallbackUrl('m-b'),
    });
    const probe = { to: '+14155550100', from: FROM, sentAfter };
    await expect(
      engine.carrier.findMessage({
        ...probe,
        messageId: 'm-a',
        body: 'first',
        providerMessageId: a.providerMessageId,
      }),
    ).resolves.toMatchObject({ providerMessageId: a.providerMessageId, messageId: 'm-a' });
    const b = await engine.carrier.findMessage({ ...probe, messageId: 'm-b', body: 'second' });
    expect(b?.providerMessageId).toBe(fake.messages[1]?.id);
    await expect(
      engine.carrier.findMessage({ ...probe, messageId: 'm-c', body: 'never sent' }),
    ).resolves.toBeUndefined();
  });

  it('inbound SMS: from, to and body parsed; JSON acknowledgement', async () => {
    await expect(
      fake.sendInboundSms(engine.inboundUrl, { from: '+14155550100', to: FROM, body: 'STOP' }),
    ).resolves.toBe(200);
    expect(engine.inbound[0]).toMatchObject({
      provider: 'telnyx',
      from: '+14155550100',
      to: FROM,
      body: 'STOP',
    });
    expect(engine.carrier.inboundSmsAcknowledgement()).toBeUndefined();
    expect(engine.carrier.answerDocument({ agent: 'plain', attemptId: 'a' }, 'answer')).toBeUndefined();
  });

  it('listOwnedNumbers lists the account numbers, E.164', async () => {
    await expect(engine.carrier.listOwnedNumbers()).resolves.toEqual([FROM, OTHER]);
  });

  it('every request went to the configured apiBaseUrl, with the API key', async () => {
    await engine.carrier.originate(engine.request('att-b', '+14155550100', FROM));
    await engine.carrier.listOwnedNumbers();
    await fake.settled();
    await engine.carrier.findCall({
      attemptId: 'att-b',
      to: '+14155550100',
      from: FROM,
      placedAfter: new Date(Date.now() - 1000),
    });
    expect(fake.requests.length).toBeGreaterThan(3);
    for (const request of fake.requests) {
      expect(request.path.startsWith('/v2/')).toBe(true);
      expect(request.authorization).toBe(`Bearer ${fake.credentials['apiKey']}`);
    }
  });
});
