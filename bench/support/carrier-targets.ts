/**
 * What `carrier-adapters.bench.ts` talks to: each carrier's in-process fake (imported from its
 * folder, not from `@engine/testing`, whose index pulls in vitest) or the carrier simulator, and a
 * realistic originate request for it.
 */
import { randomUUID } from 'node:crypto';
import { startCarrierSim } from '@engine/carrier-sim';
import { createLogger } from '@engine/config';
import type { CarrierProvider, OriginateRequest } from '@engine/providers';
import { callStatusUrl, signedDocumentUrl } from '@engine/providers';
import type { FakeCallScript } from '../../libs/testing/src/fake-carriers/fake-carrier';
import { startFakePlivo } from '../../libs/testing/src/fake-carriers/plivo';
import { startFakeTelnyx } from '../../libs/testing/src/fake-carriers/telnyx';
import { startFakeTwilio } from '../../libs/testing/src/fake-carriers/twilio';

export const SIM_WEBHOOK_SECRET = 'bench-sim-webhook-secret';
export const DOCUMENT_SECRET = 'bench-document-secret';
export const BENCH_ACCOUNT_ID = '0b0e5c4a-6a47-4d2c-9f0e-3c1d2b7a9e11';
export const CALLER_ID = '+14155550100';

export interface CarrierTarget {
  provider: CarrierProvider;
  baseUrl: string;
  credentials: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A carrier to originate against. `quiet`: nothing happens to a call for minutes (a never-answered
 * call ringing on a very slow clock), so no webhook competes with the timing; otherwise calls ring
 * out unanswered within milliseconds and their signed webhooks follow.
 */
export async function startTarget(provider: CarrierProvider, quiet: boolean): Promise<CarrierTarget> {
  const script = (): FakeCallScript => ({ answer: 'no_answer' });
  const fakeOptions = { msPerCallSecond: quiet ? 1_000_000 : 1, script, ownedNumbers: [CALLER_ID] };
  switch (provider) {
    case 'sim': {
      const sim = await startCarrierSim({
        port: 0,
        webhookSecret: SIM_WEBHOOK_SECRET,
        logger: createLogger('carrier-sim', 'warn'),
        config: quiet
          ? { timeScale: 1, ringMs: 86_400_000, seed: 7 }
          : { timeScale: 0.001, ringMs: 0, seed: 7, defaults: { weights: { no_answer: 1 } } },
      });
      return {
        provider,
        baseUrl: sim.url,
        credentials: { webhookSecret: SIM_WEBHOOK_SECRET },
        close: () => sim.close(),
      };
    }
    case 'twilio':
      return wrap(provider, await startFakeTwilio(fakeOptions));
    case 'telnyx':
      return wrap(provider, await startFakeTelnyx(fakeOptions));
    case 'plivo':
      return wrap(provider, await startFakePlivo(fakeOptions));
  }
}

function wrap(
  provider: CarrierProvider,
  fake: { baseUrl: string; credentials: Record<string, string>; close(): Promise<void> },
): CarrierTarget {
  return { provider, baseUrl: fake.baseUrl, credentials: fake.credentials, close: () => fake.close() };
}

/** An originate request as `originateCalls` builds it: per-attempt callback, signed documents, AMD. */
export function benchOriginateRequest(
  provider: CarrierProvider,
  apiBaseUrl: string,
  index: number,
): OriginateRequest {
  const attemptId = randomUUID();
  const campaignId = '5d7c2a8e-1f3b-4c6d-8e9f-0a1b2c3d4e5f';
  return {
    attemptId,
    to: `+1415${String(3_000_000 + (index % 1_000_000)).padStart(7, '0')}`,
    from: CALLER_ID,
    callbackUrl: callStatusUrl(apiBaseUrl, provider, BENCH_ACCOUNT_ID, attemptId),
    documents: {
      answerUrl: signedDocumentUrl(apiBaseUrl, DOCUMENT_SECRET, attemptId, 'answer'),
      voicemailUrl: signedDocumentUrl(apiBaseUrl, DOCUMENT_SECRET, attemptId, 'voicemail'),
    },
    amd: true,
    plan: {
      agent: 'plain',
      message: 'Hello, this is a reminder of your appointment tomorrow at ten. Press 1 to confirm.',
      voicemailDropUrl: 'https://cdn.example.test/voicemail/reminder.mp3',
      attemptId,
      campaignId,
    },
    campaignId,
  };
}
