import { CallOutcomes } from '@engine/providers';
import { z } from 'zod';
import { E164, NANP_AREA_CODE } from '../phone';
import { firstIssue } from '../zod-issue';
import { ProfilePresets } from './profiles';
import type { SimConfigPatch } from './sim-config';
import { ProfilePresetNames } from './sim-config';
import { SimConfigError } from './sim-config-error';

const rate = z.number().min(0).max(1);
/** One day: a larger wall-clock delay is a typo, not a scenario. */
const delayMs = z.number().min(0).max(86_400_000);
const seconds = z.number().min(0).max(86_400);

const range = z
  .object({ min: seconds, max: seconds })
  .strict()
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max', path: ['max'] });

const weights = z
  .partialRecord(z.enum(CallOutcomes), z.number().min(0).max(1_000_000))
  .refine((w) => Object.values(w).some((v) => v > 0), { message: 'at least one weight must be positive' });

const profile = z
  .object(
    {
      weights: weights.optional(),
      spamFlagRate: rate.optional(),
      talkSeconds: range.optional(),
      hangupSeconds: range.optional(),
      voicemailSeconds: seconds.optional(),
    },
    { error: `expected a profile object or a preset name (${ProfilePresetNames.join(', ')})` },
  )
  .strict();

/** A preset name is replaced by its profile before validation, so the rest sees objects only. */
const profileOrPreset = z.preprocess(
  (v) =>
    typeof v === 'string' && Object.hasOwn(ProfilePresets, v)
      ? ProfilePresets[v as keyof typeof ProfilePresets]
      : v,
  profile,
);

const simConfigPatchSchema = z
  .object({
    timeScale: z.number().positive().max(1_000).optional(),
    ringMs: delayMs.optional(),
    seed: z
      .union([z.number().int(), z.string().min(1).max(200)])
      .nullable()
      .optional(),
    defaults: profileOrPreset.optional(),
    byDid: z
      .record(
        z.string().regex(E164, 'caller ID keys must be E.164 (+14155550100)'),
        profileOrPreset.nullable(),
      )
      .optional(),
    byAreaCode: z
      .record(
        z.string().regex(NANP_AREA_CODE, 'area code keys are 3-digit NANP codes'),
        profileOrPreset.nullable(),
      )
      .optional(),
    faults: z
      .object({
        originateErrorRate: rate,
        originateLostAnswerRate: rate,
        originateDelayMs: delayMs,
        dropCallbackRate: rate,
        duplicateCallbackRate: rate,
        callbackDelayMs: delayMs,
      })
      .partial()
      .strict()
      .optional(),
    sms: z
      .object({
        deliveredRate: rate,
        sentDelayMs: delayMs,
        deliveryDelayMs: z
          .object({ min: delayMs, max: delayMs })
          .strict()
          .refine((r) => r.min <= r.max, { message: 'min must not exceed max', path: ['max'] }),
        sendErrorRate: rate,
        dropReceiptRate: rate,
        duplicateReceiptRate: rate,
        outOfOrderRate: rate,
        inboundCallbackUrl: z.url(),
      })
      .partial()
      .strict()
      .optional(),
    webhooks: z
      .object({
        maxAttempts: z.number().int().min(1).max(20),
        retryBaseDelayMs: delayMs,
        timeoutMs: z.number().int().min(1).max(120_000),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

/**
 * Validates a configuration patch from an untrusted source; unknown keys are errors (a typo must
 * not be silently ignored). `source` prefixes the field in messages (`SIM_CONFIG_JSON.faults...`).
 *
 * @throws SimConfigError naming the first offending field.
 */
export function parseSimConfigPatch(input: unknown, source?: string): SimConfigPatch {
  const parsed = simConfigPatchSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, message } = firstIssue(parsed.error, 'config');
  const qualified = source ? `${source}.${field}` : field;
  throw new SimConfigError(qualified, source ? `${source}.${message}` : message);
}
