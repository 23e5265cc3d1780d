import type { KeyObject } from 'node:crypto';
import type { Telnyx } from 'telnyx';
import { z } from 'zod';
import type {
  InboundSms,
  MessageProbe,
  ProviderMessageStatus,
  SendSmsRequest,
  SendSmsResult,
  SmsDeliveryUpdate,
  SmsReceiptStatus,
  SmsStatus,
} from '../sms-provider';
import type { WebhookInput } from '../webhook-input';
import { ProviderRequestError } from '../errors/provider-request-error';
import { WebhookPayloadError } from '../errors/webhook-payload-error';
import { callTelnyx } from './telnyx-errors';
import { FIND_CALL_SKEW_MS } from './telnyx-find-call';
import { parseTelnyxWebhook } from './telnyx-webhook';

/** A recipient's status (`to[0].status`) in Telnyx's words, as the engine counts it. */
export const TelnyxMessageStatuses: Readonly<Record<string, SmsStatus>> = {
  queued: 'queued',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  sending_failed: 'failed',
  delivery_failed: 'failed',
  // The carrier never confirmed: not a failure, not a proven delivery; left as sent.
  delivery_unconfirmed: 'sent',
};

const messageSchema = z.object({
  id: z.string().min(1),
  text: z.string().nullish(),
  webhook_url: z.string().nullish(),
  received_at: z.string().nullish(),
  from: z.object({ phone_number: z.string().min(1) }),
  to: z.array(z.object({ phone_number: z.string().min(1), status: z.string().nullish() })).min(1),
  errors: z.array(z.object({ code: z.union([z.string(), z.number()]) })).nullish(),
});
type TelnyxMessage = z.infer<typeof messageSchema>;

function statusOf(message: Pick<TelnyxMessage, 'to'>): SmsStatus {
  return TelnyxMessageStatuses[message.to[0]?.status ?? 'queued'] ?? 'sent';
}

function errorCodeOf(message: Pick<TelnyxMessage, 'errors'>): string | undefined {
  const code = message.errors?.[0]?.code;
  return code === undefined ? undefined : String(code);
}

/** The engine's message id, from the `?message=` of the (signed) `webhook_url` we sent. */
function messageIdOf(
  webhookUrl: string | null | undefined,
  fallbackUrl: string | undefined,
): string | undefined {
  for (const url of [webhookUrl, fallbackUrl]) {
    if (!url) continue;
    const id = new URL(url, 'http://localhost').searchParams.get('message');
    if (id) return id;
  }
  return undefined;
}

/** Sending, looking up and parsing texts through the Messaging API. */
export class TelnyxSms {
  constructor(
    private readonly client: Telnyx,
    private readonly key: KeyObject,
    private readonly toleranceSeconds: number,
    private readonly messagingProfileId: string | undefined,
  ) {}

  /** `POST /v2/messages`; receipts go to the request's own `webhook_url`, not the profile's. */
  async send(req: SendSmsRequest): Promise<SendSmsResult> {
    const answer = await callTelnyx('sendSms', () =>
      this.client.messages.send({
        from: req.from,
        to: req.to,
        text: req.body,
        webhook_url: req.callbackUrl,
        use_profile_webhooks: false,
        ...(this.messagingProfileId ? { messaging_profile_id: this.messagingProfileId } : {}),
      }),
    );
    const id = answer.data?.id;
    if (!id) {
      throw new ProviderRequestError('telnyx sendSms: answer without message id', {
        provider: 'telnyx',
        operation: 'sendSms',
        retryable: true,
      });
    }
    return {
      providerMessageId: id,
      acceptedAt: new Date(answer.data?.received_at ?? Date.now()).toISOString(),
    };
  }

  /**
   * By id when known; otherwise the messaging detail records of the numbers and window, each
   * candidate read back (`GET /v2/messages/{id}`) to compare its text with the probe's body.
   */
  async find(probe: MessageProbe): Promise<ProviderMessageStatus | undefined> {
    if (probe.providerMessageId) {
      const message = await this.retrieve(probe.providerMessageId);
      return message && this.status(message, probe.messageId);
    }
    const since = new Date(probe.sentAfter.getTime() - FIND_CALL_SKEW_MS).toISOString();
    const candidates: string[] = [];
    await callTelnyx('findMessage', async () => {
      const filter = {
        record_type: 'messaging' as const,
        cld: probe.to,
        cli: probe.from,
        direction: 'outbound',
        created_at: { gte: since },
      };
      for await (const record of this.client.detailRecords.list({ filter, 'page[size]': 250 })) {
        const id = 'uuid' in record && typeof record.uuid === 'string' ? record.uuid : undefined;
        if (id) candidates.push(id);
      }
    });
    for (const id of candidates) {
      const message = await this.retrieve(id);
      if (message?.text === probe.body) return this.status(message, probe.messageId);
    }
    return undefined;
  }

  parseDelivery(input: WebhookInput): SmsDeliveryUpdate {
    const event = parseTelnyxWebhook(input, this.key, this.toleranceSeconds, messageSchema);
    const messageId = messageIdOf(event.payload.webhook_url, input.url);
    if (!messageId)
      throw new WebhookPayloadError('data.payload.webhook_url', 'receipt names no engine message id');
    const status = statusOf(event.payload);
    const errorCode = errorCodeOf(event.payload);
    return {
      provider: 'telnyx',
      providerMessageId: event.payload.id,
      messageId,
      status: (status === 'queued' ? 'sent' : status) satisfies SmsReceiptStatus,
      ...(status === 'failed' && errorCode ? { errorCode } : {}),
      occurredAt: event.occurredAt,
      deliveryId: event.id,
    };
  }

  parseInbound(input: WebhookInput): InboundSms {
    const event = parseTelnyxWebhook(input, this.key, this.toleranceSeconds, messageSchema);
    const to = event.payload.to[0]?.phone_number ?? '';
    return {
      provider: 'telnyx',
      providerMessageId: event.payload.id,
      from: event.payload.from.phone_number,
      to,
      body: event.payload.text ?? '',
      receivedAt: new Date(event.payload.received_at ?? event.occurredAt).toISOString(),
      deliveryId: event.id,
    };
  }

  /** `undefined` on Telnyx's 404 for an unknown message id. */
  private async retrieve(id: string): Promise<TelnyxMessage | undefined> {
    try {
      const answer = await callTelnyx('findMessage', () => this.client.messages.retrieve(id));
      const parsed = messageSchema.safeParse(answer.data);
      if (!parsed.success) {
        throw new ProviderRequestError('telnyx findMessage: unreadable message', {
          provider: 'telnyx',
          operation: 'findMessage',
          retryable: true,
        });
      }
      return parsed.data;
    } catch (error) {
      // Only Telnyx's own "resource not found" (10005) means no such message: a 404 from a wrong
      // base URL must not be read as "never sent".
      if (error instanceof ProviderRequestError && error.status === 404 && error.carrierCode === '10005') {
        return undefined;
      }
      throw error;
    }
  }

  private status(message: TelnyxMessage, messageId: string): ProviderMessageStatus {
    const status = statusOf(message);
    const errorCode = errorCodeOf(message);
    return {
      providerMessageId: message.id,
      messageId,
      status,
      ...(status === 'failed' && errorCode ? { errorCode } : {}),
    };
  }
}
