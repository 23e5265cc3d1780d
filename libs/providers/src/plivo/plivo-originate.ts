import type { OriginateRequest, OriginateResult } from '../voice-provider';
import { ProviderRequestError } from '../errors/provider-request-error';
import type { PlivoClient } from './plivo-client';
import { plivoCall, unexpectedAnswer } from './plivo-errors';
import { toPlivoNumber } from './plivo-wire';

/**
 * The create-call parameters besides from, to and answer_url. Every event goes to the attempt's
 * `callbackUrl`: ring, hangup and (asynchronous) machine detection. `machine_detection: 'true'`
 * keeps the call up and reports the verdict (`'hangup'` would end a machine-answered call before
 * a voicemail could be dropped). The plan's `maxDurationSeconds` is `time_limit` (Plivo hangs up
 * that long after the answer).
 */
export function plivoCallParams(req: OriginateRequest): Record<string, string> {
  const limit = req.plan.maxDurationSeconds;
  return {
    answerMethod: 'POST',
    ...(limit === undefined ? {} : { timeLimit: String(limit) }),
    ringUrl: req.callbackUrl,
    ringMethod: 'POST',
    hangupUrl: req.callbackUrl,
    hangupMethod: 'POST',
    ...(req.amd
      ? { machineDetection: 'true', machineDetectionUrl: req.callbackUrl, machineDetectionMethod: 'POST' }
      : {}),
  };
}

/**
 * Places one call, sent exactly once (see `plivo-transport`). The answer's `request_uuid` is the
 * `providerCallId`: it is all the create answer gives, and Plivo repeats it as `RequestUUID` in
 * every callback of the call, next to the `CallUUID` it assigns when dialing starts.
 */
export async function originatePlivoCall(
  client: PlivoClient,
  req: OriginateRequest,
): Promise<OriginateResult> {
  // The customer's own answer document when the plan names one, else the engine's.
  const answerUrl = req.plan.answerUrl ?? req.documents?.answerUrl;
  if (!answerUrl) {
    throw new ProviderRequestError(
      'plivo originate: Plivo fetches an answer document, and no answerUrl was given',
      {
        provider: 'plivo',
        operation: 'originate',
        retryable: false,
      },
    );
  }
  const answer = await plivoCall('originate', () =>
    client.calls.create(toPlivoNumber(req.from), toPlivoNumber(req.to), answerUrl, plivoCallParams(req)),
  );
  const id: unknown = Array.isArray(answer.requestUuid) ? answer.requestUuid[0] : answer.requestUuid;
  if (typeof id !== 'string' || id === '') throw unexpectedAnswer('originate', 'no request_uuid');
  return { providerCallId: id, acceptedAt: new Date().toISOString() };
}
