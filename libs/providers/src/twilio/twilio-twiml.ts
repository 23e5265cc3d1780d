import twilio from 'twilio';
import type { CarrierDocument } from '../call-control';
import type { CallPlan } from '../voice-provider';

/** The content type Twilio expects TwiML in. */
export const TWIML_CONTENT_TYPE = 'text/xml';

function document(response: twilio.twiml.VoiceResponse | twilio.twiml.MessagingResponse): CarrierDocument {
  return { contentType: TWIML_CONTENT_TYPE, body: response.toString() };
}

/**
 * `ai`: bridges the call to the agent's media stream (`<Connect><Stream>`), naming the attempt and
 * campaign in `<Parameter>`s, which Twilio hands to the agent in the stream's `start` message.
 * Without a stream URL (a configuration error) the call is hung up rather than left silent.
 */
function agentTwiml(plan: CallPlan, response: twilio.twiml.VoiceResponse): void {
  if (plan.agentStreamUrl === undefined) {
    response.hangup();
    return;
  }
  const stream = response.connect().stream({ url: plan.agentStreamUrl });
  stream.parameter({ name: 'attemptId', value: plan.attemptId });
  if (plan.campaignId !== undefined) stream.parameter({ name: 'campaignId', value: plan.campaignId });
}

/** `plain`: bridge to `transferTo` (a number, or a SIP URI), else speak the message, then hang up. */
function plainTwiml(plan: CallPlan, response: twilio.twiml.VoiceResponse): void {
  if (plan.transferTo !== undefined) {
    const dial = response.dial();
    if (plan.transferTo.startsWith('sip:')) dial.sip(plan.transferTo);
    else dial.number(plan.transferTo);
    return;
  }
  if (plan.message !== undefined && plan.message !== '') response.say(plan.message);
  response.hangup();
}

/** The answer TwiML of a plan (`answer`), or its voicemail drop (`voicemail`). */
export function planTwiml(plan: CallPlan, purpose: 'answer' | 'voicemail'): CarrierDocument {
  const response = new twilio.twiml.VoiceResponse();
  if (purpose === 'voicemail') {
    return voicemailDropTwiml(plan.voicemailDropUrl);
  }
  if (plan.agent === 'ai') agentTwiml(plan, response);
  else plainTwiml(plan, response);
  return document(response);
}

/** Plays the recording (when there is one) and hangs up: installed on the call at the beep. */
export function voicemailDropTwiml(recordingUrl: string | undefined): CarrierDocument {
  const response = new twilio.twiml.VoiceResponse();
  if (recordingUrl !== undefined) response.play(recordingUrl);
  response.hangup();
  return document(response);
}

/** An empty `<Response/>`: the inbound SMS is taken, and Twilio sends no automatic reply. */
export function emptyMessagingTwiml(): CarrierDocument {
  return document(new twilio.twiml.MessagingResponse());
}
