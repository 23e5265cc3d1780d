import type { Kysely } from 'kysely';
import type { Database } from '@engine/db';
import {
  addSuppressions,
  createCustomerWithApiKey,
  heldNumbers,
  insertCampaign,
  insertDid,
  insertProspects,
} from '@engine/db';
import { contactWindowFor, isCallable } from '@engine/domain';

/** Ten caller IDs across the US; the simulator makes the one in 212 a bad DID. */
export const DEMO_DID_AREA_CODES = [
  '212',
  '312',
  '415',
  '213',
  '303',
  '602',
  '305',
  '206',
  '617',
  '404',
] as const;
export const BAD_DID_AREA_CODE = '212';

/** Prospect area codes across the US zones (Eastern, Central, Mountain, Arizona, Pacific, Alaska, Hawaii). */
const PROSPECT_AREA_CODES = [
  '212',
  '617',
  '305',
  '404',
  '312',
  '214',
  '303',
  '602',
  '415',
  '213',
  '206',
  '907',
  '808',
];

/** Zones outside the US, used only when it is night across the whole US at demo time. */
const DAYTIME_FALLBACK_ZONES = [
  'Europe/London',
  'Europe/Berlin',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/Sao_Paulo',
];

export interface DemoData {
  customerId: string;
  apiKey: string;
  campaignId: string;
  prospects: number;
  suppressed: number;
  outsideWindowNow: number;
  note: string | null;
  badDidNumber: string;
  didNumbers: string[];
}

const didNumber = (areaCode: string, i: number) => `+1${areaCode}${String(5_550_100 + i).padStart(7, '0')}`;

/**
 * The first block of demo caller IDs nobody holds. A caller ID has one owner, and the demo
 * customers of earlier runs keep theirs (their campaigns may still be dialing).
 */
export async function freeDemoDidNumbers(db: Kysely<Database>): Promise<string[]> {
  for (let block = 0; block < 1000; block += 1) {
    const numbers = DEMO_DID_AREA_CODES.map((code, i) =>
      didNumber(code, block * DEMO_DID_AREA_CODES.length + i),
    );
    if ((await heldNumbers(db, numbers)).size === 0) return numbers;
  }
  throw new Error('every block of demo caller IDs is held: retire the DIDs of earlier demo customers');
}

/** A demo customer with 10 DIDs, ~300 prospects across US zones (some suppressed, some asleep). */
export async function seedDemo(db: Kysely<Database>, now: Date, prospectCount = 300): Promise<DemoData> {
  const { customer, apiKey } = await createCustomerWithApiKey(
    db,
    `Demo customer ${now.toISOString().slice(0, 19)}`,
  );
  const didNumbers = await freeDemoDidNumbers(db);
  for (const [i, code] of DEMO_DID_AREA_CODES.entries()) {
    await insertDid(db, { customer_id: customer.id, number: didNumbers[i]!, area_code: code });
  }

  const campaign = await insertCampaign(db, {
    customer_id: customer.id,
    name: 'Demo voice campaign',
    channel: 'voice',
    mode: { calls_per_second: 10, max_attempts: 2, retry_delay_seconds: 20, agent: 'ai' },
    schedule: { timezone: 'America/Los_Angeles' },
  });

  const awake = (code: string) =>
    contactWindowFor({ e164: `+1${code}5550100` }, { channel: 'voice' }).isAllowed(now);
  const callableNow = PROSPECT_AREA_CODES.filter(awake);
  const asleepCodes = PROSPECT_AREA_CODES.filter((code) => !awake(code));
  const dayZones = DAYTIME_FALLBACK_ZONES.filter((zone) => isCallable(now, 'voice', [zone]));
  const nightZone = [...DAYTIME_FALLBACK_ZONES, 'Pacific/Kiritimati', 'Pacific/Honolulu'].find(
    (zone) => !isCallable(now, 'voice', [zone]),
  );
  const useFallback = callableNow.length < 3;
  const rows = Array.from({ length: prospectCount }, (_, i) => {
    const number = String(2_000_000 + i * 7).padStart(7, '0');
    // Every 12th prospect is deliberately one for whom it is night now: it waits for its window.
    if (i % 12 === 5) {
      const code = asleepCodes[i % Math.max(1, asleepCodes.length)] ?? PROSPECT_AREA_CODES[0]!;
      const timezone = asleepCodes.length > 0 ? null : (nightZone ?? null);
      return {
        campaign_id: campaign.id,
        phone: `+1${code}${number}`,
        area_code: code,
        timezone,
        variables: { first_name: `Prospect ${i}` },
      };
    }
    const code = PROSPECT_AREA_CODES[i % PROSPECT_AREA_CODES.length]!;
    const timezone =
      useFallback && !awake(code) ? (dayZones[i % Math.max(1, dayZones.length)] ?? null) : null;
    return {
      campaign_id: campaign.id,
      phone: `+1${code}${number}`,
      area_code: code,
      timezone,
      variables: { first_name: `Prospect ${i}` },
    };
  });
  // The engine's own window (federal, state rules and holidays), as the worker will judge them.
  const outsideWindowNow = rows.filter(
    (r) =>
      !contactWindowFor(
        { e164: r.phone, timezone: r.timezone, campaignZone: 'America/Los_Angeles' },
        { channel: 'voice' },
      ).isAllowed(now),
  ).length;
  await insertProspects(db, rows);
  const suppressedPhones = rows.filter((_, i) => i % 20 === 3).map((r) => r.phone);
  await addSuppressions(
    db,
    customer.id,
    suppressedPhones.map((phone) => ({ phone, reason: 'demo: asked not to be called' })),
  );

  return {
    customerId: customer.id,
    apiKey,
    campaignId: campaign.id,
    prospects: rows.length,
    suppressed: suppressedPhones.length,
    outsideWindowNow,
    note: useFallback
      ? "It is night across most of the US right now, so most demo prospects carry an explicit time zone where it is daytime (a prospect's own zone wins over its area code)."
      : null,
    badDidNumber: didNumbers[DEMO_DID_AREA_CODES.indexOf(BAD_DID_AREA_CODE)]!,
    didNumbers,
  };
}
