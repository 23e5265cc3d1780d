import { z } from 'zod';

/**
 * A Telnyx account's credentials: the API key, the webhook public key (base64 ed25519, from the
 * portal) that verifies webhooks, the Call Control application (connection) that places calls, and
 * optionally the messaging profile that sends texts.
 */
export const telnyxCredentialsSchema = z.object({
  apiKey: z.string().min(8, 'must be a Telnyx API key'),
  publicKey: z.string().min(40, 'must be the base64 ed25519 webhook public key'),
  connectionId: z.string().min(1, 'must be the Call Control application id'),
  messagingProfileId: z.string().min(1).optional(),
});
export type TelnyxCredentials = z.infer<typeof telnyxCredentialsSchema>;
