import { z } from 'zod';
import { storedText, wellFormed } from '../common/contract/fields';

/**
 * `mode` of a campaign as the public API spells it (snake_case, DESIGN.md section 9): pacing,
 * retries, the agent, and the SMS settings. Every key is optional and takes its default.
 */

// Whitespace as either regex engine sees it: JS `\s` lacks \x1c-\x1f and \x85, Python's (which the
// fuzzer and other clients use) lacks \ufeff. Spelled out so that both agree on every character.
export const SPACE = String.raw`\s\u001c-\u001f\u0085\ufeff`;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
// Lengths are in the patterns (rather than maxLength beside them) so that generators can reach them.
const TRANSFER_TARGET = new RegExp(
  String.raw`^(\+[1-9][0-9]{7,14}|sips?:[^${SPACE}\u0000-\u001f@]{1,120}@[^${SPACE}\u0000-\u001f]{1,170})$`,
);
/** A host, an optional port, then visible ASCII: what an audio URL needs, nothing a parser may refuse. */
const HTTP_URL = /^https?:\/\/[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?(?:[/?#][\x21-\x7e]{0,1700})?$/;

const MAX_TEMPLATE_VARIABLES = 100;

export const CampaignModeSchema = z
  .object({
    calls_per_second: z
      .number()
      .min(0.01)
      .max(100)
      .optional()
      .meta({ description: 'dials per second (fractions allowed)', default: 1 }),
    max_attempts: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .meta({ description: 'attempts per prospect, counting the first', default: 3 }),
    retry_delay_seconds: z
      .number()
      .int()
      .min(0)
      .max(604_800)
      .optional()
      .meta({ description: 'delay before a no_answer is retried', default: 3600 }),
    agent: z.enum(['ai', 'plain']).optional().meta({ default: 'plain' }),
    voicemail_drop_url: z
      .string()
      .regex(HTTP_URL, 'must be an http(s) URL: a host, an optional port, then visible ASCII characters')
      .optional()
      .meta({
        description: 'audio dropped on voicemail: an http(s) URL',
        example: 'https://example.com/vm.mp3',
      }),
    transfer_to: z
      .string()
      .regex(TRANSFER_TARGET, 'must be an E.164 number such as +14155550123 or a sip: URI')
      .overwrite(wellFormed)
      .optional()
      .meta({
        description:
          'plain agent: bridge an answered call to this number (E.164) or SIP URI instead of speaking the message',
        example: '+14155550123',
      }),
    auto_resume: z.boolean().optional().meta({
      description: 'resume by itself after a no_dids auto-pause once a DID is usable',
      default: false,
    }),
    callback_timeout_seconds: z
      .number()
      .int()
      .min(5)
      .max(86_400)
      .optional()
      .meta({ description: 'how long a call may go without a status callback', default: 600 }),
    min_did_score: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ description: 'minimum DID health score for selection', default: 0.7 }),
    template_variables: z
      .array(
        z
          .string()
          .regex(VARIABLE_NAME, 'must be a variable name: letters, digits and _, not starting with a digit'),
      )
      .max(MAX_TEMPLATE_VARIABLES)
      .optional()
      .meta({
        description:
          'SMS: variable names the prospects carry (besides first_name, last_name, full_name, company, phone)',
      }),
    template_fallbacks: z
      .record(
        z
          .string()
          .regex(VARIABLE_NAME, 'must be a variable name: letters, digits and _, not starting with a digit'),
        storedText(1600),
      )
      .refine((fallbacks) => Object.keys(fallbacks).length <= MAX_TEMPLATE_VARIABLES, {
        message: `at most ${MAX_TEMPLATE_VARIABLES} fallbacks`,
      })
      .optional()
      .meta({
        description: 'SMS: value used when a prospect has none for a variable (declares the variable too)',
        maxProperties: MAX_TEMPLATE_VARIABLES,
      }),
    transliterate: z.boolean().optional().meta({
      description: 'SMS: replace smart quotes, long dashes, ellipses so the text stays GSM-7',
      default: true,
    }),
    max_segments: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .meta({ description: 'SMS: refuse messages longer than this many segments', default: 6 }),
    sms_gap_minutes: z
      .number()
      .min(0)
      .max(1440)
      .optional()
      .meta({ description: 'SMS: minutes between two messages from one DID', default: 15 }),
    receipt_timeout_seconds: z.number().int().min(10).max(604_800).optional().meta({
      description: 'SMS: seconds after which a message with no final receipt ends failed',
      default: 3600,
    }),
  })
  .strict()
  .meta({
    id: 'CampaignModeInput',
    description: 'pacing, retries and agent; keys left out take their default',
  });

export type CampaignModeInput = z.output<typeof CampaignModeSchema>;
