import type { MessageInstance } from 'twilio/lib/rest/api/v2010/account/message';
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
import { WebhookPayloadError } from '../errors/webhook-payload-error';
import type { WebhookInput } from '../webhook-input';
import type { TwilioClient } from './twilio-client';
import { isTwilioNotFound, toProviderError, twilioRequest } from './twilio-errors';
import type { VerifiedTwilioWebhook } from './twilio-webhook';
import { optionalParam, requiredParam } from './twilio-webhook';
import { CALL_CLOCK_SKEW_MS } from './twilio-find-call';

/**
 * Twilio's message statuses as the engine's. `accepted` / `scheduled` / `queued` wait at Twilio;
 * `sending` and `sent` are with the network; `delivered` and `read` arrived; `undelivered`,
 * `failed` and `canceled` never will.
 */
export function smsStatus(status: string): SmsStatus | undefined {
  switch (status) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
      return 'queued';
    case 'sending':
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return undefined;
  }
}

/** A receipt's status: a receipt for a message still waiting at Twilio counts as in progress. */
export function receiptStatus(status: string): SmsReceiptStatus | undefined {
  const mapped = smsStatus(status);
  return mapped === 'queued' ? 'sent' : mapped;
}

/** Sends one text with the delivery-receipt callback. Not idempotent (Twilio has no key for it). */
export async function sendTwilioSms(client: TwilioClient, req: SendSmsRequest): Promise<SendSmsResult> {
  const message = await twilioRequest('sendSms', () =>
    client.messages.create({ to: req.to, from: req.from, body: req.body, statusCallback: req.callbackUrl }),
  );
  return { providerMessageId: message.sid, acceptedAt: (message.dateCreated ?? new Date()).toISOString() };
}

function toMessageStatus(message: MessageInstance, messageId: string): ProviderMessageStatus {
  const status = smsStatus(message.status) ?? 'queued';
  return {
    providerMessageId: message.sid,
    messageId,
    status,
    ...(status === 'failed' && message.errorCode != null ? { errorCode: String(message.errorCode) } : {}),
  };
}

/**
 * Finds a text by SID, else among the texts to the recipient from the number, created no earlier
 * than `sentAfter` (less a little clock skew) with the same body. Not filtered by `DateSent` at
 * Twilio for the reason `findCall` does not filter by `StartTime`: a queued text has no send date.
 */
export async function findTwilioMessage(
  client: TwilioClient,
  probe: MessageProbe,
): Promise<ProviderMessageStatus | undefined> {
  if (probe.providerMessageId !== undefined) {
    const sid = probe.providerMessageId;
    try {
      return toMessageStatus(await client.messages(sid).fetch(), probe.messageId);
    } catch (error) {
      if (isTwilioNotFound(error)) return undefined;
      throw toProviderError('findMessage', error);
    }
  }
  const messages = await twilioRequest('findMessage', () =>
    client.messages.list({ to: probe.to, from: probe.from, pageSize: 100, limit: 200 }),
  );
  const earliest = probe.sentAfter.getTime() - CALL_CLOCK_SKEW_MS;
  const found = messages
    .filter(
      (m) => m.body === probe.body && m.dateCreated instanceof Date && m.dateCreated.getTime() >= earliest,
    )
    .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime())[0];
  return found === undefined ? undefined : toMessageStatus(found, probe.messageId);
}

/**
 * A delivery receipt: `MessageSid`, `MessageStatus`, `ErrorCode`; the engine's message id is the
 * `message` query parameter of the signed callback URL. Twilio's SMS callbacks carry no time, so
 * `occurredAt` is when it was verified.
 */
export function deliveryFromWebhook(verified: VerifiedTwilioWebhook, input: WebhookInput): SmsDeliveryUpdate {
  const { params, query, deliveryId } = verified;
  const messageId = requiredParam(query, 'message');
  const providerMessageId = requiredParam(params, 'MessageSid');
  const raw = requiredParam(params, 'MessageStatus');
  const status = receiptStatus(raw);
  if (status === undefined) throw new WebhookPayloadError('MessageStatus', `unknown MessageStatus "${raw}"`);
  const errorCode = optionalParam(params, 'ErrorCode');
  return {
    provider: 'twilio',
    providerMessageId,
    messageId,
    status,
    ...(status === 'failed' && errorCode !== undefined ? { errorCode } : {}),
    occurredAt: (input.now ?? new Date()).toISOString(),
    deliveryId,
  };
}

/** An inbound text: `MessageSid`, `From`, `To`, `Body` (STOP / HELP / START are the engine's). */
export function inboundFromWebhook(verified: VerifiedTwilioWebhook, input: WebhookInput): InboundSms {
  const { params, deliveryId } = verified;
  const body = params['Body'];
  return {
    provider: 'twilio',
    providerMessageId: requiredParam(params, 'MessageSid'),
    from: requiredParam(params, 'From'),
    to: requiredParam(params, 'To'),
    body: typeof body === 'string' ? body : '',
    receivedAt: (input.now ?? new Date()).toISOString(),
    deliveryId,
  };
}
