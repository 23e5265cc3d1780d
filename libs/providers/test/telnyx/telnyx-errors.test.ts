import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTelnyx } from '../../../testing/src/fake-carriers/telnyx';
import { startFakeTelnyx } from '../../../testing/src/fake-carriers/telnyx';
import { createTelnyxCarrier, ProviderRequestError } from '../../src';
import { EngineStub } from './telnyx-engine-stub';

const FROM = '+12125550111';

describe('Telnyx adapter: carrier errors', () => {
  let fake: FakeTelnyx;
  let engine: EngineStub;

  beforeEach(async () => {
    fake = await startFakeTelnyx({
      ownedNumbers: [FROM],
      script: (to) => (to === '+14155550999' ? { answer: 'invalid_number' } : { answer: 'busy' }),
    });
    engine = await EngineStub.start(fake);
  });
  afterEach(async () => {
    await engine.close();
    await fake.close();
  });

  const dial = (to = '+14155550100', from = FROM) =>
    engine.carrier.originate(engine.request('att-e', to, from));
  const dialCalls = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/v2/calls');

  it('429 → rate_limited, retryable, with retryAfterMs from Retry-After; nothing placed', async () => {
    fake.failNext(1, 429);
    const error = await dial().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRequestError);
    expect(error).toMatchObject({
      reason: 'rate_limited',
      retryable: true,
      retryAfterMs: 1000,
      status: 429,
      carrierCode: '10011',
    });
    expect(fake.calls).toHaveLength(0);
    expect(dialCalls()).toHaveLength(1);
  });

  it.each([500, 503])('%i → retryable unavailable, and the SDK did not retry by itself', async (status) => {
    fake.failNext(1, status);
    await expect(dial()).rejects.toMatchObject({
      reason: 'unavailable',
      retryable: true,
      status,
      carrierCode: '10007',
    });
    // One request only: a second one would have placed a call (the failure was for one request).
    expect(dialCalls()).toHaveLength(1);
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    ['invalid number (script)', '+14155550999', FROM, 'invalid_number', '10002', 422],
    ['callee not E.164', '4155550100', FROM, 'invalid_number', '10016', 422],
    ['caller ID not on the account', '+14155550100', '+12125550999', 'caller_id_unverified', 'D35', 403],
    ['destination country not whitelisted', '+5372000000', FROM, 'geo_permission', 'D13', 403],
  ] as const)('%s → %s (%s)', async (_name, to, from, reason, code, status) => {
    await expect(dial(to, from)).rejects.toMatchObject({
      reason,
      carrierCode: code,
      status,
      retryable: false,
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('bad credentials → auth (401, 10009) on every operation', async () => {
    const wrong = createTelnyxCarrier({
      id: 'bad',
      provider: 'telnyx',
      credentials: { ...fake.credentials, apiKey: 'KEY_not_the_right_one' },
      apiBaseUrl: fake.baseUrl,
    });
    const refused = { reason: 'auth', status: 401, carrierCode: '10009', retryable: false };
    await expect(wrong.originate(engine.request('att-a', '+14155550100', FROM))).rejects.toMatchObject(
      refused,
    );
    await expect(wrong.listOwnedNumbers()).rejects.toMatchObject({
      ...refused,
      operation: 'listOwnedNumbers',
    });
    await expect(
      wrong.sendSms({
        messageId: 'm',
        to: '+14155550100',
        from: FROM,
        body: 'x',
        callbackUrl: engine.smsCallbackUrl('m'),
      }),
    ).rejects.toMatchObject(refused);
    expect(fake.calls).toHaveLength(0);
  });

  it('a network failure (nothing listening) is retryable unavailable', async () => {
    const gone = createTelnyxCarrier({
      id: 'gone',
      provider: 'telnyx',
      credentials: fake.credentials,
      apiBaseUrl: 'http://127.0.0.1:9/v2',
    });
    await expect(gone.originate(engine.request('att-n', '+14155550100', FROM))).rejects.toMatchObject({
      reason: 'unavailable',
      retryable: true,
    });
  });

  it('an ai plan without a stream URL is refused before dialing', async () => {
    await expect(
      engine.carrier.originate(engine.request('att-x', '+14155550100', FROM, { agent: 'ai' })),
    ).rejects.toMatchObject({ reason: 'refused', retryable: false });
    expect(dialCalls()).toHaveLength(0);
  });
});
