import { BadRequestException } from '@nestjs/common';
import type { CampaignModeJson } from '@engine/db';
import { parsePhoneNumber, TemplateSyntaxError, validateTemplate } from '@engine/domain';
import type { CampaignModeInput } from './campaign.dto';

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

/**
 * An SMS template is checked when the campaign is created: a syntax error or a variable that is
 * neither standard, declared in `mode.template_variables` nor given a fallback answers 400.
 */
export function assertValidTemplate(message: string, mode: CampaignModeInput | undefined): void {
  const fallbacks = mode?.template_fallbacks ?? {};
  if (Object.values(fallbacks).some((v) => typeof v !== 'string')) {
    throw new BadRequestException('mode.template_fallbacks: every fallback must be a string');
  }
  const known = [
    ...STANDARD_TEMPLATE_VARIABLES,
    ...(mode?.template_variables ?? []),
    ...Object.keys(fallbacks),
  ];
  let problems;
  try {
    problems = validateTemplate(message, { knownVariables: known, fallbacks });
  } catch (err) {
    if (err instanceof TemplateSyntaxError) throw new BadRequestException(`message: ${err.message}`);
    throw err;
  }
  const errors = problems.filter(
    (p) =>
      p.code === 'unknown_variable' ||
      p.code.startsWith('unclosed') ||
      p.code === 'empty_name' ||
      p.code === 'invalid_name',
  );
  if (errors.length > 0) throw new BadRequestException(`message: ${errors.map((p) => p.message).join('; ')}`);
}

export function modeJson(mode: CampaignModeInput | undefined): CampaignModeJson {
  const out: CampaignModeJson = {};
  if (!mode) return out;
  for (const [key, value] of Object.entries(mode)) if (value !== undefined) out[key] = value;
  return out;
}
