import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CampaignChannels, CampaignStatuses } from '@engine/db';
import { WeekdayNames } from '@engine/domain';
import type { CampaignChannel } from '@engine/db';
import { pageQuery, phoneNumber, storedText, timeZone, wellFormed } from '../common/contract/fields';
import { createUnionDto } from '../common/contract/union-dto';
import type { CampaignModeInput } from './campaign-mode.schema';
import { CampaignModeSchema, SPACE } from './campaign-mode.schema';

/**
 * Request schemas of /api/campaigns: validation and OpenAPI document in one. Field names are the
 * public API's (snake_case `mode`, DESIGN.md section 9). What JSON Schema cannot say (a phone
 * number's validity, a known time zone, a template naming only variables the campaign has) is a
 * check with a `format` and a description.
 */

const HAS_VISIBLE = new RegExp(`[^${SPACE}]`);
/**
 * Some visible character and no NUL (Postgres refuses it): leading blanks, a visible character,
 * then anything but NUL. Written without lookahead so that generators can honour a length.
 */
const VISIBLE_TEXT = new RegExp(String.raw`^[${SPACE}]*[^${SPACE}\u0000][^\u0000]*$`);
/** The domain lexer's syntax: `{{` always opens a `{{ name }}` placeholder, `}}` always closes one. */
const TEMPLATE_SYNTAX = /^(?:[^{}]|\{(?!\{)|\}(?!\})|\{\{[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*\}\})*$/;

function blankOrNul(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (!HAS_VISIBLE.test(value)) return 'must contain a visible character';
  return undefined;
}

/**
 * Text with at least one visible character (stored trimmed): one `pattern` in the document (two
 * would be an `allOf` that loses the property's type), with a message saying which rule failed.
 */
const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      if (!VISIBLE_TEXT.test(value))
        ctx.addIssue({ code: 'custom', message: blankOrNul(value) ?? 'is invalid' });
    })
    .overwrite(wellFormed)
    .meta({ pattern: VISIBLE_TEXT.source });

/**
 * The syntax could be a `pattern`, but then generators draw arbitrary placeholders, which name
 * variables the campaign lacks; the `sms-template` format says it and its generator stays valid.
 */
const templateMessage = z
  .string()
  .max(1600)
  .superRefine((value, ctx) => {
    const problem =
      blankOrNul(value) ??
      (TEMPLATE_SYNTAX.test(value)
        ? undefined
        : 'is not a valid template: "{{" must open a {{ name }} placeholder closed by "}}", and "}}" may not appear alone');
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .overwrite(wellFormed)
  .meta({
    format: 'sms-template',
    description:
      'the text, with a visible character; `{{ name }}` placeholders (letters, digits, _; spaces or tabs inside the braces) ' +
      'are filled per prospect, and a lone `{{` or `}}` is an error. A placeholder must name a standard ' +
      'variable (first_name, last_name, full_name, company, phone) or one declared in mode.template_variables ' +
      'or mode.template_fallbacks, else 400',
    example: 'Hi {{first_name}}, your appointment is tomorrow.',
  });

const clock = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:mm between 00:00 and 24:00')
  .meta({ example: '09:00' });

const CallingHoursSchema = z
  .object({
    start: clock,
    end: clock,
    days: z
      .array(z.enum(WeekdayNames))
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'lists a day twice')
      .optional()
      .meta({
        description: 'days the campaign contacts anyone; absent: every day the law allows',
        uniqueItems: true,
      }),
  })
  .strict()
  .refine((h) => h.start < h.end, { message: 'start must be before end', path: ['end'] })
  .meta({
    id: 'CallingHours',
    description:
      "the campaign's own hours in each recipient's local time. They only narrow: a contact also needs the " +
      'federal window (voice 08:00-21:00, SMS 07:00-19:00), the state rules and holidays of the recipient',
  });

const CampaignScheduleSchema = z
  .object({
    timezone: timeZone.optional().meta({ description: 'fallback IANA zone for prospects outside the NANP' }),
    calling_hours: CallingHoursSchema.nullable().optional().meta({ description: 'null removes them' }),
  })
  .strict()
  .meta({ id: 'CampaignScheduleInput' });

/** `schedule.calling_hours` as the API takes it. */
export type CallingHoursInput = z.infer<typeof CallingHoursSchema>;

const callerIds = z
  .array(phoneNumber)
  .max(1000)
  .meta({ description: 'caller IDs the campaign may use (normalised to E.164); empty: any of yours' });

const campaignFields = {
  name: nonBlank(200),
  mode: CampaignModeSchema.optional(),
  schedule: CampaignScheduleSchema.optional(),
  callerIds: callerIds.optional(),
};

/** What every create body has, whatever its channel (TS cannot extend a class whose instances are a union). */
interface CreateCampaignFields {
  name: string;
  channel: CampaignChannel;
  mode?: CampaignModeInput | undefined;
  schedule?:
    { timezone?: string | undefined; calling_hours?: CallingHoursInput | null | undefined } | undefined;
  callerIds?: string[] | undefined;
  message?: string | undefined;
}

/** One shape per channel, so the document says `oneOf`: an SMS campaign needs its message. */
export class CreateCampaignDto extends createUnionDto<CreateCampaignFields>(
  z.discriminatedUnion(
    'channel',
    [
      z
        .object({
          channel: z.literal('voice'),
          ...campaignFields,
          message: templateMessage.optional(),
        })
        .strict(),
      z
        .object({
          channel: z.literal('sms'),
          ...campaignFields,
          message: templateMessage,
        })
        .strict(),
    ],
    {
      error: (issue) => {
        if (issue.code !== 'invalid_union') return undefined;
        const choices = CampaignChannels.join(', ');
        // The issue's input is the whole body: the discriminator is missing or has another value.
        const given = (issue.input as { channel?: unknown } | undefined)?.channel;
        return given === undefined ? `is required (one of ${choices})` : `must be one of ${choices}`;
      },
    },
  ),
) {}

/** Changes to a campaign that has not started; `mode` keys given replace the stored ones. */
export class UpdateCampaignDto extends createZodDto(
  z
    .object({
      name: nonBlank(200).optional(),
      mode: CampaignModeSchema.optional(),
      schedule: CampaignScheduleSchema.optional(),
      callerIds: callerIds.nullable().optional().meta({
        description: 'caller IDs the campaign may use (normalised to E.164); null or empty: any of yours',
      }),
      message: templateMessage.optional(),
    })
    .strict(),
) {}

const reasonBody = z.preprocess(
  // No body at all (a bare POST) is the same as `{}`.
  (body) => body ?? {},
  z.object({ reason: storedText(500).optional().meta({ example: 'compliance review' }) }).strict(),
);

export class PauseCampaignDto extends createZodDto(reasonBody) {}
export class CancelCampaignDto extends createZodDto(reasonBody) {}

export class ListCampaignsQuery extends createZodDto(
  z
    .object({
      status: z.enum(CampaignStatuses).optional(),
      channel: z.enum(CampaignChannels).optional(),
      ...pageQuery,
    })
    .strict(),
) {}
