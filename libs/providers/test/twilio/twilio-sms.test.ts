import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendSmsRequest } from '../../src';
import type { TwilioRig } from './harness';
import { CALLEE, DID, startRig } from './harness';

let rig: TwilioRig;
const sms = (messageId: string, body: string, to = CALLEE): SendSmsRequest => ({
  messageId,
  to,
  from: DID,
  body,
  callbackUrl: rig.engine.smsCallbackUrl(messageId),
});

describe('twilio adapter: texts, numbers, base URL', () => {
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(() => rig.close());

  it('sends a text with the delivery callback and reads the signed receipts', async () => {
    const sentAfter = new Date();
    const result = await rig.carrier.sendSms(sms('msg-1', 'Your code is 1234'));
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(rig.fake.messages.at(-1)?.request).toMatchObject({
      To: CALLEE,
      From: DID,
      Body: 'Your code is 1234',
      StatusCallback: sms('msg-1', '').callbackUrl,
    });
    await rig.fake.settled();
    const receipts = rig.engine.receipts.filter((r) => r.messageId === 'msg-1');
    expect(receipts.map((r) => r.status)).toEqual(['sent', 'delivered']);
    expect(receipts[1]).toMatchObject({
      provider: 'twilio',
      providerMessageId: result.providerMessageId,
      deliveryId: expect.any(String),
    });
    // A lost send answer is resolved by numbers, time and body: the text is found, not resent.
    const found = await rig.carrier.findMessage({
      messageId: 'msg-1',
      to: CALLEE,
      from: DID,
      sentAfter,
      body: 'Your code is 1234',
    });
    expect(found).toEqual({
      providerMessageId: result.providerMessageId,
      messageId: 'msg-1',
      status: 'delivered',
    });
    await expect(
      rig.carrier.findMessage({ messageId: 'msg-x', to: CALLEE, from: DID, sentAfter, body: 'another text' }),
    ).resolves.toBeUndefined();
  });

  it('an undelivered text is failed with Twilio’s error code', async () => {
    rig.fake.script((to) => (to === '+14155550400' ? { answer: 'failed' } : { answer: 'human' }));
    const { providerMessageId } = await rig.carrier.sendSms(sms('msg-2', 'hello', '+14155550400'));
    await rig.fake.settled();
    expect(rig.engine.receipts.filter((r) => r.messageId === 'msg-2').at(-1)).toMatchObject({
      status: 'failed',
      errorCode: '30003',
    });
    const probe = {
      messageId: 'msg-2',
      to: '+14155550400',
      from: DID,
      sentAfter: new Date(0),
      body: 'hello',
      providerMessageId,
    };
    await expect(rig.carrier.findMessage(probe)).resolves.toMatchObject({
      status: 'failed',
      errorCode: '30003',
    });
  });

  it('parses inbound texts, answers them with empty TwiML; after STOP Twilio refuses texts: opted_out', async () => {
    await expect(
      rig.fake.sendInboundSms(rig.engine.inboundUrl, { from: CALLEE, to: DID, body: 'STOP' }),
    ).resolves.toBe(200);
    expect(rig.engine.inbound.at(-1)).toMatchObject({
      provider: 'twilio',
      from: CALLEE,
      to: DID,
      body: 'STOP',
    });
    expect(rig.engine.inbound.at(-1)?.providerMessageId).toMatch(/^SM/);
    expect(rig.carrier.inboundSmsAcknowledgement()).toEqual({
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><Response/>',
    });
    await expect(rig.carrier.sendSms(sms('msg-3', 'still there?'))).rejects.toMatchObject({
      reason: 'opted_out',
      retryable: false,
      carrierCode: '21610',
    });
    await rig.fake.sendInboundSms(rig.engine.inboundUrl, { from: CALLEE, to: DID, body: 'START' });
    await expect(rig.carrier.sendSms(sms('msg-4', 'welcome back'))).resolves.toMatchObject({
      providerMessageId: expect.any(String),
    });
    await rig.fake.settled();
  });

  it('lists the account’s numbers, E.164', async () => {
    await expect(rig.carrier.listOwnedNumbers()).resolves.toEqual([DID, '+12125550112'].sort());
  });

  it('every request went to the configured apiBaseUrl, authenticated', () => {
    const paths = rig.fake.requests.map(
      (r) => `${r.method} ${r.path.replace(/AC[0-9a-f]{32}/, 'AC…').replace(/SM[0-9a-f]{32}/, 'SM…')}`,
    );
    expect(new Set(paths)).toEqual(
      new Set([
        'POST /2010-04-01/Accounts/AC…/Messages.json',
        'GET /2010-04-01/Accounts/AC…/Messages.json',
        'GET /2010-04-01/Accounts/AC…/Messages/SM….json',
        'GET /2010-04-01/Accounts/AC…/IncomingPhoneNumbers.json',
      ]),
    );
    expect(rig.fake.requests.every((r) => r.authorized)).toBe(true);
  });
});
