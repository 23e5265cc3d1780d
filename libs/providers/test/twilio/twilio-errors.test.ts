import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioCarrier, ProviderRequestError } from '../../src';
import type { TwilioRig } from './harness';
import { CALLEE, carrierWith, DID, startRig } from './harness';

let rig: TwilioRig;
const originate = (to = CALLEE, from = DID) =>
  rig.carrier.originate(rig.engine.originateRequest(`att-${Math.random()}`, to, from, { agent: 'plain' }));
const creates = () =>
  rig.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Calls.json')).length;

async function refusal(run: () => Promise<unknown>): Promise<ProviderRequestError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderRequestError);
  return error as ProviderRequestError;
}

describe('twilio adapter: carrier errors', () => {
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(() => rig.close());

  it('429 is rate_limited, retryable, with Retry-After, and the SDK did not retry', async () => {
    const before = creates();
    rig.fake.failNext(1, 429);
    const error = await refusal(() => originate());
    expect(error).toMatchObject({
      reason: 'rate_limited',
      retryable: true,
      status: 429,
      carrierCode: '20429',
      retryAfterMs: 1000,
    });
    expect(creates() - before).toBe(1);
    expect(rig.fake.calls).toHaveLength(0);
  });

  it.each([500, 503])('%i is retryable unavailable and the SDK did not retry by itself', async (status) => {
    const before = creates();
    rig.fake.failNext(1, status);
    const error = await refusal(() => originate());
    expect(error).toMatchObject({ reason: 'unavailable', retryable: true, status, operation: 'originate' });
    expect(creates() - before).toBe(1);
    expect(rig.fake.calls).toHaveLength(0);
  });

  it('the script’s invalid_number answers 21211: invalid_number, not retryable', async () => {
    rig.fake.script((to) => (to === '+14155550666' ? { answer: 'invalid_number' } : { answer: 'human' }));
    const error = await refusal(() => originate('+14155550666'));
    expect(error).toMatchObject({
      reason: 'invalid_number',
      retryable: false,
      status: 400,
      carrierCode: '21211',
    });
  });

  it('a caller ID the account does not own answers 21210: caller_id_unverified', async () => {
    const error = await refusal(() => originate(CALLEE, '+19175550000'));
    expect(error).toMatchObject({ reason: 'caller_id_unverified', retryable: false, carrierCode: '21210' });
  });

  it('a destination outside the geo permissions answers 21215: geo_permission', async () => {
    const error = await refusal(() => originate('+88216123456'));
    expect(error).toMatchObject({ reason: 'geo_permission', retryable: false, carrierCode: '21215' });
  });

  it('wrong credentials answer 401 / 20003: auth, for calls, texts and numbers alike', async () => {
    const wrong = carrierWith(rig.fake, { ...rig.fake.credentials, authToken: 'f'.repeat(32) });
    const request = rig.engine.originateRequest('att-auth', CALLEE, DID, { agent: 'plain' });
    await expect(wrong.originate(request)).rejects.toMatchObject({
      reason: 'auth',
      retryable: false,
      status: 401,
      carrierCode: '20003',
    });
    await expect(wrong.listOwnedNumbers()).rejects.toMatchObject({
      reason: 'auth',
      operation: 'listOwnedNumbers',
    });
    await expect(
      wrong.sendSms({
        messageId: 'm',
        to: CALLEE,
        from: DID,
        body: 'x',
        callbackUrl: rig.engine.smsCallbackUrl('m'),
      }),
    ).rejects.toMatchObject({ reason: 'auth', operation: 'sendSms' });
    expect(rig.fake.requests.filter((r) => !r.authorized)).toHaveLength(3);
  });

  it('a carrier that cannot be reached is a retryable failure (state unknown)', async () => {
    const unreachable = createTwilioCarrier({
      id: 'down',
      provider: 'twilio',
      credentials: rig.fake.credentials,
      apiBaseUrl: 'http://127.0.0.1:9',
      timeoutMs: 1_000,
    });
    const probe = { attemptId: 'a', to: CALLEE, from: DID, placedAfter: new Date() };
    await expect(unreachable.findCall(probe)).rejects.toMatchObject({
      reason: 'unavailable',
      retryable: true,
      operation: 'findCall',
    });
  });
});
