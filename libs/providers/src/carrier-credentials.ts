import { z } from 'zod';
import type { CarrierProvider } from './carrier';
import { plivoCredentialsSchema } from './plivo/plivo-credentials';
import { telnyxCredentialsSchema } from './telnyx/telnyx-credentials';
import { twilioCredentialsSchema } from './twilio/twilio-credentials';

/** The simulator needs no credentials; a webhook secret may be given (default `WEBHOOK_SECRET`). */
export const simCredentialsSchema = z.object({ webhookSecret: z.string().min(8).max(512).optional() });

/**
 * Each carrier's credentials schema: the API validates against it (and documents it: the API's
 * request schemas are built from these), adapters parse with it. `satisfies` keeps each one's own
 * type, which the API's per-provider request schemas need.
 */
export const carrierCredentialsSchemas = {
  sim: simCredentialsSchema,
  twilio: twilioCredentialsSchema,
  telnyx: telnyxCredentialsSchema,
  plivo: plivoCredentialsSchema,
} as const satisfies Record<CarrierProvider, z.ZodObject>;

/**
 * The credential field that is the account's public identifier (shown by the API instead of any
 * secret): Twilio's account SID, Plivo's auth id. Telnyx and the simulator have none.
 */
export const carrierAccountRefField: Record<CarrierProvider, string | undefined> = {
  sim: undefined,
  twilio: 'accountSid',
  telnyx: undefined,
  plivo: 'authId',
};
