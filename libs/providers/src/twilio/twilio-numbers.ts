import type { TwilioClient } from './twilio-client';
import { twilioRequest } from './twilio-errors';

const E164 = /^\+[1-9]\d{6,14}$/;

/** The account's phone numbers (`IncomingPhoneNumbers`) that can call or text, E.164, sorted. */
export async function listTwilioNumbers(client: TwilioClient): Promise<string[]> {
  const numbers = await twilioRequest('listOwnedNumbers', () =>
    client.incomingPhoneNumbers.list({ pageSize: 1000 }),
  );
  const owned = numbers
    .filter((n) => n.capabilities?.voice !== false || n.capabilities?.sms !== false)
    .map((n) => n.phoneNumber)
    .filter((n) => E164.test(n));
  return [...new Set(owned)].sort();
}
