import type { CampaignSettings } from '@engine/contracts';
import type { CampaignActivityDeps } from './campaign-deps';

/** Options of {@link AgentAvailability}. */
export interface AgentAvailabilityOptions {
  /** The agent server's health URL (`AGENT_HEALTH_URL`): any 2xx answer means up. */
  healthUrl: string;
  /** How long one answer is reused: every dial tick of every `ai` campaign asks. Default 5 s. */
  cacheMs?: number;
  /** Per check; default 3 s. A timeout means down. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Whether the AI voice agent can take calls. An `ai` campaign checks before each tick dials (a
 * call bridged to a dead agent is a person greeted by silence) and pauses with
 * `agent_unavailable` while the check fails; the workflow asks again until it answers.
 */
export class AgentAvailability {
  private last: { up: boolean; at: number; detail: string } | undefined;
  private inFlight: Promise<{ up: boolean; detail: string }> | undefined;

  constructor(private readonly options: AgentAvailabilityOptions) {}

  /** Up or down, with a message for people when down. */
  async check(): Promise<{ up: boolean; detail: string }> {
    const cacheMs = this.options.cacheMs ?? 5_000;
    if (this.last && Date.now() - this.last.at < cacheMs) return this.last;
    this.inFlight ??= this.probe().finally(() => {
      this.inFlight = undefined;
    });
    const result = await this.inFlight;
    this.last = { ...result, at: Date.now() };
    return result;
  }

  private async probe(): Promise<{ up: boolean; detail: string }> {
    const { healthUrl } = this.options;
    try {
      const answer = await (this.options.fetch ?? fetch)(healthUrl, {
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
      });
      if (answer.ok) return { up: true, detail: 'ok' };
      return { up: false, detail: `agent health check ${healthUrl} answered ${answer.status}` };
    } catch (err) {
      return { up: false, detail: `agent health check ${healthUrl} failed: ${(err as Error).message}` };
    }
  }
}

/** The activity the workflow polls while an `ai` campaign is paused for `agent_unavailable`. */
export function createCheckAgentAvailable({
  agentAvailability,
}: Pick<CampaignActivityDeps, 'agentAvailability'>) {
  return async function checkAgentAvailable(settings: CampaignSettings): Promise<boolean> {
    if (settings.agent !== 'ai' || !agentAvailability) return true;
    return (await agentAvailability.check()).up;
  };
}
