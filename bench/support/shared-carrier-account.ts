/**
 * Campaigns whose caller IDs all belong to one carrier account at the Twilio fake, for
 * `carrier-rate-limit.bench.ts`: one customer, its DIDs, the account created through the API (as a
 * user would, like `test-stack/src/carrier-fakes.ts`, which cannot be imported here: its package
 * index pulls in vitest), and several voice campaigns with their prospects.
 */
import { sql } from 'kysely';
import { campaignWorkflowId } from '@engine/contracts';
import { createCustomerWithApiKey, insertCampaign } from '@engine/db';
import type { FakeTwilio } from '../../libs/testing/src/fake-carriers/twilio';
import { startFakeTwilio } from '../../libs/testing/src/fake-carriers/twilio';
import type { BenchCampaign, BenchStack } from './campaign-bench-stack';

export interface SharedAccountOptions {
  campaigns: number;
  prospectsPerCampaign: number;
  /** Each campaign's own pace (`calls_per_second`). */
  callsPerSecond: number;
  dids: number;
  /** The account's `cps_limit`. */
  cpsLimit: number;
  /** Keeps numbers of successive seedings apart (0, 1, 2...). */
  block: number;
}

export interface SharedAccount {
  fake: FakeTwilio;
  accountId: string;
  campaigns: BenchCampaign[];
  /** The campaign (index into `campaigns`) a callee number belongs to. */
  campaignOf(to: string): number;
}

const DID_BASE = 9_000_000;
const PROSPECT_BASE = 6_000_000;
const PER_CAMPAIGN_BLOCK = 10_000;

export async function seedSharedAccount(stack: BenchStack, o: SharedAccountOptions): Promise<SharedAccount> {
  if (o.prospectsPerCampaign > PER_CAMPAIGN_BLOCK) throw new Error(`at most ${PER_CAMPAIGN_BLOCK} prospects`);
  const { db } = stack;
  const { customer, apiKey } = await createCustomerWithApiKey(db, `carrier rate bench ${o.block}`);
  const firstDid = DID_BASE + o.block * 10_000;
  const dids = await sql<{ number: string }>`
    insert into dids (customer_id, number, area_code)
    select ${customer.id}, '+1415' || lpad((${firstDid}::int + g)::text, 7, '0'), '415'
    from generate_series(0, ${o.dids - 1}) g
    returning number`.execute(db);
  // Short calls: a person answers and hangs up after 2 simulated seconds (5 ms each).
  const fake = await startFakeTwilio({
    msPerCallSecond: 5,
    script: () => ({ answer: 'human', durationSeconds: 2 }),
    ownedNumbers: dids.rows.map((d) => d.number),
  });
  const answer = await fetch(`${stack.apiUrl}/api/carrier-accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({
      provider: fake.provider,
      name: 'shared twilio account (fake)',
      credentials: fake.credentials,
      cps_limit: o.cpsLimit,
      api_base_url: fake.baseUrl,
    }),
  });
  const body = (await answer.json()) as { id?: string };
  if (answer.status !== 201 || !body.id) {
    await fake.close();
    throw new Error(`creating the carrier account answered ${answer.status}: ${JSON.stringify(body)}`);
  }
  const accountId = body.id;
  await db
    .updateTable('dids')
    .set({ carrier_account_id: accountId })
    .where('customer_id', '=', customer.id)
    .execute();

  const campaigns: BenchCampaign[] = [];
  const prospectBase = PROSPECT_BASE + o.block * o.campaigns * PER_CAMPAIGN_BLOCK;
  for (let c = 0; c < o.campaigns; c++) {
    const campaign = await insertCampaign(db, {
      customer_id: customer.id,
      name: `shared account ${o.block}.${c} at ${o.callsPerSecond} cps`,
      channel: 'voice',
      mode: { calls_per_second: o.callsPerSecond, max_attempts: 1, min_did_score: 0 },
      schedule: { timezone: stack.callableZone },
    });
    const first = prospectBase + c * PER_CAMPAIGN_BLOCK;
    await sql`
      insert into prospects (campaign_id, phone, area_code, timezone)
      select ${campaign.id}, '+1415' || lpad((${first}::int + g)::text, 7, '0'), '415', ${stack.callableZone}
      from generate_series(0, ${o.prospectsPerCampaign - 1}) g`.execute(db);
    campaigns.push({
      campaignId: campaign.id,
      customerId: customer.id,
      workflowId: campaignWorkflowId(campaign.id),
      prospects: o.prospectsPerCampaign,
    });
  }
  await sql`analyze prospects`.execute(db);
  return {
    fake,
    accountId,
    campaigns,
    campaignOf: (to) => Math.floor((Number(to.slice(5)) - prospectBase) / PER_CAMPAIGN_BLOCK),
  };
}

/** How evenly `times` (epoch ms) keep to `limit` calls in any `windowMs`. */
export interface WindowStats {
  calls: number;
  spanMs: number;
  /** (calls − 1) per second between the first and the last call. */
  rate: number;
  /** The most calls in any window of `windowMs` (a half-open [t, t + windowMs)). */
  maxInWindow: number;
  /** Where that window starts, ms after the first call. */
  maxWindowAtMs: number;
  /** Windows (starting at a call) holding more than `limit` calls. */
  windowsOverLimit: number;
  /** Calls per whole second after the first call (the last, partial second left out). */
  perSecond: number[];
}

export function windowStats(times: readonly number[], limit: number, windowMs = 1000): WindowStats {
  const t = [...times].sort((a, b) => a - b);
  const first = t[0] ?? 0;
  const last = t.at(-1) ?? 0;
  let maxInWindow = 0;
  let maxWindowAtMs = 0;
  let windowsOverLimit = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (j < t.length && t[j]! - t[i]! < windowMs) j++;
    const n = j - i;
    if (n > limit) windowsOverLimit++;
    if (n > maxInWindow) {
      maxInWindow = n;
      maxWindowAtMs = t[i]! - first;
    }
  }
  const seconds = Math.floor((last - first) / 1000);
  const perSecond = new Array<number>(seconds).fill(0);
  for (const x of t) {
    const s = Math.floor((x - first) / 1000);
    if (s < seconds) perSecond[s]! += 1;
  }
  return {
    calls: t.length,
    spanMs: last - first,
    rate: t.length > 1 ? ((t.length - 1) * 1000) / (last - first) : 0,
    maxInWindow,
    maxWindowAtMs,
    windowsOverLimit,
    perSecond,
  };
}
