import type { FakeCallScript, FakeCarrier, FakeTelnyx } from '@engine/testing';
import { FakePlivo, FakeTwilio, startFakePlivo, startFakeTelnyx, startFakeTwilio } from '@engine/testing';
import type { RealCarrier } from '@engine/test-stack';

/** What the account at the carrier refuses, in each carrier's own terms. */
export interface Refusals {
  /** Every DID of the customer. */
  numbers: readonly string[];
  /** A DID the account neither owns nor verified (refused as caller ID). */
  unownedCallerId?: string;
  /** Destinations outside the account's geo permissions. */
  geoBlocked?: readonly string[];
  script: (to: string) => FakeCallScript;
}

/** Starts `provider`'s fake refusing what `refusals` says, as that carrier would. */
export function startRefusingFake(provider: RealCarrier, refusals: Refusals): Promise<FakeCarrier> {
  const { unownedCallerId, script } = refusals;
  const geoBlocked = [...(refusals.geoBlocked ?? [])];
  const ownedNumbers = refusals.numbers.filter((n) => n !== unownedCallerId);
  const common = { msPerCallSecond: 50, script, ownedNumbers };
  switch (provider) {
    case 'twilio':
      // Twilio refuses a From outside the account's numbers (21210) and blocked countries (21215).
      return startFakeTwilio({ ...common, blockedPrefixes: ['+881', ...geoBlocked] });
    case 'telnyx':
      return startFakeTelnyx({ ...common, geoBlockedPrefixes: ['+53', ...geoBlocked] });
    case 'plivo':
      return startFakePlivo({
        ...common,
        geoBlockedPrefixes: geoBlocked,
        unverifiedCallerIds: unownedCallerId ? [unownedCallerId] : [],
      });
  }
}

const digits = (value: unknown) => String(value ?? '').replace(/\D/g, '');

/** The call-create requests the fake received for `to` (accepted or refused). */
export function createRequestsTo(fake: FakeCarrier, to: string): number {
  if (fake instanceof FakeTwilio) {
    return fake.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/Calls.json') && r.form.get('To') === to,
    ).length;
  }
  if (fake instanceof FakePlivo) {
    return fake.requests.filter(
      (r) => r.method === 'POST' && /\/Call\/?$/.test(r.path) && digits(r.body['to']) === digits(to),
    ).length;
  }
  return (fake as FakeTelnyx).requests.filter(
    (r) => r.method === 'POST' && r.path === '/v2/calls' && r.body['to'] === to,
  ).length;
}

/**
 * The fake's credentials with the secret reversed (same form, not the account's): the carrier
 * refuses them with its 401.
 */
export function wrongCredentials(fake: FakeCarrier): Record<string, string> {
  const secret = { twilio: 'authToken', telnyx: 'apiKey', plivo: 'authToken' }[fake.provider];
  const right = fake.credentials[secret] ?? '';
  return { ...fake.credentials, [secret]: [...right].reverse().join('') };
}
