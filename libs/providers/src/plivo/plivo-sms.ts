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
import type { PlivoClient } from './plivo-client';
import { CLOCK_SKEW_MS } from './plivo-find-call';
import { plivoCall, unexpectedAnswer } from './plivo-errors';
import { PlivoHttpError } from './plivo-transport';
import { param, requiredParam, urlQueryParam, verifyPlivoWebhook } from './plivo-webhooks';
import { parsePlivoTime, plivoFilterTime, sameNumber, toE164, toPlivoNumber } from './plivo-wire';

const PAGE = 20;
const TIME_ZONE_MARGIN_MS = 14 * 3_600_000;

/**
 * Plivo message states → the engine's. `undelivered` and `rejected` are failures; `read`
 * (WhatsApp, RCS) implies delivered; `queued` is not yet handed to the network.
 */
export const plivoMessageStates: Record<string, SmsStatus> = {
  queued: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
  rejected: 'failed',
};

/** Plivo reports `000` (or nothing) as the error code of a message without error. */
function errorCodeOf(status: SmsStatus, code: unknown): string | undefined {
  const text = typeof code === 'string' || typeof code === 'number' ? String(code).trim() : '';
  return status === 'failed' && text !== '' && !/^0+$/.test(text) ? text : undefined;
}

/** Sends one text with its delivery-status callback; sent once (not idempotent at Plivo). */
export async function sendPlivoSms(client: PlivoClient, req: SendSmsRequest): Promise<SendSmsResult> {
  const answer = await plivoCall('sendSms', () =>
    client.messages.create(toPlivoNumber(req.from), toPlivoNumber(req.to), req.body, {
      url: req.callbackUrl,
      method: 'POST',
    }),
  );
  const id: unknown = Array.isArray(answer.messageUuid) ? answer.messageUuid[0] : answer.messageUuid;
  if (typeof id !== 'string' || id === '') throw unexpectedAnswer('sendSms', 'no message_uuid');
  return { providerMessageId: id, acceptedAt: new Date().toISOString() };
}

interface PlivoMessageRecord {
  messageUuid?: string;
  messageState?: string;
  errorCode?: unknown;
  fromNumber?: string;
  toNumber?: string;
  messageTime?: string;
  messageDirection?: string;
}

function statusOf(probe: MessageProbe, record: PlivoMessageRecord, id: string): ProviderMessageStatus {
  const status = plivoMessageStates[(record.messageState ?? '').toLowerCase()] ?? 'queued';
  const errorCode = errorCodeOf(status, record.errorCode);
  return { providerMessageId: id, messageId: probe.messageId, status, ...(errorCode ? { errorCode } : {}) };
}

/**
 * Finds a text by its UUID, else by numbers and time. Plivo's message records do not keep the
 * text, so the body cannot be compared: the first matching message after `sentAfter` is taken.
 */
export async function findPlivoMessage(
  client: PlivoClient,
  probe: MessageProbe,
): Promise<ProviderMessageStatus | undefined> {
  if (probe.providerMessageId) {
    const id = probe.providerMessageId;
    try {
      const record = (await plivoCall('findMessage', () => client.messages.get(id))) as PlivoMessageRecord;
      return statusOf(probe, record, id);
    } catch (err) {
      if (err instanceof ProviderRequestError && err.cause instanceof PlivoHttpError && err.status === 404) {
        return undefined;
      }
      throw err;
    }
  }
  const earliest = probe.sentAfter.getTime() - CLOCK_SKEW_MS;
  const filters = {
    messageDirection: 'outbound',
    fromNumber: toPlivoNumber(probe.from),
    toNumber: toPlivoNumber(probe.to),
    message_time__gte: plivoFilterTime(new Date(earliest - TIME_ZONE_MARGIN_MS)),
    limit: PAGE,
  };
  const matches: Array<{ record: PlivoMessageRecord; at: number }> = [];
  for (let offset = 0; offset < 10 * PAGE; offset += PAGE) {
    const page = (await plivoCall('findMessage', () =>
      client.messages.list({ ...filters, offset }),
    )) as unknown as PlivoMessageRecord[];
    for (const record of page) {
      const at = parsePlivoTime(record.messageTime)?.getTime();
      if (at === undefined || at < earliest || !record.messageUuid) continue;
      if (sameNumber(record.toNumber, probe.to) && sameNumber(record.fromNumber, probe.from)) {
        matches.push({ record, at });
      }
    }
    if (page.length < PAGE) break;
  }
  const first = matches.sort((a, b) => a.at - b.at)[0];
  return first ? statusOf(probe, first.record, String(first.record.messageUuid)) : undefined;
}

/** Receipt states: `queued` is reported as the in-progress `sent` (receipts have no `queued`). */
function receiptStatus(state: string): SmsReceiptStatus {
  const status = plivoMessageStates[state.toLowerCase()];
  if (status === undefined) throw new WebhookPayloadError('Status', `unknown message status ${state}`);
  return status === 'queued' ? 'sent' : status;
}

/** Verifies and parses a delivery-status callback posted to `.../sms-status?message=<id>`. */
export function parsePlivoDelivery(input: WebhookInput, authToken: string): SmsDeliveryUpdate {
  const { params, deliveryId } = verifyPlivoWebhook(input, authToken);
  const messageId = urlQueryParam(input.url, 'message');
  if (!messageId) throw new WebhookPayloadError('message', 'status URL has no message parameter');
  const status = receiptStatus(requiredParam(params, 'Status'));
  const errorCode = errorCodeOf(status, param(params, 'ErrorCode'));
  const at = parsePlivoTime(param(params, 'MessageTime')) ?? input.now ?? new Date();
  return {
    provider: 'plivo',
    providerMessageId: requiredParam(params, 'MessageUUID'),
    messageId,
    status,
    ...(errorCode ? { errorCode } : {}),
    occurredAt: at.toISOString(),
    deliveryId,
  };
}

/** Verifies and parses an inbound message posted to the number's message URL. */
export function parsePlivoInbound(input: WebhookInput, authToken: string): InboundSms {
  const { params, deliveryId } = verifyPlivoWebhook(input, authToken);
  return {
    provider: 'plivo',
    providerMessageId: requiredParam(params, 'MessageUUID'),
    from: toE164(requiredParam(params, 'From')),
    to: toE164(requiredParam(params, 'To')),
    body: param(params, 'Text') ?? '',
    receivedAt: (input.now ?? new Date()).toISOString(),
    deliveryId,
  };
}
