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
import { DEFAULT_SIGNATURE_TOLERANCE_SECONDS } from '../webhook-signature';
import { callEventFromWebhook } from './twilio-call-events';
import { respondToCallEvent } from './twilio-call-control';
import type { TwilioClient } from './twilio-client';
import { createTwilioClient } from './twilio-client';
import { twilioCredentialsSchema } from './twilio-credentials';
import { findTwilioCall } from './twilio-find-call';
import { listTwilioNumbers } from './twilio-numbers';
import { originateCall } from './twilio-originate';
import { deliveryFromWebhook, findTwilioMessage, inboundFromWebhook, sendTwilioSms } from './twilio-sms';
import { emptyMessagingTwiml, planTwiml } from './twilio-twiml';
import type { VerifiedTwilioWebhook } from './twilio-webhook';
import { verifyTwilioWebhook } from './twilio-webhook';

/**
 * How long after a create request its call or message surely shows in Twilio's list reads. Twilio
 * documents no bound; list reads lag creates by a second or two, so ten seconds is a safe margin.
 */
export const TWILIO_FIND_SETTLE_MS = 10_000;

/** One Twilio account as the engine's carrier: calls, texts, live call control, numbers. */
export class TwilioCarrier implements Carrier {
  readonly name = 'twilio';
  /** Twilio has no idempotency key for call create. */
  readonly originateIdempotent = false;
  /** Nor for message create. */
  readonly sendIdempotent = false;
  readonly findSettleMs = TWILIO_FIND_SETTLE_MS;
  private readonly client: TwilioClient;
  private readonly authTokens: readonly string[];
  private readonly toleranceSeconds: number;

  constructor(account: CarrierAccountSettings) {
    const credentials = twilioCredentialsSchema.parse(account.credentials);
    this.client = createTwilioClient(credentials, account);
    this.authTokens = [credentials.authToken];
    this.toleranceSeconds = account.webhookToleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  }

  originate(req: OriginateRequest): Promise<OriginateResult> {
    return originateCall(this.client, req);
  }

  findCall(probe: CallProbe): Promise<ProviderCallStatus | undefined> {
    return findTwilioCall(this.client, probe);
  }

  parseCallEvent(input: WebhookInput): CallEvent {
    return callEventFromWebhook(this.verify(input), input);
  }

  respond(
    event: Exclude<CallEvent, { kind: 'completed' }>,
    plan: CallPlan,
    _urls: CallDocumentUrls,
  ): Promise<CallReaction> {
    return respondToCallEvent(this.client, event, plan);
  }

  answerDocument(plan: CallPlan, purpose: 'answer' | 'voicemail'): CarrierDocument {
    return planTwiml(plan, purpose);
  }

  inboundSmsAcknowledgement(): CarrierDocument {
    return emptyMessagingTwiml();
  }

  listOwnedNumbers(): Promise<string[]> {
    return listTwilioNumbers(this.client);
  }

  sendSms(req: SendSmsRequest): Promise<SendSmsResult> {
    return sendTwilioSms(this.client, req);
  }

  findMessage(probe: MessageProbe): Promise<ProviderMessageStatus | undefined> {
    return findTwilioMessage(this.client, probe);
  }

  parseDeliveryWebhook(input: WebhookInput): SmsDeliveryUpdate {
    return deliveryFromWebhook(this.verify(input), input);
  }

  parseInboundWebhook(input: WebhookInput): InboundSms {
    return inboundFromWebhook(this.verify(input), input);
  }

  private verify(input: WebhookInput): VerifiedTwilioWebhook {
    return verifyTwilioWebhook(this.authTokens, input, this.toleranceSeconds);
  }
}

/** Builds the Twilio adapter of one account (credentials validated by `twilioCredentialsSchema`). */
export function createTwilioCarrier(account: CarrierAccountSettings): Carrier {
  return new TwilioCarrier(account);
}
