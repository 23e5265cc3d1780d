import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeWebhookDelivery } from '../../../testing/src/fake-carriers/fake-carrier';
import { getExpectedTwilioSignature } from 'twilio';
import { WebhookPayloadError, WebhookSignatureError } from '../../src';
import type { TwilioRig } from './harness';
import { CALLEE, DID, startRig } from './harness';

let rig: TwilioRig;
let completed: FakeWebhookDelivery;
let amd: FakeWebhookDelivery;

const input = (d: FakeWebhookDelivery, extra: { now?: Date; body?: string; url?: string } = {}) => ({
  headers: d.headers,
  rawBody: extra.body ?? d.body,
  url: extra.url ?? d.url,
  ...(extra.now ? { now: extra.now } : {}),
});

function refused(run: () => unknown): WebhookSignatureError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookSignatureError);
    return error as WebhookSignatureError;
  }
  throw new Error('expected the webhook to be refused');
}

describe('twilio adapter: webhook verification', () => {
  beforeAll(async () => {
    rig = await startRig();
    await rig.carrier.originate(
      rig.engine.originateRequest('att-wh', CALLEE, DID, { agent: 'plain', message: 'hi' }),
    );
    await rig.fake.settled();
    const isFinal = (d: FakeWebhookDelivery) => /CallStatus=completed/.test(d.body);
    completed = rig.fake.deliveries.find(isFinal) as FakeWebhookDelivery;
    amd = rig.fake.deliveries.find(
      (d) => d.body.includes('AnsweredBy=human') && !d.body.includes('CallStatus'),
    ) as FakeWebhookDelivery;
  });
  afterAll(() => rig.close());

  it('a genuine delivery verifies and names the attempt from the signed URL, the signature as delivery id', () => {
    const event = rig.carrier.parseCallEvent(input(completed));
    expect(event).toMatchObject({
      kind: 'completed',
      update: { attemptId: 'att-wh', outcome: 'human_connected', durationSeconds: 30 },
    });
    expect(event.kind === 'completed' && event.update.deliveryId).toBe(
      completed.headers['x-twilio-signature'],
    );
    expect(rig.carrier.parseCallEvent(input(amd))).toMatchObject({
      kind: 'machine_detected',
      answeredBy: 'human',
      attemptId: 'att-wh',
    });
    expect(rig.engine.refusals).toEqual([]);
  });

  it('a forged signature is refused (mismatch); a missing or malformed one too', async () => {
    const forged = getExpectedTwilioSignature(
      'not-the-auth-token-at-all',
      completed.url,
      Object.fromEntries(new URLSearchParams(completed.body)),
    );
    const headers = { ...completed.headers, 'x-twilio-signature': forged };
    expect(refused(() => rig.carrier.parseCallEvent({ ...input(completed), headers })).reason).toBe(
      'mismatch',
    );
    expect(refused(() => rig.carrier.parseCallEvent({ ...input(completed), headers: {} })).reason).toBe(
      'missing',
    );
    const bad = { ...completed.headers, 'x-twilio-signature': 'v1=abc' };
    expect(refused(() => rig.carrier.parseCallEvent({ ...input(completed), headers: bad })).reason).toBe(
      'malformed',
    );
    // Through HTTP as the engine sees it: the fake resends with the forged signature.
    await expect(rig.fake.resend({ ...completed, headers })).resolves.toBe(401);
  });

  it('an altered body or a delivery moved to another attempt’s URL is refused (mismatch)', async () => {
    const altered = completed.body.replace('CallDuration=30', 'CallDuration=300');
    expect(altered).not.toBe(completed.body);
    expect(refused(() => rig.carrier.parseCallEvent(input(completed, { body: altered }))).reason).toBe(
      'mismatch',
    );
    const moved = completed.url.replace('attempt=att-wh', 'attempt=att-other');
    expect(refused(() => rig.carrier.parseCallEvent(input(completed, { url: moved }))).reason).toBe(
      'mismatch',
    );
    const before = rig.engine.refusals.length;
    await expect(rig.fake.resend(completed, () => altered)).resolves.toBe(401);
    expect(rig.engine.refusals.slice(before)).toEqual(['mismatch']);
  });

  it('a replay carries the same delivery id (the engine refuses it); one past the tolerance is expired', async () => {
    const first = rig.carrier.parseCallEvent(input(completed));
    await expect(rig.fake.resend(completed)).resolves.toBe(200);
    const replay = rig.engine.events.at(-1);
    expect(replay?.kind === 'completed' && replay.update.deliveryId).toBe(
      first.kind === 'completed' && first.update.deliveryId,
    );
    const later = new Date(Date.now() + 301_000);
    expect(refused(() => rig.carrier.parseCallEvent(input(completed, { now: later }))).reason).toBe(
      'expired',
    );
  });

  it('a genuine delivery without the attempt in its URL is a payload error', () => {
    const url = `${rig.engine.publicUrl}/api/webhooks/twilio/accounts/default/call-status`;
    const params = Object.fromEntries(new URLSearchParams(completed.body));
    const headers = {
      'x-twilio-signature': getExpectedTwilioSignature(rig.fake.credentials['authToken'] ?? '', url, params),
    };
    expect(() => rig.carrier.parseCallEvent({ headers, rawBody: completed.body, url })).toThrow(
      WebhookPayloadError,
    );
  });
});
