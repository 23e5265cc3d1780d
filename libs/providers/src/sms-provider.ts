import type { WebhookInput } from './webhook-input';

/** One outbound SMS. */
export interface SendSmsRequest {
  /** The engine's message id (the idempotency key where the carrier has one). */
  messageId: string;
  to: string;
  from: string;
  body: string;
  /** Where the carrier posts delivery receipts. */
  callbackUrl: string;
}

export interface SendSmsResult {
  providerMessageId: string;
  /** ISO 8601. */
  acceptedAt: string;
}

/**
 * Carrier-side message states. `sent` is still in progress (handed to the network); `delivered`
 * and `failed` are final, and a final state never goes back: receipts can arrive out of order, so
 * a `sent` receipt after `delivered` must be ignored.
 */
export const SmsStatuses = ['queued', 'sent', 'delivered', 'failed'] as const;
export type SmsStatus = (typeof SmsStatuses)[number];

/** Statuses a delivery receipt can carry. */
export const SmsReceiptStatuses = ['sent', 'delivered', 'failed'] as const;
export type SmsReceiptStatus = (typeof SmsReceiptStatuses)[number];

/** True for `delivered` and `failed`. */
export function isFinalSmsStatus(status: SmsStatus): boolean {
  return status === 'delivered' || status === 'failed';
}

/** How to recognise a message at a carrier that may not know our id: numbers and a time window. */
export interface MessageProbe {
  messageId: string;
  to: string;
  from: string;
  /** When the message was recorded, before the send request left. */
  sentAfter: Date;
  /** The message body: two texts to the same number within the window are told apart by it. */
  body: string;
  providerMessageId?: string;
}

/** The carrier's view of a message, as `findMessage` returns it. */
export interface ProviderMessageStatus {
  providerMessageId: string;
  messageId: string;
  status: SmsStatus;
  /** Carrier error code when `failed`. */
  errorCode?: string;
}

/** A verified, parsed delivery receipt. */
export interface SmsDeliveryUpdate {
  provider: string;
  providerMessageId: string;
  messageId: string;
  status: SmsReceiptStatus;
  errorCode?: string;
  /** ISO 8601 (the carrier's clock); order receipts by it, not by arrival. */
  occurredAt: string;
  /** The carrier's id of this webhook delivery, where it has one (see `CallStatusUpdate`). */
  deliveryId?: string;
}

/** A verified, parsed inbound message (a reply such as STOP). */
export interface InboundSms {
  provider: string;
  providerMessageId: string;
  from: string;
  to: string;
  body: string;
  /** ISO 8601. */
  receivedAt: string;
  /** The carrier's id of this webhook delivery, where it has one (see `CallStatusUpdate`). */
  deliveryId?: string;
}

/**
 * An SMS carrier as the engine uses it. Same error contract as `VoiceProvider`: a retryable
 * `ProviderRequestError` from `sendSms` means "state unknown, call `findMessage`" (no sooner than
 * `findSettleMs` after the send where `sendIdempotent` is false).
 */
export interface SmsProvider {
  readonly name: string;
  /** True when sending the same message id twice sends one text. */
  readonly sendIdempotent: boolean;
  /** How long after a send request its message is sure to show in `findMessage`. */
  readonly findSettleMs: number;
  /** Sends the message. Not idempotent unless {@link sendIdempotent}. */
  sendSms(req: SendSmsRequest): Promise<SendSmsResult>;
  /** `undefined`: the carrier has no such message, so it was never sent. */
  findMessage(probe: MessageProbe): Promise<ProviderMessageStatus | undefined>;
  /** @throws WebhookSignatureError or WebhookPayloadError. */
  parseDeliveryWebhook(input: WebhookInput): SmsDeliveryUpdate;
  /** @throws WebhookSignatureError or WebhookPayloadError. */
  parseInboundWebhook(input: WebhookInput): InboundSms;
}
