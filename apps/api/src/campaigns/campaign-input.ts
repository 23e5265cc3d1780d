import type { CampaignModeJson, CampaignScheduleJson } from '@engine/db';
import { parsePhoneNumber, TemplateSyntaxError, validateTemplate } from '@engine/domain';
import { fieldError } from '../common/contract/error-body';
import type { CampaignModeInput } from './campaign-mode.schema';
import type { CallingHoursInput } from './campaign-input.schema';

/** E.164 caller IDs, in the order given, without repeats (the DTO already checked each parses). */
export function normaliseCallerIds(callerIds: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of callerIds) {
    const parsed = parsePhoneNumber(raw);
    if (parsed.ok) out.add(parsed.e164);
  }
  return [...out];
}

/** Variables every prospect may carry without declaring them. */
const STANDARD_TEMPLATE_VARIABLES = ['first_name', 'last_name', 'full_name', 'company', 'phone'];

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string');

/**
 * An SMS template is checked when the campaign is created or changed, against the mode it will
 * run with (the request's, or the stored one merged with the change): a syntax error, or a
 * variable that is neither standard, declared in `mode.template_variables` nor given a fallback,
 * answers 400 naming `message`. The schema's pattern already refused most syntax errors; which
 * variables exist depends on `mode`, which JSON Schema cannot relate to the text.
 */
export function assertValidTemplate(
  message: string,
  mode: CampaignModeInput | CampaignModeJson | undefined,
): void {
  const fallbacks = isStringRecord(mode?.['template_fallbacks']) ? mode['template_fallbacks'] : {};
  const declared = mode?.['template_variables'];
  const known = [
    ...STANDARD_TEMPLATE_VARIABLES,
    ...(Array.isArray(declared) ? declared.filter((v): v is string => typeof v === 'string') : []),
    ...Object.keys(fallbacks),
  ];
  let problems;
  try {
    problems = validateTemplate(message, { knownVariables: known, fallbacks });
  } catch (err) {
    if (err instanceof TemplateSyntaxError) throw fieldError('message', err.message, 'invalid_template');
    throw err;
  }
  // A fallback's key declares its variable, so `unknown_fallback` cannot occur; anything else can.
  const errors = problems.filter((p) => p.code !== 'unknown_fallback');
  if (errors.length > 0) {
    throw fieldError('message', errors.map((p) => p.message).join('; '), 'invalid_template');
  }
}

/** The mode as stored: the keys given, nothing for those left out (they keep their default). */
export function modeJson(mode: CampaignModeInput | undefined): CampaignModeJson {
  const out: CampaignModeJson = {};
  if (!mode) return out;
  for (const [key, value] of Object.entries(mode)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * The schedule as stored after a create or an update: the fields given replace the current ones,
 * `calling_hours: null` removes the campaign's own hours, fields left out keep their value.
 */
export function scheduleJson(
  current: CampaignScheduleJson,
  schedule:
    { timezone?: string | undefined; calling_hours?: CallingHoursInput | null | undefined } | undefined,
): CampaignScheduleJson {
  const out: CampaignScheduleJson = { ...current };
  if (schedule?.timezone) out.timezone = schedule.timezone;
  if (schedule?.calling_hours === null) delete out['calling_hours'];
  else if (schedule?.calling_hours) out['calling_hours'] = schedule.calling_hours;
  return out;
}
