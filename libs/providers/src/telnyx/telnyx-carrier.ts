import type { KeyObject } from 'node:crypto';
import type { Telnyx } from 'telnyx';
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
  CallEvent,
  CallPlan,
  CallProbe,
  OriginateRequest,
  OriginateResult,
  ProviderCallStatus,
} from '../voice-provider';
import type { WebhookInput } from '../webhook-input';
import { DEFAULT_SIGNATURE_TOLERANCE_SECONDS } from '../webhook-signature';
import { TelnyxCallController } from './telnyx-call-control';
import { parseTelnyxCallEvent } from './telnyx-call-events';
import { createTelnyxClient } from './telnyx-client';
import { telnyxCredentialsSchema } from './telnyx-credentials';
import { findTelnyxCall } from './telnyx-find-call';
import { listTelnyxNumbers } from './telnyx-numbers';
import { originateTelnyxCall } from './telnyx-originate';
import { TelnyxSms } from './telnyx-sms';
import { telnyxPublicKey } from './telnyx-webhook';

/**
 * How long after a dial or a send its call or message is sure to show in the lookups (active
 * calls, the call-event log, messaging detail records). Telnyx documents no figure; these are
 * eventually consistent logs, so the engine waits a generous half minute.
 */
export const TELNYX_FIND_SETTLE_MS = 30_000;

/**
 * One Telnyx account as the engine's carrier: Call Control for voice (commands, no answer
 * documents), the Messaging API for texts, ed25519-signed JSON webhooks.
 *
 * The per-call plan (a queued call's `call_config`): `maxDurationSeconds` is the dial's
 * `time_limit_secs`, `record` its `record: 'record-from-answer'`, `voice` the `speak` command's
 * voice or language, `flowName` and `variables` the agent stream's parameters (in the stream URL's
 * query for a stream started by the dial, and `custom_parameters` for one started after AMD).
 * **`answerUrl` is not supported**: Call Control fetches no answer document, so a call naming one
 * is refused at originate (not retryable, nothing dialed) rather than run with another plan.
 */
export class TelnyxCarrier implements Carrier {
  readonly name = 'telnyx';
  /** `command_id` makes Telnyx ignore a repeated dial, but it does not answer it with the first call. */
  readonly originateIdempotent = false;
  readonly sendIdempotent = false;
  readonly findSettleMs = TELNYX_FIND_SETTLE_MS;
  private readonly client: Telnyx;
  private readonly connectionId: string;
  private readonly key: KeyObject;
  private readonly toleranceSeconds: number;
  private readonly controller: TelnyxCallController;
  private readonly sms: TelnyxSms;

  constructor(account: CarrierAccountSettings) {
    const credentials = telnyxCredentialsSchema.parse(account.credentials);
    this.client = createTelnyxClient(account, credentials);
    this.connectionId = credentials.connectionId;
    this.key = telnyxPublicKey(credentials.publicKey);
    this.toleranceSeconds = account.webhookToleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
    this.controller = new TelnyxCallController(this.client);
    this.sms = new TelnyxSms(this.client, this.key, this.toleranceSeconds, credentials.messagingProfileId);
  }

  originate(req: OriginateRequest): Promise<OriginateResult> {
    return originateTelnyxCall(this.client, this.connectionId, req);
  }

  findCall(probe: CallProbe): Promise<ProviderCallStatus | undefined> {
    return findTelnyxCall(this.client, this.connectionId, probe);
  }

  parseCallEvent(input: WebhookInput): CallEvent {
    return parseTelnyxCallEvent(input, this.key, this.toleranceSeconds);
  }

  respond(event: Exclude<CallEvent, { kind: 'completed' }>, plan: CallPlan): Promise<CallReaction> {
    return this.controller.respond(event, plan);
  }

  /** Telnyx Call Control fetches no documents: `respond` drives the call with commands. */
  answerDocument(): CarrierDocument | undefined {
    return undefined;
  }

  /** Telnyx only needs a 2xx; the engine's JSON answer does. */
  inboundSmsAcknowledgement(): CarrierDocument | undefined {
    return undefined;
  }

  listOwnedNumbers(): Promise<string[]> {
    return listTelnyxNumbers(this.client);
  }

  sendSms(req: SendSmsRequest): Promise<SendSmsResult> {
    return this.sms.send(req);
  }

  findMessage(probe: MessageProbe): Promise<ProviderMessageStatus | undefined> {
    return this.sms.find(probe);
  }

  parseDeliveryWebhook(input: WebhookInput): SmsDeliveryUpdate {
    return this.sms.parseDelivery(input);
  }

  parseInboundWebhook(input: WebhookInput): InboundSms {
    return this.sms.parseInbound(input);
  }
}
