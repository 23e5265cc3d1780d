import { z } from 'zod';
import { VISIBLE_ASCII, VISIBLE_ASCII_MESSAGE } from '../credentials/credential-text';

/**
 * A Telnyx account's credentials: the API key, the webhook public key (base64 ed25519, from the
 * portal) that verifies webhooks, the Call Control application (connection) that places calls, and
 * optionally the messaging profile that sends texts.
 */
export const telnyxCredentialsSchema = z.object({
  apiKey: z.string().min(8, 'must be a Telnyx API key').max(512).regex(VISIBLE_ASCII, VISIBLE_ASCII_MESSAGE),
  // Exactly what the adapter can load (base64 of a raw 32-byte ed25519 key), so an account the
  // API accepted never fails later when a webhook must be verified with it.
  publicKey: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=?$/, 'must be the base64 of the raw 32-byte ed25519 webhook public key'),
  connectionId: z
    .string()
    .min(1, 'must be the Call Control application id')
    .max(200)
    .regex(VISIBLE_ASCII, VISIBLE_ASCII_MESSAGE),
  messagingProfileId: z.string().min(1).max(200).regex(VISIBLE_ASCII, VISIBLE_ASCII_MESSAGE).optional(),
});
export type TelnyxCredentials = z.infer<typeof telnyxCredentialsSchema>;
