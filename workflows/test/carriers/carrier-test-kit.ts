import type { CampaignWorkflowResult } from '@engine/contracts';
import type { Did, Prospect } from '@engine/db';
import type { FakeCarrier, FakeCallScript } from '@engine/testing';
import { seedCustomer, seedDids } from '@engine/testing';
import type { CampaignStack } from '@engine/test-stack';
import { createFakeCarrierAccount } from '@engine/test-stack';

/** Everyone answers and talks: the failure under test is the only thing that goes wrong. */
export const answers = (): FakeCallScript => ({ answer: 'human', durationSeconds: 30 });

/**
 * `answered` for a prospect a person answered, else its status. Whether that is `human_connected`
 * or `human_hangup` is not the point here (a plain campaign hangs up once its message is spoken).
 */
export const ANSWERED = 'answered';
export function answeredOr(status: string): string {
  return status === 'human_connected' || status === 'human_hangup' ? ANSWERED : status;
}

/** A customer with numbers on one carrier account, the account pointing at a fake. */
export interface CarrierCustomer {
  customer: { id: string };
  apiKey: string;
  dids: Did[];
  fake: FakeCarrier;
  accountId: string;
}

/**
 * A customer with `dids` numbers (areas given per number, default 415) on a fresh account created
 * through the API at the fake `start` returns (given the numbers, for its owned-number rules).
 * `credentials` replaces the fake's in the account (a wrong token).
 */
export async function customerOnFake(
  stack: CampaignStack,
  fakes: FakeCarrier[],
  options: {
    areas: readonly string[];
    start: (numbers: string[]) => Promise<FakeCarrier>;
    cpsLimit?: number;
    credentials?: (fake: FakeCarrier) => Record<string, string>;
  },
): Promise<CarrierCustomer> {
  const db = stack.database.db;
  const { customer, apiKey } = await seedCustomer(db);
  const dids: Did[] = [];
  for (const areaCode of options.areas) dids.push(...(await seedDids(db, customer.id, 1, { areaCode })));
  const fake = await options.start(dids.map((d) => d.number));
  fakes.push(fake);
  const account = await createFakeCarrierAccount(
    stack,
    apiKey,
    options.credentials
      ? ({
          provider: fake.provider,
          baseUrl: fake.baseUrl,
          credentials: options.credentials(fake),
        } as FakeCarrier)
      : fake,
    options.cpsLimit ?? 100,
  );
  await db
    .updateTable('dids')
    .set({ carrier_account_id: account.id })
    .where('customer_id', '=', customer.id)
    .execute();
  return { customer, apiKey, dids, fake, accountId: account.id };
}

/** Starts the campaign's workflow and waits for its result. */
export async function runToEnd(stack: CampaignStack, campaignId: string): Promise<CampaignWorkflowResult> {
  const workflowId = await stack.startCampaign(campaignId);
  return (await stack.temporal.client.workflow.getHandle(workflowId).result()) as CampaignWorkflowResult;
}

export function prospectsOf(stack: CampaignStack, campaignId: string): Promise<Prospect[]> {
  return stack.database.db
    .selectFrom('prospects')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('id')
    .execute();
}

/** How many calls the fake placed to each number. */
export function callsPerNumber(fake: FakeCarrier): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of fake.calls) counts.set(call.to, (counts.get(call.to) ?? 0) + 1);
  return counts;
}

/** The most call creates the fake accepted within any `windowMs` (a window [t, t + windowMs)). */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= windowMs) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** The events of one type the engine stored for a campaign (or, with `null`, for the customer). */
export function storedEvents(
  stack: CampaignStack,
  type: string,
  where: { campaignId: string } | { customerId: string },
): Promise<Array<{ type: string; payload: Record<string, unknown> }>> {
  let query = stack.database.db.selectFrom('events').select(['type', 'payload']).where('type', '=', type);
  query =
    'campaignId' in where
      ? query.where('campaign_id', '=', where.campaignId)
      : query.where('customer_id', '=', where.customerId);
  return query.orderBy('id').execute();
}
