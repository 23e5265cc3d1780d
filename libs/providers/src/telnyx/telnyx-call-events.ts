import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { CallEvent } from '../voice-provider';
import type { WebhookInput } from '../webhook-input';
import { WebhookPayloadError } from '../errors/webhook-payload-error';
import { decodeClientState } from './telnyx-client-state';
import { telnyxCallOutcome } from './telnyx-call-outcome';
import { parseTelnyxWebhook, telnyxTime } from './telnyx-webhook';

/** The fields of a Call Control event payload the engine reads. */
export const telnyxCallPayloadSchema = z.object({
  call_control_id: z.string().min(1),
  client_state: z.string().nullish(),
  hangup_cause: z.string().nullish(),
  start_time: telnyxTime.nullish(),
  /** AMD verdict (`call.machine.*.detection.ended`) or beep (`call.machine.*.greeting.ended`). */
  result: z.string().nullish(),
});
export type TelnyxCallPayload = z.infer<typeof telnyxCallPayloadSchema>;

type LiveKind = Exclude<CallEvent, { kind: 'completed' }>['kind'];
type Verdict = 'human' | 'machine' | 'unknown';

/** Standard (`human`, `machine`, `not_sure`) and premium AMD results. */
export function amdVerdict(result: string | null | undefined): Verdict {
  if (result === 'human' || result === 'human_residence' || result === 'human_business') return 'human';
  if (result === 'machine' || result === 'fax_detected') return 'machine';
  return 'unknown';
}

const DETECTION_ENDED = ['call.machine.detection.ended', 'call.machine.premium.detection.ended'];
const GREETING_ENDED = ['call.machine.greeting.ended', 'call.machine.premium.greeting.ended'];
/** The greeting is over (a beep, or silence after it): the moment to drop the recording. */
const GREETING_OVER = ['beep_detected', 'ended', 'no_beep_detected'];
/** Our recording, or our spoken message, finished: the moment to hang up. */
const MEDIA_ENDED = ['call.playback.ended', 'call.speak.ended'];

/** A live event's kind and AMD verdict, from the event type and payload. */
export function liveEventKind(
  eventType: string,
  payload: TelnyxCallPayload,
  amd: boolean,
): { kind: LiveKind; answeredBy?: Verdict } {
  // Without AMD no verdict follows the answer: `unknown` says so, and the answer handler acts now.
  if (eventType === 'call.answered')
    return amd ? { kind: 'answered' } : { kind: 'answered', answeredBy: 'unknown' };
  if (DETECTION_ENDED.includes(eventType))
    return { kind: 'machine_detected', answeredBy: amdVerdict(payload.result) };
  if (GREETING_ENDED.includes(eventType) && GREETING_OVER.includes(payload.result ?? '')) {
    return { kind: 'beep', answeredBy: 'machine' };
  }
  if (MEDIA_ENDED.includes(eventType)) return { kind: 'playback_ended' };
  return { kind: 'progress' };
}

/**
 * Verifies and parses a Telnyx Call Control webhook into a `CallEvent`. The attempt id comes
 * from `client_state` (signed with the body); `call.hangup` is the final `completed` event.
 *
 * @throws WebhookSignatureError or WebhookPayloadError.
 */
export function parseTelnyxCallEvent(
  input: WebhookInput,
  key: KeyObject,
  toleranceSeconds: number,
): CallEvent {
  const event = parseTelnyxWebhook(input, key, toleranceSeconds, telnyxCallPayloadSchema);
  const state = decodeClientState(event.payload.client_state);
  if (!state) {
    throw new WebhookPayloadError('data.payload.client_state', 'webhook carries no engine client_state');
  }
  const ids = {
    provider: 'telnyx',
    providerCallId: event.payload.call_control_id,
    attemptId: state.attemptId,
    deliveryId: event.id,
  };
  if (event.eventType === 'call.hangup') {
    const { outcome, durationSeconds } = telnyxCallOutcome({
      hangupCause: event.payload.hangup_cause ?? undefined,
      answeredAt: state.answeredAt,
      startTime: event.payload.start_time ?? undefined,
      endedAt: event.occurredAt,
    });
    return {
      kind: 'completed',
      update: { ...ids, outcome, durationSeconds, spamFlagged: false, occurredAt: event.occurredAt },
    };
  }
  return {
    ...ids,
    ...liveEventKind(event.eventType, event.payload, state.amd),
    occurredAt: event.occurredAt,
  };
}
