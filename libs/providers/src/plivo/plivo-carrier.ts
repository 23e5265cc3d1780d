import type { CallReaction, CarrierDocument } from '../call-control';
import type { Carrier, CarrierAccountSettings } from '../carrier';
import type {
  InboundSms,
  MessageProbe,
  ProviderMessageStatus,
  SendSmsRequest,
  SendSmsResult,
  SmsDeliveryUpdate,
} from '../sms-provider';
import type {
  CallDocumentUrls,
  CallEvent,
  CallPlan,
  CallProbe,
  OriginateRequest,
  OriginateResult,
  ProviderCallStatus,
} from '../voice-provider';
import type { WebhookInput } from '../webhook-input';
import type { PlivoClient } from './plivo-client';
import type { PlivoCredentials } from './plivo-credentials';
import type { PlivoRequestFunction } from './plivo-transport';
import { parsePlivoCallEvent } from './plivo-call-events';
import { PlivoCallControl } from './plivo-call-control';
import { createPlivoClient } from './plivo-client';
import { plivoCredentialsSchema } from './plivo-credentials';
import { plivoAnswerDocument, plivoEmptyResponse } from './plivo-documents';
import { findPlivoCall } from './plivo-find-call';
import { listPlivoNumbers } from './plivo-numbers';
import { originatePlivoCall } from './plivo-originate';
import { findPlivoMessage, parsePlivoDelivery, parsePlivoInbound, sendPlivoSms } from './plivo-sms';
import { DEFAULT_PLIVO_TIMEOUT_MS, PLIVO_PUBLIC_API_URL } from './plivo-transport';

/**
 * How long after a create its call or message surely shows in `findCall` / `findMessage`.
 * Queued and live calls show at once; a call that already ended shows only once its CDR is
 * written, which Plivo does shortly after the hangup, hence a margin of a quarter minute.
 */
export const PLIVO_FIND_SETTLE_MS = 15_000;

/**
 * Plivo as the engine's carrier: calls with asynchronous AMD and Plivo XML documents, texts with
 * delivery callbacks, V3-signed webhooks, the account's numbers. Built on the official SDK's
 * resources and XML builder over a single-shot transport (`plivo-transport`).
 *
 * `providerCallId` is Plivo's request UUID; see `originatePlivoCall`.
 */
export class PlivoCarrier implements Carrier {
  readonly name = 'plivo' as const;
  readonly originateIdempotent = false;
  readonly sendIdempotent = false;
  readonly findSettleMs = PLIVO_FIND_SETTLE_MS;
  private readonly control: PlivoCallControl;

  constructor(
    private readonly client: PlivoClient,
    private readonly credentials: PlivoCredentials,
  ) {
    this.control = new PlivoCallControl(client);
  }

  originate(req: OriginateRequest): Promise<OriginateResult> {
    return originatePlivoCall(this.client, req);
  }

  findCall(probe: CallProbe): Promise<ProviderCallStatus | undefined> {
    return findPlivoCall(this.client, probe);
  }

  parseCallEvent(input: WebhookInput): CallEvent {
    return parsePlivoCallEvent(input, this.credentials.authToken);
  }

  respond(
    event: Exclude<CallEvent, { kind: 'completed' }>,
    plan: CallPlan,
    urls: CallDocumentUrls,
  ): Promise<CallReaction> {
    return this.control.respond(event, plan, urls);
  }

  answerDocument(plan: CallPlan, purpose: 'answer' | 'voicemail'): CarrierDocument | undefined {
    return plivoAnswerDocument(plan, purpose);
  }

  inboundSmsAcknowledgement(): CarrierDocument | undefined {
    return plivoEmptyResponse();
  }

  listOwnedNumbers(): Promise<string[]> {
    return listPlivoNumbers(this.client);
  }

  sendSms(req: SendSmsRequest): Promise<SendSmsResult> {
    return sendPlivoSms(this.client, req);
  }

  findMessage(probe: MessageProbe): Promise<ProviderMessageStatus | undefined> {
    return findPlivoMessage(this.client, probe);
  }

  parseDeliveryWebhook(input: WebhookInput): SmsDeliveryUpdate {
    return parsePlivoDelivery(input, this.credentials.authToken);
  }

  parseInboundWebhook(input: WebhookInput): InboundSms {
    return parsePlivoInbound(input, this.credentials.authToken);
  }
}

/** Builds the Plivo adapter of one account; `transport` replaces HTTP (tests only). */
export function createPlivoCarrier(
  account: CarrierAccountSettings,
  transport?: PlivoRequestFunction,
): Carrier {
  const credentials = plivoCredentialsSchema.parse(account.credentials);
  const apiBaseUrl = new URL(account.apiBaseUrl ?? PLIVO_PUBLIC_API_URL).toString();
  const client = createPlivoClient({
    credentials,
    apiBaseUrl,
    timeoutMs: account.timeoutMs ?? DEFAULT_PLIVO_TIMEOUT_MS,
    ...(transport ? { transport } : {}),
  });
  return new PlivoCarrier(client, credentials);
}
