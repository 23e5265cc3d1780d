import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CallPriorities } from '@engine/domain';
import { pageQuery, phoneNumber, storedText, uuid } from '../common/contract/fields';
import { scheduledAt } from './scheduled-at';

/**
 * Request schemas of /api/calls (seed 001's field names, snake_case). `call_config` is stored as
 * given and travels with the call to the dialer.
 */

export const MAX_CALL_VARIABLES = 50;
/** The variables of one call, as JSON, at most this long. */
export const MAX_CALL_VARIABLES_CHARS = 4_096;
export const MAX_BULK_CALLS = 10_000;

/** A host, an optional port, then visible ASCII: what the dialer can fetch, nothing a parser may refuse. */
const HTTP_URL = /^https?:\/\/[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?(?:[/?#][\x21-\x7e]{0,1700})?$/;

export const CallConfigSchema = z
  .object({
    agent: z
      .enum(['ai', 'plain'])
      .optional()
      .meta({ description: 'who talks when the call is answered: the AI agent server or a plain flow' }),
    voice: storedText(64)
      .optional()
      .meta({ description: 'voice or language of the agent', example: 'en-US' }),
    max_duration: z
      .number()
      .int()
      .min(1)
      .max(14_400)
      .optional()
      .meta({ description: 'longest the call may last, in seconds', example: 1800 }),
    recording_enabled: z.boolean().optional().meta({ description: 'record the call' }),
    flow_name: storedText(200)
      .optional()
      .meta({ description: 'the agent flow to run', example: 'wishfin-test' }),
    answer_url: z
      .string()
      .max(2048)
      .regex(HTTP_URL, 'must be an http(s) URL: a host, an optional port, then visible ASCII characters')
      .optional()
      .meta({
        description: 'where the carrier fetches the call flow once answered: an http(s) URL',
        example: 'https://example.com/outbound-answer',
      }),
    variables: z
      .record(storedText(100).min(1), storedText(1000))
      .refine((vars) => Object.keys(vars).length <= MAX_CALL_VARIABLES, {
        message: `at most ${MAX_CALL_VARIABLES} variables`,
      })
      // Plivo and Telnyx carry them in the agent's stream URL, which carriers cap at a few KB.
      .refine((vars) => JSON.stringify(vars).length <= MAX_CALL_VARIABLES_CHARS, {
        message: `at most ${MAX_CALL_VARIABLES_CHARS} characters in all, as JSON`,
      })
      .optional()
      .meta({
        description: 'values the agent or flow may use (text)',
        maxProperties: MAX_CALL_VARIABLES,
        example: { name: 'John Doe' },
      }),
  })
  .strict()
  .meta({ id: 'CallConfig', description: 'how the call is made; stored with the call as given' });

const callFields = {
  phone_number: phoneNumber.meta({
    description: 'the number to call, E.164 or national (US default) format; stored as E.164',
  }),
  campaign_id: uuid.optional().meta({
    description:
      'one of your campaigns to file the call under (its reports); the call is dialed by your call queue',
  }),
  call_config: CallConfigSchema.optional(),
  custom_call_id: storedText(200, { nonBlank: true }).min(1).optional().meta({
    description:
      'your id of the call. Queueing an id again answers the call it first queued (200) and queues nothing',
    example: 'call-456',
  }),
  scheduled_at: scheduledAt.optional(),
  priority: z
    .enum(CallPriorities)
    .optional()
    .meta({ description: 'calls of a higher priority are dialed first', default: 'normal' }),
  max_retries: z
    .number()
    .int()
    .min(0)
    .max(10)
    .optional()
    .meta({ description: 'redials after busy, no answer or failure, with growing delays', default: 3 }),
};

/** One call of `POST /api/calls/queue` (and a row of a bulk queue). */
export const QueueCallSchema = z.object(callFields).strict();
export type QueueCallInput = z.output<typeof QueueCallSchema>;

export class QueueCallDto extends createZodDto(QueueCallSchema) {}

/**
 * A row of a bulk queue as it is parsed: the phone is left to the row check, which parses it
 * once for both the check and the E.164 form (libphonenumber is most of a row's cost).
 */
export const QueueCallRowSchema = QueueCallSchema.extend({ phone_number: z.string().max(40) });

export const batchId = storedText(200, { nonBlank: true })
  .min(1)
  .meta({ description: 'your id of the batch: one request per id', example: 'campaign-batch-123' });

/** `POST /api/calls/bulk-queue` as the document shows it; rows are checked one by one (see the service). */
export class BulkQueueCallsDto extends createZodDto(
  z
    .object({
      batch_id: batchId,
      calls: z.array(QueueCallSchema).min(1).max(MAX_BULK_CALLS),
    })
    .strict(),
) {}

/** The envelope of a bulk queue, parsed before its rows: a malformed envelope refuses the request. */
export const BulkEnvelopeSchema = z
  .object({
    batch_id: batchId,
    calls: z.array(z.unknown()).min(1).max(MAX_BULK_CALLS),
  })
  .strict();

/** `:id` of a call: its id, else your `custom_call_id`. */
export class CallRefParams extends createZodDto(
  z
    .object({
      id: z.string().min(1).max(200).meta({ description: "the call's call_id, or your custom_call_id" }),
    })
    .strict(),
) {}

export class BatchParams extends createZodDto(
  z.object({ batchId: z.string().min(1).max(200).meta({ description: 'your batch_id' }) }).strict(),
) {}

export class ActiveCallsQuery extends createZodDto(z.object({ ...pageQuery }).strict()) {}
