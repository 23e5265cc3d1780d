/**
 * The event catalogue (DESIGN.md section 7): every event the engine publishes, with its payload.
 * Events are stored in the `events` table and published on Redis channel `campaign:<id>` (or
 * `customer:<id>` for events that belong to no campaign).
 */
export interface EngineEventPayloads {
  'campaign.started': { status: 'dialing' };
  'campaign.paused': { reason: string | null; auto: boolean };
  'campaign.resumed': { status: 'dialing' };
  'campaign.completed': { counts: Record<string, number> };
  'campaign.cancelled': { reason: string | null };
  'campaign.paused.no_dids': { reason: 'no_dids'; minScore: number };
  /** An `ai` campaign's agent server failed its health check; it resumes once the agent answers. */
  'campaign.paused.agent_unavailable': { reason: 'agent_unavailable'; message: string };
  /** The carrier refused the account's credentials; an operator fixes them and resumes. */
  'campaign.paused.carrier_auth': { reason: 'carrier_auth'; message: string };
  'campaign.stats.updated': CampaignStatsPayload;
  'campaign.prospect.dnc': { prospectId: number; phone: string };
  /**
   * The Reassigned Numbers Database reports the number permanently disconnected since the
   * prospect's consent (`consentedAt`): it may belong to someone else now; the prospect is cancelled.
   */
  'campaign.prospect.reassigned': { prospectId: number; phone: string; consentedAt: string };
  /**
   * The number reached its contact cap (per rolling 24 hours or 7 days, across campaigns and
   * channels): the prospect waits until `allowedAt` (ISO), its attempt given back.
   */
  'campaign.prospect.capped': { prospectId: number; phone: string; allowedAt: string; limit: '24h' | '7d' };
  'campaign.call.initiated': {
    prospectId: number;
    attemptId: string;
    attempt: number;
    to: string;
    from: string;
    didId: string;
  };
  'campaign.call.human_connected': CallOutcomePayload;
  'campaign.call.human_hangup': CallOutcomePayload;
  'campaign.call.voicemail': CallOutcomePayload;
  'campaign.call.no_answer': CallOutcomePayload & { willRetry: boolean };
  'campaign.call.busy': CallOutcomePayload;
  'campaign.call.failed': CallOutcomePayload & { error?: string };
  'campaign.sms.sent': { prospectId: number; messageId: string; to: string; from: string; segments: number };
  'campaign.sms.delivered': { prospectId: number; messageId: string };
  'campaign.sms.failed': { prospectId: number; messageId: string; error: string };
  'campaign.sms.delivery_failed': { prospectId: number; messageId: string; error: string };
  /**
   * The carrier refused a DID as caller ID (not owned by or verified on the account): it leaves
   * rotation until an operator reinstates it.
   */
  /** An ad-hoc call entered the queue, due now (seed 001). `campaignId` is the customer's queue. */
  'call.queued': QueuedCallPayload;
  /** An ad-hoc call entered the queue with a `scheduled_at` in the future. */
  'call.scheduled': QueuedCallPayload & { scheduledAt: string };
  /** An attempt of an ad-hoc call ended `busy`, `no_answer` or `failed`; the next one is due at `retryAt`. */
  'call.retry_scheduled': {
    callId: string;
    prospectId: number;
    attemptId: string;
    outcome: string;
    attempt: number;
    retryAt: string;
  };
  'did.suspended': { didId: string; number: string; reason: string; carrierCode: string | null };
  'did.health.warning': DidHealthPayload;
  'did.health.cooldown': DidHealthPayload & { cooldownUntil: string };
  'did.health.burned': DidHealthPayload & {
    /**
     * The evidence a burn also rests on: the DID's last calls regardless of its cooldowns, with
     * the score's upper bound at the burn confidence (99.99 %).
     */
    recent: { score: number; upperBound: number; sampleSize: number };
  };
}

export interface QueuedCallPayload {
  callId: string;
  customCallId: string | null;
  batchId: string | null;
  phone: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
}

export interface CallOutcomePayload {
  prospectId: number;
  attemptId: string;
  didId: string | null;
  durationSeconds: number;
}

/** A DID's health when a verdict changed it: the score over its calls since `score_since`. */
export interface DidHealthPayload {
  didId: string;
  number: string;
  /** The domain's `HealthVerdict` behind the event (`warning`, `cooldown` or `burned`). */
  verdict: string;
  score: number;
  /** The score's confidence bounds (one-sided 99 % each way by default). */
  upperBound: number;
  lowerBound: number;
  sampleSize: number;
}

export interface CampaignStatsPayload {
  byStatus: Record<string, number>;
  byOutcome: Record<string, number>;
  answerRate: number;
  averageDurationSeconds: number;
  dialRatePerSecond: number;
  attempts: number;
}

export type EngineEventType = keyof EngineEventPayloads;

/** An event as a publisher hands it over. */
export type EngineEvent<T extends EngineEventType = EngineEventType> = {
  [K in T]: { type: K; customerId: string; campaignId: string | null; payload: EngineEventPayloads[K] };
}[T];

/** An event as stored and delivered: with its sequential id, channel and time. */
export type StoredEngineEvent<T extends EngineEventType = EngineEventType> = EngineEvent<T> & {
  id: number;
  channel: string;
  createdAt: string;
};

export const EngineEventTypes = [
  'campaign.started',
  'campaign.paused',
  'campaign.resumed',
  'campaign.completed',
  'campaign.cancelled',
  'campaign.paused.no_dids',
  'campaign.stats.updated',
  'campaign.prospect.dnc',
  'campaign.prospect.reassigned',
  'campaign.prospect.capped',
  'campaign.call.initiated',
  'campaign.call.human_connected',
  'campaign.call.human_hangup',
  'campaign.call.voicemail',
  'campaign.call.no_answer',
  'campaign.call.busy',
  'campaign.call.failed',
  'campaign.sms.sent',
  'campaign.sms.delivered',
  'campaign.sms.failed',
  'campaign.sms.delivery_failed',
  'call.queued',
  'call.scheduled',
  'call.retry_scheduled',
  'did.health.warning',
  'did.health.cooldown',
  'did.health.burned',
] as const satisfies readonly EngineEventType[];

/** The pub/sub channel (and SSE channel name) an event belongs to. */
export function eventChannel(event: { customerId: string; campaignId: string | null }): string {
  return event.campaignId ? `campaign:${event.campaignId}` : `customer:${event.customerId}`;
}
