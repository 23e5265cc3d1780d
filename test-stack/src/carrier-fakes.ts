import type { CarrierProvider } from '@engine/providers';
import type { FakeCarrier, FakeCarrierOptions } from '@engine/testing';
import { startFakePlivo, startFakeTelnyx, startFakeTwilio } from '@engine/testing';
import type { CampaignStack } from './campaign-stack';

/** The real carriers, each with an in-process fake. */
export type RealCarrier = Exclude<CarrierProvider, 'sim'>;
export const RealCarriers: readonly RealCarrier[] = ['twilio', 'telnyx', 'plivo'];

/** Starts the fake of `provider`, speaking that carrier's wire format and signing. */
export function startFakeCarrier(
  provider: RealCarrier,
  options: FakeCarrierOptions = {},
): Promise<FakeCarrier> {
  switch (provider) {
    case 'twilio':
      return startFakeTwilio(options);
    case 'telnyx':
      return startFakeTelnyx(options);
    case 'plivo':
      return startFakePlivo(options);
  }
}

/** A carrier account created through the API, pointing at a fake. */
export interface FakeCarrierAccount {
  id: string;
  fake: FakeCarrier;
}

/**
 * Creates a carrier account for the API key's customer through `POST /api/carrier-accounts`, as a
 * user would, with the fake's credentials and base URL.
 */
export async function createFakeCarrierAccount(
  stack: Pick<CampaignStack, 'apiUrl'>,
  apiKey: string,
  fake: FakeCarrier,
  cpsLimit = 100,
): Promise<FakeCarrierAccount> {
  const answer = await fetch(`${stack.apiUrl}/api/carrier-accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({
      provider: fake.provider,
      name: `${fake.provider} (fake)`,
      credentials: fake.credentials,
      cps_limit: cpsLimit,
      api_base_url: fake.baseUrl,
    }),
  });
  const body = (await answer.json()) as { id?: string; message?: unknown };
  if (answer.status !== 201 || !body.id) {
    throw new Error(
      `creating the ${fake.provider} account answered ${answer.status}: ${JSON.stringify(body)}`,
    );
  }
  return { id: body.id, fake };
}
