import { randomUUID } from 'node:crypto';
import type { CallPlan, Carrier, OriginateRequest } from '../../src';
import { createPlivoCarrier } from '../../src';
import type { FakePlivo, FakePlivoOptions } from '../../../testing/src/fake-carriers/plivo';
import { startFakePlivo } from '../../../testing/src/fake-carriers/plivo';
import { EngineStandIn } from './engine-stand-in';

export const DID = '+14155550100';

/** A fake Plivo, the adapter configured on it, and the engine's webhook side. */
export interface PlivoKit {
  fake: FakePlivo;
  carrier: Carrier;
  engine: EngineStandIn;
  close(): Promise<void>;
}

export async function startKit(
  options: FakePlivoOptions = {},
  credentials?: Record<string, string>,
): Promise<PlivoKit> {
  const fake = await startFakePlivo({ msPerCallSecond: 5, ownedNumbers: [DID], ...options });
  const carrier = createPlivoCarrier({
    id: 'acc-1',
    provider: 'plivo',
    credentials: credentials ?? fake.credentials,
    apiBaseUrl: fake.baseUrl,
    timeoutMs: 2_000,
  });
  const engine = await new EngineStandIn(carrier).start();
  return {
    fake,
    carrier,
    engine,
    close: async () => {
      await fake.close();
      await engine.close();
    },
  };
}

export function plan(overrides: Partial<CallPlan> = {}): CallPlan {
  return {
    agent: 'plain',
    message: 'Hello from the campaign',
    attemptId: randomUUID(),
    campaignId: randomUUID(),
    ...overrides,
  };
}

/** An originate request for `to` with the plan's attempt, registered with the engine stand-in. */
export function originateRequest(kit: PlivoKit, to: string, callPlan: CallPlan = plan()): OriginateRequest {
  const { callbackUrl, documents } = kit.engine.attempt(callPlan);
  return {
    attemptId: callPlan.attemptId,
    to,
    from: DID,
    callbackUrl,
    documents,
    amd: true,
    plan: callPlan,
    ...(callPlan.campaignId ? { campaignId: callPlan.campaignId } : {}),
  };
}

/** A callee number per script, so one fake serves every scenario. */
export const CALLEES = {
  human: '+14155550101',
  shortHuman: '+14155550102',
  machine: '+14155550103',
  noAnswer: '+14155550104',
  busy: '+14155550105',
  failed: '+14155550106',
  invalid: '+14155550107',
} as const;

export function scriptByCallee(to: string): ReturnType<NonNullable<FakePlivoOptions['script']>> {
  switch (to) {
    case CALLEES.shortHuman:
      return { answer: 'human', durationSeconds: 3 };
    case CALLEES.machine:
      return { answer: 'machine', durationSeconds: 40 };
    case CALLEES.noAnswer:
      return { answer: 'no_answer' };
    case CALLEES.busy:
      return { answer: 'busy' };
    case CALLEES.failed:
      return { answer: 'failed' };
    case CALLEES.invalid:
      return { answer: 'invalid_number' };
    default:
      return { answer: 'human', durationSeconds: 30 };
  }
}
