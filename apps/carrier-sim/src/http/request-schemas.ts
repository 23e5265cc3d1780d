import type { SendSmsRequest, SimOriginateRequest } from '@engine/providers';
import { VoiceAgents } from '@engine/providers';
import { z } from 'zod';
import { WebhookKinds } from '../ledger/ledger-entries';
import { E164 } from '../phone';

const e164 = z.string().regex(E164, 'must be an E.164 number such as +14155550100');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const id = z.string().min(1).max(200);
/** A concatenated SMS tops out at 10 segments of 160 GSM-7 characters. */
const smsBody = z.string().min(1).max(1600);

/** `POST /sim/calls`. Unknown fields are ignored, as real carriers do. */
export const originateBodySchema = z.object({
  attemptId: id,
  to: e164,
  from: e164,
  callbackUrl: httpUrl,
  agent: z.enum(VoiceAgents),
  amd: z.boolean(),
  voicemailDropUrl: httpUrl.optional(),
  campaignId: id.optional(),
  // The call's own plan: recorded in the ledger; maxDurationSeconds caps the talk time.
  answerUrl: httpUrl.optional(),
  maxDurationSeconds: z.number().int().min(1).max(14_400).optional(),
  record: z.boolean().optional(),
  voice: z.string().min(1).max(200).optional(),
  flowName: z.string().min(1).max(200).optional(),
  variables: z.record(z.string().max(200), z.string().max(10_000)).optional(),
}) satisfies z.ZodType<SimOriginateRequest>;

/** `POST /sim/messages`. */
export const sendSmsBodySchema = z.object({
  messageId: id,
  to: e164,
  from: e164,
  body: smsBody,
  callbackUrl: httpUrl,
}) satisfies z.ZodType<SendSmsRequest>;

/** `POST /sim/inbound`: a message from `from` (the prospect) to `to` (a DID). */
export const inboundBodySchema = z.object({
  from: e164,
  to: e164,
  body: smsBody,
  callbackUrl: httpUrl.optional(),
});

const limit = z.coerce.number().int().positive();
const since = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

// Query schemas are strict: a misspelt filter must fail, not silently list everything.

/** `GET /sim/calls`. */
export const callListQuerySchema = z
  .object({ since, attemptId: id, from: e164, to: e164, campaignId: id, limit })
  .partial()
  .strict();

/** `GET /sim/messages`. */
export const messageListQuerySchema = z
  .object({ since, messageId: id, direction: z.enum(['outbound', 'inbound']), limit })
  .partial()
  .strict();

/** `GET /sim/webhooks`. */
export const webhookListQuerySchema = z
  .object({
    attemptId: id,
    messageId: id,
    kind: z.enum(WebhookKinds),
    result: z.enum(['delivered', 'rejected', 'error', 'dropped']),
    limit,
  })
  .partial()
  .strict();
