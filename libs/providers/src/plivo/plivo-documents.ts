import { Response as PlivoXml } from 'plivo/dist/utils/plivoxml';
import type { CarrierDocument } from '../call-control';
import { speechVoice } from '../speech-voice';
import type { CallPlan } from '../voice-provider';
import { toPlivoNumber } from './plivo-wire';

const XML = 'application/xml';

type Attributes = Record<string, string | number | boolean>;

/**
 * The part of the SDK's XML builder used here. Its typings lack `addStream` and `Wait`'s `beep`,
 * which its code accepts (`valid_attributes`), hence this narrower, accurate view.
 */
interface XmlElement {
  addStream(body: string, attributes: Attributes): XmlElement;
  addDial(attributes: Attributes): XmlElement;
  addNumber(body: string, attributes: Attributes): XmlElement;
  addUser(body: string, attributes: Attributes): XmlElement;
  addSpeak(body: string, attributes: Attributes): XmlElement;
  addRecord(attributes: Attributes): XmlElement;
  addWait(attributes: Attributes): XmlElement;
  addPlay(body: string, attributes: Attributes): XmlElement;
  addHangup(attributes: Attributes): XmlElement;
  toXML(): string;
}

function newResponse(): XmlElement {
  return new PlivoXml() as unknown as XmlElement;
}

/** How long the voicemail document waits for the greeting's beep before playing anyway. */
export const VOICEMAIL_BEEP_WAIT_SECONDS = 20;

/** Plivo's `extraHeaders` is `key=value,key=value`: values are kept to characters that cannot break it. */
function headerSafe(value: string): string {
  return value.replace(/[^A-Za-z0-9_.:-]/g, '');
}

function document(xml: XmlElement): CarrierDocument {
  return { contentType: XML, body: xml.toXML() };
}

/**
 * The agent's stream URL with the plan's `flowName` and `variables` (one JSON object) in its
 * query: `extraHeaders` keeps to `key=value` pairs of a few safe characters, which cannot carry
 * free text, while the URL's query reaches the agent intact on the WebSocket handshake.
 */
export function plivoAgentStreamUrl(plan: CallPlan, streamUrl: string): string {
  if (plan.flowName === undefined && plan.variables === undefined) return streamUrl;
  const url = new URL(streamUrl);
  if (plan.flowName !== undefined) url.searchParams.set('flowName', plan.flowName);
  if (plan.variables !== undefined) url.searchParams.set('variables', JSON.stringify(plan.variables));
  return url.toString();
}

/**
 * `ai`: a bidirectional `<Stream>` to the agent, which keeps the call up while the socket lives.
 * The attempt and campaign ids ride in `extraHeaders`, which Plivo sends on the WebSocket
 * handshake and in the stream's `start` event, so the agent knows which call it serves; the flow
 * and variables ride in the URL (see {@link plivoAgentStreamUrl}).
 */
function agentStream(xml: XmlElement, plan: CallPlan, streamUrl: string): void {
  const headers = [`attemptId=${headerSafe(plan.attemptId)}`];
  if (plan.campaignId) headers.push(`campaignId=${headerSafe(plan.campaignId)}`);
  xml.addStream(plivoAgentStreamUrl(plan, streamUrl), {
    bidirectional: true,
    keepCallAlive: true,
    contentType: 'audio/x-mulaw;rate=8000',
    extraHeaders: headers.join(','),
  });
}

/** `<Speak>`'s voice or language from the plan's `voice` (see `speechVoice`); none: Plivo's default. */
function speakAttributes(plan: CallPlan): Attributes {
  const { voice, language } = speechVoice(plan.voice);
  return { ...(voice === undefined ? {} : { voice }), ...(language === undefined ? {} : { language }) };
}

/** `plain`: bridge to `transferTo`, else speak the message, else nothing; then hang up. */
function plainFlow(xml: XmlElement, plan: CallPlan): void {
  if (plan.transferTo) {
    const dial = xml.addDial({});
    if (plan.transferTo.startsWith('sip:')) dial.addUser(plan.transferTo, {});
    else dial.addNumber(toPlivoNumber(plan.transferTo), {});
    return;
  }
  if (plan.message) xml.addSpeak(plan.message, speakAttributes(plan));
  xml.addHangup({});
}

/** The longest recording asked for when the plan sets no time limit: Plivo's 4-hour call maximum. */
export const PLIVO_MAX_RECORDING_SECONDS = 14_400;

/**
 * `record`: Plivo's `<Record recordSession="true">` records the rest of the call in the background
 * while the document goes on (agent stream, bridge or message). `maxLength` (Plivo's default is
 * 60 s) is the call's own limit, or the longest call.
 */
function recordSession(xml: XmlElement, plan: CallPlan): void {
  xml.addRecord({
    recordSession: true,
    maxLength: plan.maxDurationSeconds ?? PLIVO_MAX_RECORDING_SECONDS,
  });
}

/**
 * The Plivo XML for an answered call (`answer`, fetched from `documents.answerUrl`) or for the
 * voicemail drop (`voicemail`, where the call is transferred when AMD says a machine answered):
 * wait for the greeting's beep, play the recording, hang up.
 */
export function plivoAnswerDocument(plan: CallPlan, purpose: 'answer' | 'voicemail'): CarrierDocument {
  const xml = newResponse();
  if (purpose === 'voicemail') {
    if (plan.voicemailDropUrl) {
      // Plivo's machine detection answers before the greeting ends; the beep ends the wait.
      xml.addWait({ length: VOICEMAIL_BEEP_WAIT_SECONDS, beep: true });
      xml.addPlay(plan.voicemailDropUrl, {});
    }
    xml.addHangup({});
    return document(xml);
  }
  if (plan.record) recordSession(xml, plan);
  if (plan.agent === 'ai' && plan.agentStreamUrl) agentStream(xml, plan, plan.agentStreamUrl);
  else plainFlow(xml, plan);
  return document(xml);
}

/** Plivo needs no particular answer to an inbound message: an empty XML response sends no reply. */
export function plivoEmptyResponse(): CarrierDocument {
  return document(newResponse());
}
