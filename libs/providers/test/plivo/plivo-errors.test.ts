import { afterEach, describe, expect, it } from 'vitest';
import { ProviderRequestError } from '../../src';
import type { PlivoKit } from './plivo-test-kit';
import { CALLEES, DID, originateRequest, scriptByCallee, startKit } from './plivo-test-kit';

async function refusal(promise: Promise<unknown>): Promise<ProviderRequestError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderRequestError);
  return err as ProviderRequestError;
}

function callCreates(kit: PlivoKit): number {
  return kit.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Call/')).length;
}

describe('plivo adapter: carrier errors', () => {
  let kit: PlivoKit;
  afterEach(async () => {
    await kit.close();
  });

  it('429 is rate_limited, retryable, with Retry-After, and places nothing', async () => {
    kit = await startKit({ script: scriptByCallee });
    kit.fake.failNext(1, 429);
    const err = await refusal(kit.carrier.originate(originateRequest(kit, CALLEES.human)));
    expect(err).toMatchObject({
      provider: 'plivo',
      operation: 'originate',
      status: 429,
      reason: 'rate_limited',
    });
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBe(2_000);
    expect(kit.fake.calls).toHaveLength(0);
  });

  it.each([500, 503])(
    '%i is a retryable unavailable, and the SDK did not re-send the create',
    async (status) => {
      kit = await startKit({ script: scriptByCallee });
      kit.fake.failNext(1, status);
      const err = await refusal(kit.carrier.originate(originateRequest(kit, CALLEES.human)));
      expect(err).toMatchObject({ status, reason: 'unavailable', retryable: true });
      // The SDK's own layer would have sent it up to three times; the fake saw exactly one.
      expect(callCreates(kit)).toBe(1);
      expect(kit.fake.calls).toHaveLength(0);
    },
  );

  it('an invalid destination is invalid_number, not retryable, with Plivo’s error text', async () => {
    kit = await startKit({ script: scriptByCallee });
    const err = await refusal(kit.carrier.originate(originateRequest(kit, CALLEES.invalid)));
    expect(err).toMatchObject({ status: 400, reason: 'invalid_number', retryable: false });
    expect(err.carrierCode).toMatch(/Invalid destination number/);
    expect(kit.fake.calls).toHaveLength(0);
  });

  it('an unverified caller ID is caller_id_unverified', async () => {
    kit = await startKit({ script: scriptByCallee, unverifiedCallerIds: [DID] });
    const err = await refusal(kit.carrier.originate(originateRequest(kit, CALLEES.human)));
    expect(err).toMatchObject({ status: 400, reason: 'caller_id_unverified', retryable: false });
  });

  it('a destination outside the geo permissions is geo_permission', async () => {
    kit = await startKit({ script: scriptByCallee, geoBlockedPrefixes: ['+44'] });
    const err = await refusal(kit.carrier.originate(originateRequest(kit, '+442071838750')));
    expect(err).toMatchObject({ status: 403, reason: 'geo_permission', retryable: false });
  });

  it('bad credentials are auth, for calls, texts and numbers alike', async () => {
    kit = await startKit(
      { script: scriptByCallee },
      { authId: 'MAWRONGWRONGWRONG000', authToken: 'not-the-right-token' },
    );
    const call = await refusal(kit.carrier.originate(originateRequest(kit, CALLEES.human)));
    expect(call).toMatchObject({ status: 401, reason: 'auth', retryable: false });
    const sms = await refusal(
      kit.carrier.sendSms({
        messageId: 'm1',
        to: CALLEES.human,
        from: DID,
        body: 'hi',
        callbackUrl: kit.engine.smsCallbackUrl('m1'),
      }),
    );
    expect(sms).toMatchObject({ status: 401, reason: 'auth', operation: 'sendSms' });
    await expect(kit.carrier.listOwnedNumbers()).rejects.toMatchObject({ reason: 'auth' });
  });

  it('a dead endpoint is a retryable unavailable (state unknown)', async () => {
    kit = await startKit({ script: scriptByCallee });
    await kit.fake.close();
    const err = await refusal(kit.carrier.originate(originateRequest(kit, CALLEES.human)));
    expect(err).toMatchObject({ reason: 'unavailable', retryable: true });
  });
});
