import { z } from 'zod';
import { VISIBLE_ASCII, VISIBLE_ASCII_MESSAGE } from '../credentials/credential-text';

/** A Plivo account's credentials: the auth id and auth token (which also signs webhooks, V3). */
export const plivoCredentialsSchema = z.object({
  authId: z.string().regex(/^(MA|SA)[A-Z0-9]{18}$/, 'must be a Plivo auth id (MA/SA + 18 characters)'),
  authToken: z
    .string()
    .min(16, 'must be the account auth token')
    .max(256)
    .regex(VISIBLE_ASCII, VISIBLE_ASCII_MESSAGE),
});
export type PlivoCredentials = z.infer<typeof plivoCredentialsSchema>;
