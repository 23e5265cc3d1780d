import twilio from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import type { CarrierDocument } from '../call-control';
import { speechVoice } from '../speech-voice';
import type { CallPlan } from '../voice-provider';

// Twilio types the voice and language as its lists; the plan's are checked by Twilio itself.
type SayAttributes = VoiceResponse.SayAttributes;

/** The content type Twilio expects TwiML in. */
export const TWIML_CONTENT_TYPE = 'text/xml';

function document(response: twilio.twiml.VoiceResponse | twilio.twiml.MessagingResponse): CarrierDocument {
  return { contentType: TWIML_CONTENT_TYPE, body: response.toString() };
}

/**
 * `ai`: bridges the call to the agent's media stream (`<Connect><Stream>`), naming the attempt and
 * campaign in `<Parameter>`s, which Twilio hands to the agent in the stream's `start` message
 * (`customParameters`), with the plan's `flowName` and its `variables` (one JSON object) when it
 * has them: a Twilio stream URL takes no query string. Without a stream URL (a configuration
 * error) the call is hung up rather than left silent.
 */
function agentTwiml(plan: CallPlan, response: twilio.twiml.VoiceResponse): void {
  if (plan.agentStreamUrl === undefined) {
    response.hangup();
    return;
  }
  const stream = response.connect().stream({ url: plan.agentStreamUrl });
  stream.parameter({ name: 'attemptId', value: plan.attemptId });
  if (plan.campaignId !== undefined) stream.parameter({ name: 'campaignId', value: plan.campaignId });
  if (plan.flowName !== undefined) stream.parameter({ name: 'flowName', value: plan.flowName });
  if (plan.variables !== undefined) {
    stream.parameter({ name: 'variables', value: JSON.stringify(plan.variables) });
  }
}

/** `<Say>`'s voice or language from the plan's `voice` (see `speechVoice`); none: Twilio's default. */
function sayAttributes(plan: CallPlan): SayAttributes {
  const { voice, language } = speechVoice(plan.voice);
  return {
    ...(voice === undefined ? {} : { voice: voice as SayAttributes['voice'] }),
    ...(language === undefined ? {} : { language: language as SayAttributes['language'] }),
  };
}

/** `plain`: bridge to `transferTo` (a number, or a SIP URI), else speak the message, then hang up. */
function plainTwiml(plan: CallPlan, response: twilio.twiml.VoiceResponse): void {
  if (plan.transferTo !== undefined) {
    const dial = response.dial();
    if (plan.transferTo.startsWith('sip:')) dial.sip(plan.transferTo);
    else dial.number(plan.transferTo);
    return;
  }
  if (plan.message !== undefined && plan.message !== '') response.say(sayAttributes(plan), plan.message);
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
