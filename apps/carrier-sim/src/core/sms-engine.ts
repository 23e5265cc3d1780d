import { randomUUID } from 'node:crypto';
import type {
  SendSmsRequest,
  SimInboundSmsWebhook,
  SimMessageStatus,
  SimSendSmsAnswer,
  SimSmsReceiptWebhook,
  SmsReceiptStatus,
  SmsStatus,
} from '@engine/providers';
import type { SimConfig } from '../config/sim-config';
import type { CarrierLedger } from '../ledger/carrier-ledger';
import type { RandomSource } from './random';
import { scaled } from './sim-clock';
import type { TimerRegistry } from './timer-registry';
import type { WebhookJob, WebhookSender } from './webhook-sender';

/**
 * Error codes a failed message gets, in the style of real carriers: unreachable handset, unknown
 * destination, landline, filtered by the carrier.
 */
const FAILURE_CODES = ['30003', '30005', '30006', '30007'] as const;

interface LiveMessage {
  providerMessageId: string;
  messageId: string;
  callbackUrl: string;
  acceptedAt: string;
  status: SmsStatus;
  errorCode: string | undefined;
}

/** What the HTTP layer answers to a send request. */
export type SendDecision =
  | { kind: 'accepted'; status: 201; answer: SimSendSmsAnswer }
  | { kind: 'duplicate'; status: 200; answer: SimSendSmsAnswer }
  | { kind: 'refused'; status: 503 };

/** An inbound message to inject (`POST /sim/inbound`). */
export interface InboundRequest {
  from: string;
  to: string;
  body: string;
  callbackUrl: string;
}

/** Dependencies of {@link SmsEngine}. */
export interface SmsEngineDeps {
  ledger: CarrierLedger;
  timers: TimerRegistry;
  webhooks: WebhookSender;
  config: () => Readonly<SimConfig>;
  random: () => RandomSource;
  capacity: number;
}

/**
 * Sends simulated SMS: idempotent on the message id; a `sent` receipt, then a final `delivered`
 * or `failed` one, with the configured delays and receipt faults (dropped, duplicated, final
 * before `sent`). Also injects inbound messages.
 */
export class SmsEngine {
  /** Per message id: send requests so far, and the message once accepted. */
  private readonly messages = new Map<string, { requests: number; message: LiveMessage | undefined }>();

  constructor(private readonly deps: SmsEngineDeps) {}

  send(req: SendSmsRequest, now: Date = new Date()): SendDecision {
    const config = this.deps.config();
    const receivedAt = now.toISOString();
    const entry = this.entryFor(req.messageId);
    entry.requests += 1;
    const existing = entry.message;
    const record = (providerMessageId: string | null, status: number, duplicate = false) =>
      this.deps.ledger.recordMessage({
        direction: 'outbound',
        messageId: req.messageId,
        providerMessageId,
        to: req.to,
        from: req.from,
        body: req.body,
        receivedAt,
        duplicate,
        status,
      });

    if (existing) {
      record(existing.providerMessageId, 200, true);
      const answer = {
        providerMessageId: existing.providerMessageId,
        acceptedAt: existing.acceptedAt,
        duplicate: true,
      };
      return { kind: 'duplicate', status: 200, answer };
    }
    // Keyed by the request number, so a retry after a refusal gets a fresh draw.
    if (this.deps.random()(`${req.messageId}/send/${entry.requests}`)() < config.sms.sendErrorRate) {
      record(null, 503);
      return { kind: 'refused', status: 503 };
    }

    const message: LiveMessage = {
      providerMessageId: `sim-sms-${randomUUID()}`,
      messageId: req.messageId,
      callbackUrl: req.callbackUrl,
      acceptedAt: receivedAt,
      status: 'queued',
      errorCode: undefined,
    };
    entry.message = message;
    record(message.providerMessageId, 201);
    this.schedule(message, config);
    return {
      kind: 'accepted',
      status: 201,
      answer: { providerMessageId: message.providerMessageId, acceptedAt: receivedAt },
    };
  }

