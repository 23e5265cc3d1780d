import type { CallOutcome } from '../call-outcome';
import type { CallEvent, CallStatusUpdate } from '../voice-provider';
import type { WebhookInput } from '../webhook-input';
import { humanOutcome } from '../call-outcome';
import { WebhookPayloadError } from '../errors/webhook-payload-error';
import type { PlivoParams } from './plivo-webhooks';
import { param, requiredParam, urlQueryParam, verifyPlivoWebhook } from './plivo-webhooks';
import { parsePlivoTime, seconds } from './plivo-wire';

/** The final `CallStatus` values of Plivo's hangup callback. */
export const PlivoFinalCallStatuses = [
  'completed',
  'busy',
  'failed',
  'timeout',
  'no-answer',
  'cancel',
] as const;
export type PlivoFinalCallStatus = (typeof PlivoFinalCallStatuses)[number];

/**
 * A live-call event as the Plivo adapter parses it: the engine's event plus Plivo's `CallUUID`,
 * which call control (transfer, hangup) needs while `providerCallId` is the request UUID.
 */
export type PlivoLiveCallEvent = Exclude<CallEvent, { kind: 'completed' }> & { callUuid?: string };

/**
 * Hangup `CallStatus` → outcome. `completed` means someone answered: a person (by duration,
 * `humanOutcome`) unless the callback itself says a machine did; the engine then applies the AMD
 * verdict it stored from the `machine_detected` event. `timeout` is Plivo's ring timeout and
 * `cancel` a call stopped before anyone answered: both `no_answer`.
 */
export const plivoStatusOutcomes: Record<PlivoFinalCallStatus, CallOutcome | 'answered'> = {
  completed: 'answered',
  busy: 'busy',
  failed: 'failed',
  timeout: 'no_answer',
  'no-answer': 'no_answer',
  cancel: 'no_answer',
};

function isFinalStatus(status: string | undefined): status is PlivoFinalCallStatus {
  return (PlivoFinalCallStatuses as readonly string[]).includes(status ?? '');
}

/** The outcome of a final `CallStatus`, its talk time and the machine verdict when known. */
export function plivoCallOutcome(status: string, durationSeconds: number, machine?: boolean): CallOutcome {
  const mapped = isFinalStatus(status) ? plivoStatusOutcomes[status] : 'failed';
  if (mapped !== 'answered') return mapped;
  return machine === true ? 'voicemail' : humanOutcome(durationSeconds);
}

function machineVerdict(params: PlivoParams): boolean | undefined {
  const machine = param(params, 'Machine')?.toLowerCase();
  if (machine === 'true') return true;
  if (machine === 'false') return false;
  return undefined;
}

type LiveKind = PlivoLiveCallEvent['kind'];

/** Which engine event a callback is, from Plivo's `Event` and `CallStatus` parameters. */
function eventKind(params: PlivoParams): LiveKind | 'completed' {
  const event = param(params, 'Event')?.toLowerCase();
  const status = param(params, 'CallStatus')?.toLowerCase();
  if (event === 'hangup' || (event === undefined && isFinalStatus(status))) return 'completed';
  if (event === 'machinedetection' || (event === undefined && machineVerdict(params) !== undefined)) {
    return 'machine_detected';
  }
  if (event === 'startapp' || (event === undefined && status === 'in-progress')) return 'answered';
  return 'progress';
}

/**
 * Verifies and parses a call callback (ring, answer, machine detection, hangup) posted to the
 * attempt's `callbackUrl`. The attempt id comes from the URL's `attempt` parameter, which the V3
 * signature covers; `providerCallId` is Plivo's request UUID (see the adapter's notes).
 *
 * @throws WebhookSignatureError or WebhookPayloadError.
 */
export function parsePlivoCallEvent(input: WebhookInput, authToken: string): CallEvent {
  const { params, deliveryId } = verifyPlivoWebhook(input, authToken);
  const attemptId = urlQueryParam(input.url, 'attempt');
  if (!attemptId) throw new WebhookPayloadError('attempt', 'callback URL has no attempt parameter');
  const providerCallId =
    param(params, 'RequestUUID') ?? param(params, 'ALegRequestUUID') ?? requiredParam(params, 'CallUUID');
  const callUuid = param(params, 'CallUUID');
  const now = input.now ?? new Date();
  const kind = eventKind(params);
  if (kind === 'completed') {
    return { kind, update: completedUpdate(params, { attemptId, providerCallId, deliveryId, now }) };
  }
  const machine = machineVerdict(params);
  const event: PlivoLiveCallEvent = {
    kind,
    provider: 'plivo',
    providerCallId,
    attemptId,
    occurredAt: now.toISOString(),
    deliveryId,
    ...(kind === 'machine_detected'
      ? { answeredBy: machine === undefined ? 'unknown' : machine ? 'machine' : 'human' }
      : {}),
    ...(callUuid ? { callUuid } : {}),
  };
  return event;
}

function completedUpdate(
  params: PlivoParams,
  ids: { attemptId: string; providerCallId: string; deliveryId: string; now: Date },
): CallStatusUpdate {
  const status = requiredParam(params, 'CallStatus').toLowerCase();
  const answered = status === 'completed';
  const durationSeconds = answered ? seconds(param(params, 'Duration')) : 0;
  const endedAt = parsePlivoTime(param(params, 'EndTime')) ?? ids.now;
  return {
    provider: 'plivo',
    providerCallId: ids.providerCallId,
    attemptId: ids.attemptId,
    outcome: plivoCallOutcome(status, durationSeconds, machineVerdict(params)),
    durationSeconds,
    // Plivo's hangup callback carries no spam label.
    spamFlagged: false,
    occurredAt: endedAt.toISOString(),
    deliveryId: ids.deliveryId,
  };
}
