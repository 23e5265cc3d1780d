import { z } from 'zod';
import { VISIBLE_ASCII, VISIBLE_ASCII_MESSAGE } from '../credentials/credential-text';

/** A Twilio account's credentials: the account SID and its auth token (which also signs webhooks). */
export const twilioCredentialsSchema = z.object({
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC + 32 hex)'),
  authToken: z
    .string()
    .min(16, 'must be the account auth token')
    .max(256)
    .regex(VISIBLE_ASCII, VISIBLE_ASCII_MESSAGE),
});
export type TwilioCredentials = z.infer<typeof twilioCredentialsSchema>;
