import type { Telnyx } from 'telnyx';
import { callTelnyx } from './telnyx-errors';

const E164 = /^\+[1-9]\d{6,14}$/;

/** The account's active phone numbers (`GET /v2/phone_numbers`, every page), E.164. */
export async function listTelnyxNumbers(client: Telnyx): Promise<string[]> {
  return callTelnyx('listOwnedNumbers', async () => {
    const numbers: string[] = [];
    for await (const number of client.phoneNumbers.list({ 'page[size]': 250 })) {
      // Numbers still being bought, ported or deleted cannot place calls yet (or any more).
      if (number.status === 'active' && E164.test(number.phone_number)) numbers.push(number.phone_number);
    }
    return numbers;
  });
}
