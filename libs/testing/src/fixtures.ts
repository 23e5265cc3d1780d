import type { Kysely } from 'kysely';
import type { Campaign, CampaignChannel, Customer, Database, Did, NewCampaign } from '@engine/db';
import { createCustomerWithApiKey, insertCampaign } from '@engine/db';

/** A customer with an API key, for tests that need a tenant. */
export async function seedCustomer(
  db: Kysely<Database>,
  name = 'Test customer',
): Promise<{ customer: Customer; apiKey: string }> {
  return createCustomerWithApiKey(db, name);
}

export async function seedCampaign(
  db: Kysely<Database>,
  customerId: string,
  overrides: Partial<NewCampaign> & { channel?: CampaignChannel } = {},
): Promise<Campaign> {
  return insertCampaign(db, {
    customer_id: customerId,
    name: 'Test campaign',
    channel: 'voice',
    ...overrides,
  });
}

/**
 * Where the next `seedDids` without `startAt` begins. A caller ID has one owner, so two customers
 * of one test database must not be given the same numbers: each call takes numbers of its own.
 */
let nextDidNumber = 2_000_000;

/**
 * `count` DIDs with distinct numbers in `areaCode` (default 415), all active with score 1 and no
 * evidence (bounds 0 and 1, unrated) unless given. Numbers start at `startAt`, or else where the
 * previous call of this process left off.
 */
export async function seedDids(
  db: Kysely<Database>,
  customerId: string,
  count: number,
  options: {
    areaCode?: string;
    score?: number;
    /** Upper / lower confidence bound of the score (default 1 / 0: nothing known). */
    upper?: number;
    lower?: number;
    sampleSize?: number;
    startAt?: number;
    /** The carrier account the numbers belong to (default none: the environment's). */
    carrierAccountId?: string;
  } = {},
): Promise<Did[]> {
  const areaCode = options.areaCode ?? '415';
  const start = options.startAt ?? nextDidNumber;
  if (options.startAt === undefined) nextDidNumber += count;
  const rows = Array.from({ length: count }, (_, i) => ({
    customer_id: customerId,
    number: `+1${areaCode}${String(start + i).padStart(7, '0')}`,
    area_code: areaCode,
    health_score: options.score ?? 1,
    health_score_upper: options.upper ?? 1,
    health_score_lower: options.lower ?? 0,
    health_sample_size: options.sampleSize ?? 0,
    carrier_account_id: options.carrierAccountId ?? null,
  }));
  return db.insertInto('dids').values(rows).returningAll().execute();
}

/** `count` prospects with distinct valid NANP numbers (area code 415 unless given), bulk-inserted. */
export async function seedProspects(
  db: Kysely<Database>,
  campaignId: string,
  count: number,
  options: { areaCode?: string; timezone?: string | null; startAt?: number } = {},
): Promise<Array<{ id: number; phone: string }>> {
  const areaCode = options.areaCode ?? '415';
  const start = options.startAt ?? 3_000_000;
  // Due now by the activities' clock: PostgreSQL's own now() stamps to the microsecond, and a tick
  // in the same millisecond (the clock reads milliseconds) would not find the prospect due yet.
  const dueAt = new Date();
  const rows = Array.from({ length: count }, (_, i) => ({
    campaign_id: campaignId,
    phone: `+1${areaCode}${String(start + i).padStart(7, '0')}`,
    area_code: areaCode,
    timezone: options.timezone ?? null,
    next_attempt_at: dueAt,
  }));
  const inserted: Array<{ id: number; phone: string }> = [];
  for (let i = 0; i < rows.length; i += 5000) {
    inserted.push(
      ...(await db
        .insertInto('prospects')
        .values(rows.slice(i, i + 5000))
        .returning(['id', 'phone'])
        .execute()),
    );
  }
  return inserted;
}

const ZONES_BY_OFFSET = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Atlantic/South_Georgia',
  'Atlantic/Azores',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Athens',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Brisbane',
  'Pacific/Noumea',
  'Pacific/Auckland',
];

/** A real IANA zone whose local hour at `now` is within [fromHour, toHour) — for window tests. */
export function zoneWithLocalHour(now: Date, fromHour: number, toHour: number): string {
  for (const zone of ZONES_BY_OFFSET) {
    const hour = Number(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(now),
    );
    if (hour >= fromHour && hour < toHour) return zone;
  }
  throw new Error(`no zone in the list has a local hour in [${fromHour}, ${toHour}) at ${now.toISOString()}`);
}
