import type { CallPlan, VoiceAgent } from './voice-provider';

/**
 * A queued call's own `call_config` (seed 001), as the API stores it on the prospect (snake_case,
 * as the public API spells it). Every field is optional; a field given overrides the campaign's.
 */
export interface CallConfig {
  agent?: VoiceAgent;
  /** The TTS voice (carrier voice name) or language (BCP 47 tag) of a spoken message. */
  voice?: string;
  /** The call's talk time limit in seconds (1..14400). */
  max_duration?: number;
  recording_enabled?: boolean;
  /** Which agent flow serves the call; handed to the agent with the stream. */
  flow_name?: string;
  /** The customer's own answer document (an http(s) URL, as the API accepts), fetched instead of the engine's. */
  answer_url?: string;
  /** Handed to the agent with the stream. */
  variables?: Record<string, string>;
}

/** What the plan takes from the campaign: `mode` as stored, and the message. */
export interface CallPlanCampaign {
  mode: { agent?: unknown; transfer_to?: unknown; voicemail_drop_url?: unknown };
  message: string | null;
}

/** Everything one attempt's plan is built from. */
export interface CallPlanSource {
  attemptId: string;
  campaignId: string;
  campaign: CallPlanCampaign;
  /** The prospect's `call_config` as stored (jsonb); null or absent for campaign prospects. */
  callConfig?: unknown;
  /** The agent server's media-stream URL (`AGENT_STREAM_URL`). */
  agentStreamUrl: string | undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([, v]) => typeof v === 'string')
    ? (Object.fromEntries(entries) as Record<string, string>)
    : undefined;
}

/**
 * The stored `call_config`, keeping only fields of the shape the API writes: a field of another
 * shape (a row written by hand, an older version) is left out, so the campaign's value holds,
 * rather than reaching a carrier malformed.
 */
export function readCallConfig(stored: unknown): CallConfig {
  if (typeof stored !== 'object' || stored === null) return {};
  const raw = stored as Record<string, unknown>;
  const config: CallConfig = {};
  if (raw['agent'] === 'ai' || raw['agent'] === 'plain') config.agent = raw['agent'];
  const voice = text(raw['voice']);
  if (voice) config.voice = voice;
  const max = raw['max_duration'];
  if (typeof max === 'number' && Number.isInteger(max) && max >= 1) config.max_duration = max;
  if (typeof raw['recording_enabled'] === 'boolean') config.recording_enabled = raw['recording_enabled'];
  const flow = text(raw['flow_name']);
  if (flow) config.flow_name = flow;
  const answerUrl = text(raw['answer_url']);
  if (answerUrl && /^https?:\/\//i.test(answerUrl)) config.answer_url = answerUrl;
  const variables = stringRecord(raw['variables']);
  if (variables) config.variables = variables;
  return config;
}

/** The plan's fields that come from the call's own `call_config` only. */
function callConfigFields(config: CallConfig): Partial<CallPlan> {
  return {
    ...(config.answer_url ? { answerUrl: config.answer_url } : {}),
    ...(config.max_duration ? { maxDurationSeconds: config.max_duration } : {}),
    ...(config.recording_enabled ? { record: true } : {}),
    ...(config.voice ? { voice: config.voice } : {}),
    ...(config.flow_name ? { flowName: config.flow_name } : {}),
    ...(config.variables && Object.keys(config.variables).length > 0 ? { variables: config.variables } : {}),
  };
}

/**
 * The plan of one attempt's call, the one source of it for the worker (originate) and the API
 * (answer documents, live call events). From the campaign: `ai` bridges to the agent's stream;
 * `plain` transfers to `mode.transfer_to` or speaks the campaign's message; a machine gets the
 * campaign's voicemail recording when it has one. The prospect's `call_config` (a queued call)
 * overrides the agent and adds the call's own answer URL, time limit, recording, voice, flow and
 * variables. Without a `call_config` the plan is the campaign's alone.
 */
export function buildCallPlan(source: CallPlanSource): CallPlan {
  const { mode, message } = source.campaign;
  const config = readCallConfig(source.callConfig);
  const agent: VoiceAgent = config.agent ?? (mode.agent === 'ai' ? 'ai' : 'plain');
  // As the campaign API has always read them: a string is taken as is (the API checks its shape).
  const transferTo = typeof mode.transfer_to === 'string' ? mode.transfer_to : undefined;
  const voicemailDropUrl = typeof mode.voicemail_drop_url === 'string' ? mode.voicemail_drop_url : undefined;
  return {
    agent,
    attemptId: source.attemptId,
    campaignId: source.campaignId,
    ...(agent === 'ai' && source.agentStreamUrl ? { agentStreamUrl: source.agentStreamUrl } : {}),
    ...(agent === 'plain' && transferTo !== undefined ? { transferTo } : {}),
    ...(agent === 'plain' && message ? { message } : {}),
    ...(voicemailDropUrl !== undefined ? { voicemailDropUrl } : {}),
    ...callConfigFields(config),
  };
}
