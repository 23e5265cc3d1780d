import type { CallReaction } from '../call-control';
import type { CallEvent, CallPlan } from '../voice-provider';
import type { TwilioClient } from './twilio-client';
import { TwilioHttpError } from './twilio-http-client';
import { toProviderError } from './twilio-errors';
import { voicemailDropTwiml } from './twilio-twiml';

/** Twilio's "call is not in progress, cannot redirect": the call ended before our update. */
const CALL_NOT_IN_PROGRESS = 21220;

type LiveCallEvent = Exclude<CallEvent, { kind: 'completed' }>;

/**
 * Acts on a live call. Twilio runs the answer TwiML by itself, so only AMD needs an answer:
 * - the end of a voicemail greeting (`beep`) with a drop URL: the call's TwiML is replaced by
 *   `<Play>` + `<Hangup/>` (`calls(sid).update({ twiml })`), and the attempt is `voicemailDropped`;
 * - a machine without a drop URL (or a fax): the call is hung up (`status: 'completed'`).
 * A call that already ended (Twilio 21220) needs nothing: a redelivered event is then a no-op.
 */
export async function respondToCallEvent(
  client: TwilioClient,
  event: LiveCallEvent,
  plan: CallPlan,
): Promise<CallReaction> {
  const isMachine = event.answeredBy === 'machine';
  if (!isMachine || (event.kind !== 'beep' && event.kind !== 'machine_detected')) return {};
  const call = client.calls(event.providerCallId);
  const drop = event.kind === 'beep' && plan.voicemailDropUrl !== undefined;
  try {
    if (drop) {
      await call.update({ twiml: voicemailDropTwiml(plan.voicemailDropUrl).body });
      return { voicemailDropped: true, commands: ['update'] };
    }
    await call.update({ status: 'completed' });
    return { commands: ['hangup'] };
  } catch (error) {
    if (error instanceof TwilioHttpError && error.twilioCode === CALL_NOT_IN_PROGRESS) return {};
    throw toProviderError('respond', error);
  }
}
