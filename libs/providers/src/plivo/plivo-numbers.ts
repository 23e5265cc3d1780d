import type { PlivoClient } from './plivo-client';
import { plivoCall } from './plivo-errors';
import { toE164 } from './plivo-wire';

const PAGE = 20;
/** An account with more rented numbers than this is not a campaign engine's DID pool. */
const MAX_PAGES = 500;

interface PlivoNumberRecord {
  number?: string;
  voiceEnabled?: boolean;
  smsEnabled?: boolean;
}

/** The account's rented numbers that can call or text, as E.164, page by page (20 a page). */
export async function listPlivoNumbers(client: PlivoClient): Promise<string[]> {
  const numbers: string[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const offset = page * PAGE;
    const records = (await plivoCall('listOwnedNumbers', () =>
      client.numbers.list({ limit: PAGE, offset }),
    )) as unknown as PlivoNumberRecord[];
    for (const record of records) {
      if (!record.number) continue;
      if (record.voiceEnabled === false && record.smsEnabled === false) continue;
      numbers.push(toE164(record.number));
    }
    if (records.length < PAGE) break;
  }
  return numbers;
}
