import type { CallPlan } from '../voice-provider';
import { ProviderRequestError } from '../errors/provider-request-error';
import type { ProviderOperation } from '../errors/provider-request-error';

/**
 * The agent's stream parameters: which attempt (and campaign) the audio belongs to, and the
 * plan's `flowName` and `variables` (one JSON object) when it has them.
 */
export function agentStreamParameters(plan: CallPlan): Array<{ name: string; value: string }> {
  return [
    { name: 'attemptId', value: plan.attemptId },
    ...(plan.campaignId ? [{ name: 'campaignId', value: plan.campaignId }] : []),
    ...(plan.flowName ? [{ name: 'flowName', value: plan.flowName }] : []),
    ...(plan.variables ? [{ name: 'variables', value: JSON.stringify(plan.variables) }] : []),
  ];
}

/**
 * The agent's media-stream URL with the stream parameters in its query as well: a stream started
 * by the dial (`stream_url`) has no custom parameters, so the agent reads them from the URL.
 *
 * @throws ProviderRequestError (`refused`) when an `ai` plan has no stream URL: a configuration
 *   error that no retry fixes.
 */
export function agentStreamUrl(plan: CallPlan, operation: ProviderOperation): string {
  if (!plan.agentStreamUrl) {
    throw new ProviderRequestError(
      `telnyx ${operation}: an ai call needs plan.agentStreamUrl (AGENT_STREAM_URL)`,
      {
        provider: 'telnyx',
        operation,
        retryable: false,
        reason: 'refused',
      },
    );
  }
  const url = new URL(plan.agentStreamUrl);
  for (const { name, value } of agentStreamParameters(plan)) url.searchParams.set(name, value);
  return url.toString();
}

/** Stream settings shared by the dial and `streaming_start`: both directions, the agent talks back. */
export const AGENT_STREAM_SETTINGS = {
  stream_track: 'inbound_track',
  stream_bidirectional_mode: 'rtp',
  stream_bidirectional_codec: 'PCMU',
} as const;
