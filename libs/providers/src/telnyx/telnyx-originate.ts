import type { Telnyx } from 'telnyx';
import type { CallDialParams } from 'telnyx/resources/calls/calls';
import type { OriginateRequest, OriginateResult } from '../voice-provider';
import { ProviderRequestError } from '../errors/provider-request-error';
import { AGENT_STREAM_SETTINGS, agentStreamUrl } from './telnyx-agent-stream';
import { encodeClientState } from './telnyx-client-state';
import { callTelnyx } from './telnyx-errors';

/**
 * Premium AMD: it reports the verdict (`call.machine.premium.detection.ended`) and, separately,
 * the end of the greeting (`call.machine.premium.greeting.ended` with `beep_detected`), which is
 * when a voicemail recording must start.
 */
export const TELNYX_AMD_MODE = 'premium';

/** How long the callee's phone rings before Telnyx gives up (`hangup_cause: timeout`). */
export const TELNYX_RING_TIMEOUT_SECS = 30;

/**
 * Telnyx Call Control fetches no answer document: the engine drives the call by commands. A plan
 * naming the customer's own `answerUrl` cannot be carried out, and running the engine's agent or
 * message instead would place a different call than the one asked for, so it is refused before
 * anything is dialed (not retryable: no retry changes the carrier).
 */
function refuseAnswerUrl(req: OriginateRequest): void {
  if (req.plan.answerUrl === undefined) return;
  throw new ProviderRequestError(
    'telnyx originate: call_config.answer_url is not supported on Telnyx Call Control (it fetches no answer document); no call was placed',
    { provider: 'telnyx', operation: 'originate', retryable: false, reason: 'refused' },
  );
}

/**
 * The `POST /v2/calls` body of one attempt. Every event comes to `callbackUrl`, and the attempt
 * id travels in `client_state` (Telnyx signs the body, not the URL). `command_id` is the attempt
 * id so that Telnyx ignores a repeated dial of the same attempt. An `ai` call without AMD streams
 * from the answer (`stream_url`); with AMD the stream starts once AMD says a person answered, so
 * the agent never talks to a voicemail greeting. The plan's `maxDurationSeconds` is
 * `time_limit_secs` (Telnyx hangs up that long after the answer), `record` is
 * `record: 'record-from-answer'`; a plan with an `answerUrl` is refused (see {@link refuseAnswerUrl}).
 */
export function telnyxDialParams(connectionId: string, req: OriginateRequest): CallDialParams {
  refuseAnswerUrl(req);
  const { plan } = req;
  // Checked for every ai call, with AMD too: a missing stream URL must fail before dialing.
  const streamUrl = req.plan.agent === 'ai' ? agentStreamUrl(req.plan, 'originate') : undefined;
  const stream = streamUrl && !req.amd ? { stream_url: streamUrl, ...AGENT_STREAM_SETTINGS } : {};
  return {
    connection_id: connectionId,
    to: req.to,
    from: req.from,
    webhook_url: req.callbackUrl,
    webhook_url_method: 'POST',
    client_state: encodeClientState({ attemptId: req.attemptId, amd: req.amd }),
    command_id: req.attemptId,
    timeout_secs: TELNYX_RING_TIMEOUT_SECS,
    ...(req.amd ? { answering_machine_detection: TELNYX_AMD_MODE } : {}),
    ...(plan.maxDurationSeconds === undefined ? {} : { time_limit_secs: plan.maxDurationSeconds }),
    ...(plan.record ? { record: 'record-from-answer' as const } : {}),
    ...stream,
  };
}

/** Dials one attempt (Call Control `POST /v2/calls`). */
export async function originateTelnyxCall(
  client: Telnyx,
  connectionId: string,
  req: OriginateRequest,
): Promise<OriginateResult> {
  const params = telnyxDialParams(connectionId, req);
  const answer = await callTelnyx('originate', () => client.calls.dial(params));
  const callId = answer.data?.call_control_id;
  if (!callId) {
    // A 2xx we cannot read leaves the call's existence unknown: findCall must settle it.
    throw new ProviderRequestError('telnyx originate: answer without call_control_id', {
      provider: 'telnyx',
      operation: 'originate',
      retryable: true,
      reason: 'unavailable',
    });
  }
  const started = answer.data?.start_time;
  return {
    providerCallId: callId,
    acceptedAt: started ? new Date(started).toISOString() : new Date().toISOString(),
  };
}
