import type { CallListInstanceCreateOptions } from 'twilio/lib/rest/api/v2010/account/call';
import type { OriginateRequest, OriginateResult } from '../voice-provider';
import type { TwilioClient } from './twilio-client';
import { twilioRequest } from './twilio-errors';

/** The progress events Twilio posts to the status callback (it always posts the final one). */
export const TWILIO_STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

/**
 * The call-create parameters of an attempt. Twilio fetches the answer document (`Url`) when the
 * call is answered and runs AMD alongside it (`AsyncAmd`), so the agent or message starts at once;
 * with `DetectMessageEnd` the AMD callback comes at the end of a voicemail greeting, the moment to
 * drop a message. Every event goes to the attempt's callback URL, whose `attempt` query parameter
 * Twilio's signature covers.
 *
 * The plan's own settings: `answerUrl` (the customer's TwiML) replaces the engine's answer
 * document as `Url`; AMD and the voicemail drop still come through the callback (the drop
 * replaces the call's TwiML, whatever it is). `maxDurationSeconds` is `TimeLimit`, `record` is
 * `Record` (from the answer).
 */
export function originateParams(req: OriginateRequest): CallListInstanceCreateOptions {
  const { plan } = req;
  const url = plan.answerUrl ?? req.documents?.answerUrl;
  if (url === undefined) {
    throw new TypeError('twilio originate needs documents.answerUrl: Twilio fetches the answer TwiML');
  }
  return {
    to: req.to,
    from: req.from,
    url,
    method: 'POST',
    statusCallback: req.callbackUrl,
    statusCallbackMethod: 'POST',
    statusCallbackEvent: TWILIO_STATUS_EVENTS,
    ...(plan.maxDurationSeconds === undefined ? {} : { timeLimit: plan.maxDurationSeconds }),
    ...(plan.record ? { record: true } : {}),
    ...(req.amd
      ? {
          machineDetection: 'DetectMessageEnd',
          asyncAmd: 'true',
          asyncAmdStatusCallback: req.callbackUrl,
          asyncAmdStatusCallbackMethod: 'POST',
        }
      : {}),
  };
}

/**
 * Places the call. Not idempotent: Twilio has no idempotency key for call create, so a lost
 * answer is resolved by `findCall`, never by asking again.
 */
export async function originateCall(client: TwilioClient, req: OriginateRequest): Promise<OriginateResult> {
  const params = originateParams(req);
  const call = await twilioRequest('originate', () => client.calls.create(params));
  return { providerCallId: call.sid, acceptedAt: (call.dateCreated ?? new Date()).toISOString() };
}
