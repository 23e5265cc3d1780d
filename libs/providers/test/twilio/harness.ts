import type { Carrier } from '../../src';
import { createTwilioCarrier } from '../../src';
import type { FakeTwilio, FakeTwilioOptions } from '../../../testing/src/fake-carriers/twilio';
import { startFakeTwilio } from '../../../testing/src/fake-carriers/twilio';
import { EngineStub } from './engine-stub';

/** Our DID and a callee, E.164. */
export const DID = '+12125550111';
export const CALLEE = '+14155550100';

/** A Twilio fake, the adapter configured against it, and the engine's webhook side. */
export interface TwilioRig {
  fake: FakeTwilio;
  carrier: Carrier;
  engine: EngineStub;
  close(): Promise<void>;
}

export async function startRig(options: FakeTwilioOptions = {}): Promise<TwilioRig> {
  const fake = await startFakeTwilio({
    ownedNumbers: [DID, '+12125550112'],
    msPerCallSecond: 10,
    ...options,
  });
  const carrier = createTwilioCarrier({
    id: 'default',
    provider: 'twilio',
    credentials: fake.credentials,
    apiBaseUrl: fake.baseUrl,
    timeoutMs: 2_000,
  });
  const engine = await new EngineStub(carrier).listen();
  return {
    fake,
    carrier,
    engine,
    async close() {
      await fake.close();
      await engine.close();
    },
  };
}

/** The adapter with other credentials, against the same fake. */
export function carrierWith(fake: FakeTwilio, credentials: Record<string, string>): Carrier {
  return createTwilioCarrier({
    id: 'other',
    provider: 'twilio',
    credentials,
    apiBaseUrl: fake.baseUrl,
    timeoutMs: 2_000,
  });
}
