import type { ClaimedProspect, SmsMessage } from '@engine/db';
import { cancelProspect } from '@engine/db';
import type { SmsEncoding } from '@engine/domain';
import { analyseSms, MessageTooLongError, renderTemplate } from '@engine/domain';
import type { SmsTick } from './sms-tick';

/** A message ready to record and send. */
export interface ComposedMessage {
  body: string;
  encoding: SmsEncoding;
  segments: number;
}

/**
 * The message for a prospect: the one an earlier try of this tick already recorded, or the
 * campaign's template rendered with the prospect's variables and encoded (GSM-7 where possible).
 * A missing variable without fallback, or a message over the segment limit, cancels the prospect
 * with the reason (undefined is returned).
 */
export async function composeMessage(
  tick: SmsTick,
  prospect: ClaimedProspect,
  existing: SmsMessage | undefined,
): Promise<ComposedMessage | undefined> {
  if (existing) return { body: existing.body, encoding: existing.encoding, segments: existing.segments };
  const { settings } = tick;
  const rendered = renderTemplate(
    settings.message ?? '',
    prospect.variables ?? {},
    settings.templateFallbacks,
  );
  if (!rendered.ok) {
    await cancelProspect(
      tick.deps.db,
      prospect.id,
      `missing_variable:${rendered.variable}`,
      'sending',
      tick.now,
    );
    return undefined;
  }
  try {
    const analysis = analyseSms(rendered.body, {
      transliterate: settings.transliterate,
      maxSegments: settings.maxSegments,
    });
    return { body: analysis.body, encoding: analysis.encoding, segments: analysis.segments };
  } catch (err) {
    if (!(err instanceof MessageTooLongError)) throw err;
    const reason = `message_too_long: ${err.segments} segments, limit ${err.limit}`;
    await cancelProspect(tick.deps.db, prospect.id, reason, 'sending', tick.now);
    return undefined;
  }
}
