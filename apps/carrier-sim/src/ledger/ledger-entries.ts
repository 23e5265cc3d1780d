import type { SimCallPlanFields } from '@engine/providers';

/**
 * One originate request the simulator received, as `GET /sim/calls` lists it. Every valid request
 * is recorded, including refused ones and repeats, so tests can prove an attempt was never placed
 * twice (`duplicate: true` entries), with the call's own plan settings as they arrived.
 */
export interface SimulatedCall extends SimCallPlanFields {
  attemptId: string;
  to: string;
  from: string;
  /** The call this request is about; null when the request was refused (503). */
  providerCallId: string | null;
  receivedAt: string;
  /** The attempt id had already been accepted: answered with the existing call, nothing placed. */
  duplicate: boolean;
  /** What the simulator answered: 201 placed, 200 duplicate, 503 refused, 504 placed but answer "lost". */
  status: number;
  campaignId?: string;
  /** Who talks once answered, as asked. */
  agent: 'ai' | 'plain';
}

/** One SMS the simulator was asked to send (`outbound`) or was told to inject (`inbound`). */
export interface SimulatedMessage {
  direction: 'outbound' | 'inbound';
  /** The engine's id (outbound only). */
  messageId?: string;
  providerMessageId: string | null;
  to: string;
  from: string;
  body: string;
  receivedAt: string;
  duplicate: boolean;
  status: number;
}

/** What a webhook is about. */
export const WebhookKinds = ['call.status', 'sms.status', 'sms.inbound'] as const;
export type WebhookKind = (typeof WebhookKinds)[number];

/**
 * `delivered`: a 2xx; `rejected`: another status; `error`: no answer (network, timeout);
 * `dropped`: deliberately never sent (fault injection).
 */
export type WebhookResult = 'delivered' | 'rejected' | 'error' | 'dropped';

/** One webhook delivery attempt (`GET /sim/webhooks`). */
export interface WebhookDelivery {
  /** Shared by the attempts (retries) of one delivery. */
  deliveryId: string;
  kind: WebhookKind;
  url: string;
  attemptId?: string;
  messageId?: string;
  /** providerCallId or providerMessageId. */
  providerId: string;
  /** 1 for the first try. */
  attempt: number;
  /** HTTP status of the receiver's answer; null when there was none. */
  status: number | null;
  result: WebhookResult;
  error?: string;
  /** A deliberate second delivery of the same webhook (fault injection). */
  duplicate: boolean;
  at: string;
}
