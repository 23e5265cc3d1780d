import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { uuid } from '../common/contract/fields';

/** The documents a call has: what to do once answered, and the voicemail drop. */
export const CALL_DOCUMENT_PURPOSES = ['answer', 'voicemail'] as const;

export class CallDocumentParams extends createZodDto(
  z
    .object({
      attemptId: uuid.meta({ description: 'the call attempt the document is for' }),
      purpose: z.enum(CALL_DOCUMENT_PURPOSES),
    })
    .strict(),
) {}

/**
 * The URL's signature, made by the worker that placed the call. Both are required; their shape is
 * checked here, their validity (HMAC, expiry) by the handler: a wrong one is a 403.
 */
export class CallDocumentQuery extends createZodDto(
  z
    .object({
      exp: z
        .string()
        .max(12)
        .regex(/^\d{1,12}$/, 'must be the expiry in Unix seconds')
        .meta({ description: 'expiry of the URL, Unix seconds' }),
      sig: z
        .string()
        .max(64)
        .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')
        .meta({ description: 'HMAC-SHA256 of the attempt, purpose and expiry (hex)' }),
    })
    // Carriers append their own parameters (Twilio: CallSid, From, ...) on a GET fetch.
    .loose(),
) {}

/** Carriers POST the call's parameters (form-encoded) when they fetch with POST; they are not read. */
const CARRIER_PARAMS = {
  type: 'object',
  additionalProperties: true,
  description: "the carrier's call parameters (not read)",
};
export const CALL_DOCUMENT_BODY = {
  required: false,
  content: {
    'application/x-www-form-urlencoded': { schema: CARRIER_PARAMS },
    'application/json': { schema: CARRIER_PARAMS },
  },
};

const XML = { schema: { type: 'string', description: 'TwiML (Twilio) or Plivo XML' } };
export const CALL_DOCUMENT_ANSWER = {
  description: "the document, in the call's carrier's language",
  content: { 'text/xml': XML, 'application/xml': XML },
};