  lookup(messageId: string): SimMessageStatus | undefined {
    const message = this.messages.get(messageId)?.message;
    if (!message) return undefined;
    const view: SimMessageStatus = {
      providerMessageId: message.providerMessageId,
      messageId: message.messageId,
      status: message.status,
    };
    if (message.errorCode !== undefined) view.errorCode = message.errorCode;
    return view;
  }

  /** Posts an inbound message (a reply such as STOP) to `req.callbackUrl`. */
  inbound(req: InboundRequest, now: Date = new Date()): SimInboundSmsWebhook {
    const payload: SimInboundSmsWebhook = {
      providerMessageId: `sim-sms-${randomUUID()}`,
      from: req.from,
      to: req.to,
      body: req.body,
      receivedAt: now.toISOString(),
    };
    this.deps.ledger.recordMessage({
      direction: 'inbound',
      providerMessageId: payload.providerMessageId,
      to: req.to,
      from: req.from,
      body: req.body,
      receivedAt: payload.receivedAt,
      duplicate: false,
      status: 202,
    });
    this.deps.webhooks.send({
      kind: 'sms.inbound',
      url: req.callbackUrl,
      providerId: payload.providerMessageId,
      payload,
    });
    return payload;
  }

  clear(): void {
    this.messages.clear();
  }

  private entryFor(messageId: string): { requests: number; message: LiveMessage | undefined } {
    let entry = this.messages.get(messageId);
    if (!entry) {
      entry = { requests: 0, message: undefined };
      this.messages.set(messageId, entry);
      // Bounded like the ledger: Map iteration order is insertion order, so this drops the oldest.
      if (this.messages.size > this.deps.capacity) {
        const oldest = this.messages.keys().next();
        if (!oldest.done) this.messages.delete(oldest.value);
      }
    }
    return entry;
  }

  private schedule(message: LiveMessage, config: Readonly<SimConfig>): void {
    const { sms, timeScale } = config;
    const random = this.deps.random()(`${message.messageId}/sms`);
    const delivered = random() < sms.deliveredRate;
    const deliveryDelay =
      sms.deliveryDelayMs.min + random() * (sms.deliveryDelayMs.max - sms.deliveryDelayMs.min);
    const dropFinal = random() < sms.dropReceiptRate;
    const duplicateFinal = random() < sms.duplicateReceiptRate;
    const outOfOrder = random() < sms.outOfOrderRate;
    const errorCode = FAILURE_CODES[Math.floor(random() * FAILURE_CODES.length)] ?? FAILURE_CODES[0];

    this.deps.timers.after(scaled(sms.sentDelayMs, timeScale), () => {
      message.status = 'sent';
      const sentReceipt = this.receipt(message, 'sent');
      if (!outOfOrder) this.deps.webhooks.send(sentReceipt);
      this.deps.timers.after(scaled(deliveryDelay, timeScale), () => {
        message.status = delivered ? 'delivered' : 'failed';
        if (!delivered) message.errorCode = errorCode;
        const finalReceipt = this.receipt(message, message.status === 'delivered' ? 'delivered' : 'failed');
        if (dropFinal) this.deps.webhooks.drop(finalReceipt);
        else {
          this.deps.webhooks.send(finalReceipt);
          if (duplicateFinal) this.deps.webhooks.send({ ...finalReceipt, duplicate: true });
        }
        // Out of order: the `sent` receipt arrives after the final one; the receiver must keep the final state.
        if (outOfOrder) this.deps.webhooks.send(sentReceipt, 20);
      });
    });
  }

  private receipt(message: LiveMessage, status: SmsReceiptStatus): WebhookJob {
    const payload: SimSmsReceiptWebhook = {
      providerMessageId: message.providerMessageId,
      messageId: message.messageId,
      status,
      occurredAt: new Date().toISOString(),
    };
    if (status === 'failed' && message.errorCode !== undefined) payload.errorCode = message.errorCode;
    return {
      kind: 'sms.status',
      url: message.callbackUrl,
      providerId: message.providerMessageId,
      messageId: message.messageId,
      payload,
    };
  }
}
