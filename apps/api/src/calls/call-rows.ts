import type { BadRequestException } from '@nestjs/common';
import type { QueuedCallInput } from '@engine/db';
import type { PhoneNumberParseResult } from '@engine/domain';
import { parsePhoneNumber } from '@engine/domain';
import { validationFailure } from '../common/contract/validation-pipe';
import type { QueueCallInput } from './call-input.schema';
import { QueueCallRowSchema } from './call-input.schema';
import { parseIsoInstant } from './scheduled-at';

/** What became of one row of a bulk queue before the campaign check: a call to queue, or why not. */
export type CheckedCallRow =
  { ok: true; input: QueueCallInput; call: QueuedCallInput } | { ok: false; field: string; reason: string };

const DEFAULT_MAX_RETRIES = 3;

/**
 * A validated request (the schema let it through) as the repository takes it: the phone as E.164
 * with its NANP area code, the time it is due (null: now), the defaults filled in.
 */
export function toQueuedCall(
  input: QueueCallInput,
  batchId: string | null,
  now: Date,
  parsed: PhoneNumberParseResult = parsePhoneNumber(input.phone_number),
): QueuedCallInput {
  // The caller checked the number already; this only narrows the type.
  if (!parsed.ok) throw new Error(`phone_number passed its check but not the parser: ${parsed.reason}`);
  const at = input.scheduled_at === undefined ? undefined : parseIsoInstant(input.scheduled_at);
  return {
    phone: parsed.e164,
    areaCode: parsed.nanpAreaCode ?? null,
    customCallId: input.custom_call_id ?? null,
    batchId,
    campaignId: input.campaign_id?.toLowerCase() ?? null,
    priority: input.priority ?? 'normal',
    scheduledAt: at && at.getTime() > now.getTime() ? at : null,
    maxRetries: input.max_retries ?? DEFAULT_MAX_RETRIES,
    callConfig: input.call_config ?? {},
  };
}

/**
 * One row of a bulk queue, checked as `POST /api/calls/queue` checks its body: a row that fails
 * is reported with the field that failed (the first one) and the others are queued.
 */
export function checkCallRow(raw: unknown, batchId: string, now: Date): CheckedCallRow {
  const parsed = QueueCallRowSchema.safeParse(raw);
  if (!parsed.success) {
    const answer = (validationFailure(parsed.error) as BadRequestException).getResponse() as {
      field?: string;
      message?: string;
    };
    const field = answer.field === 'body' || answer.field === undefined ? 'row' : answer.field;
    const reason = field === 'row' ? 'must be a JSON object' : (answer.message ?? 'is invalid');
    return { ok: false, field, reason };
  }
  const phone = parsePhoneNumber(parsed.data.phone_number);
  if (!phone.ok) {
    const reason = `phone_number: invalid phone number ${JSON.stringify(parsed.data.phone_number)}: ${phone.reason}`;
    return { ok: false, field: 'phone_number', reason };
  }
  return { ok: true, input: parsed.data, call: toQueuedCall(parsed.data, batchId, now, phone) };
}
