import { WebhookPayloadError } from '../errors/webhook-payload-error';
import type { CallEvent } from '../voice-provider';
import type { WebhookInput } from '../webhook-input';
import { amdVerdict, callOutcome, isEndOfGreeting } from './twilio-call-status';
import type { VerifiedTwilioWebhook } from './twilio-webhook';
import { occurredAt, optionalParam, requiredParam } from './twilio-webhook';

type LiveCallEvent = Exclude<CallEvent, { kind: 'completed' }>;

/**
 * Reads one verified call webhook. Twilio posts two kinds to the attempt's callback URL:
 * - status callbacks (`CallStatus`, `StatusCallbackEvent` initiated / ringing / answered /
 *   completed): `queued` / `initiated` / `ringing` are progress, `in-progress` is answered, the
 *   final statuses complete the call (with `CallDuration` and, with AMD, `AnsweredBy`);
 * - the async AMD callback (`AnsweredBy`, no `CallStatus`): with `DetectMessageEnd` a machine's
 *   verdict comes at the end of its greeting (`machine_end_*`), which is the voicemail `beep`;
 *   `human`, `fax` and `unknown` are `machine_detected` with that verdict.
 * Twilio posts nothing when a `<Play>` ends (the TwiML goes on to `<Hangup/>`).
 *
 * The attempt id is the `attempt` query parameter of the signed URL.
 */
export function callEventFromWebhook(verified: VerifiedTwilioWebhook, input: WebhookInput): CallEvent {
  const { params, query, deliveryId } = verified;
  const attemptId = requiredParam(query, 'attempt');
  const providerCallId = requiredParam(params, 'CallSid');
  const at = occurredAt(params, input.now);
  const status = optionalParam(params, 'CallStatus');
  const answeredBy = optionalParam(params, 'AnsweredBy');
  const live = (kind: LiveCallEvent['kind'], verdict?: LiveCallEvent['answeredBy']): CallEvent => ({
    kind,
    provider: 'twilio',
    providerCallId,
    attemptId,
    ...(verdict === undefined ? {} : { answeredBy: verdict }),
    occurredAt: at,
    deliveryId,
  });

  if (status === undefined) {
    if (answeredBy === undefined)
      throw new WebhookPayloadError('CallStatus', 'webhook field CallStatus is missing');
    return live(isEndOfGreeting(answeredBy) ? 'beep' : 'machine_detected', amdVerdict(answeredBy));
  }
  const durationSeconds = callDuration(params['CallDuration']);
  const outcome = callOutcome(status, answeredBy, durationSeconds);
  if (outcome === undefined) {
    return status === 'in-progress'
      ? live('answered', answeredBy === undefined ? undefined : amdVerdict(answeredBy))
      : live('progress');
  }
  return {
    kind: 'completed',
    update: {
      provider: 'twilio',
      providerCallId,
      attemptId,
      outcome,
      durationSeconds: outcome === 'busy' || outcome === 'no_answer' ? 0 : durationSeconds,
      spamFlagged: false,
      occurredAt: at,
      deliveryId,
    },
  };
}

function callDuration(value: string | string[] | undefined): number {
  if (value === undefined || value === '') return 0;
  const seconds = typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new WebhookPayloadError(
      'CallDuration',
      'webhook field CallDuration is not a whole number of seconds',
    );
  }
  return seconds;
}
