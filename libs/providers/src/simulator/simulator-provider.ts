import type { CallReaction, CarrierDocument } from '../call-control';
import type { Carrier } from '../carrier';
import type {
  InboundSms,
  MessageProbe,
  ProviderMessageStatus,
  SendSmsRequest,
  SendSmsResult,
  SmsDeliveryUpdate,
  SmsProvider,
} from '../sms-provider';
import type {
  CallEvent,
  CallProbe,
  CallStatusUpdate,
  OriginateRequest,
  OriginateResult,
  ProviderCallStatus,
  VoiceProvider,
} from '../voice-provider';
import type { WebhookInput } from '../webhook-input';
import { ProviderRequestError } from '../errors/provider-request-error';
import { headerValue } from '../webhook-input';
import { DEFAULT_SIGNATURE_TOLERANCE_SECONDS, SIGNATURE_HEADER, verifyWebhook } from '../webhook-signature';
import { parseWebhookBody } from './parse-webhook-body';
import { DEFAULT_SIM_TIMEOUT_MS, SimHttpClient } from './sim-http-client';
import {
  simCallStatusSchema,
  simCallPlanFields,
  simCallStatusWebhookSchema,
  simInboundSmsWebhookSchema,
  simMessageStatusSchema,
  simOriginateAnswerSchema,
  SimNotFoundCodes,
  SimPaths,
  simSendSmsAnswerSchema,
  simSmsReceiptWebhookSchema,
} from './sim-wire';

/** Constructor options of {@link SimulatorProvider}. */
export interface SimulatorProviderOptions {
  /** The simulator's base URL, e.g. `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** Secret the simulator signs webhooks with; an array accepts several while rotating. */
  webhookSecret: string | readonly string[];
  /** Per-request timeout; default 5000 ms. A timeout is a retryable (status unknown) failure. */
  timeoutMs?: number;
  /** Signature timestamp tolerance; default 300 s. */
  webhookToleranceSeconds?: number;
}

function notFoundCode(body: unknown): unknown {
  return body && typeof body === 'object' && 'error' in body ? body.error : undefined;
}

/**
 * The simulated carrier (`apps/carrier-sim`) as a voice and SMS provider, over HTTP. It is the
 * default provider for the demo, the tests and the benchmarks, and the model for real adapters.
 */
export class SimulatorProvider implements Carrier, VoiceProvider, SmsProvider {
  readonly name = 'sim';
  /** The simulator dedupes on the attempt and message ids. */
  readonly originateIdempotent = true;
  readonly sendIdempotent = true;
  readonly findSettleMs = 0;
  private readonly http: SimHttpClient;
  private readonly secrets: readonly string[];
  private readonly toleranceSeconds: number;

  constructor(options: SimulatorProviderOptions) {
    const secrets =
      typeof options.webhookSecret === 'string' ? [options.webhookSecret] : options.webhookSecret;
    if (secrets.length === 0 || secrets.some((s) => s.length === 0)) {
      throw new TypeError('SimulatorProvider: webhookSecret must be a non-empty string');
    }
    // Validates the URL now rather than on the first call.
    const baseUrl = new URL(options.baseUrl).toString();
    this.http = new SimHttpClient(this.name, baseUrl, options.timeoutMs ?? DEFAULT_SIM_TIMEOUT_MS);
    this.secrets = [...secrets];
    this.toleranceSeconds = options.webhookToleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  }

  async originate(req: OriginateRequest): Promise<OriginateResult> {
    const wire = {
      attemptId: req.attemptId,
      to: req.to,
      from: req.from,
      callbackUrl: req.callbackUrl,
      agent: req.plan.agent,
      amd: req.amd,
      ...(req.plan.voicemailDropUrl ? { voicemailDropUrl: req.plan.voicemailDropUrl } : {}),
      ...(req.campaignId ? { campaignId: req.campaignId } : {}),
      ...simCallPlanFields(req.plan),
    };
    const answer = await this.http.request('originate', 'POST', SimPaths.calls, [200, 201], wire);
    const { providerCallId, acceptedAt } = this.http.parseAnswer(
      'originate',
      simOriginateAnswerSchema,
      answer,
    );
    return { providerCallId, acceptedAt };
  }

  /** The simulator keeps the attempt id: the probe's numbers and time are not needed. */
  findCall(probe: CallProbe): Promise<ProviderCallStatus | undefined> {
    return this.lookupCall(probe.attemptId);
  }

  /** The call of an attempt id (the simulator's own lookup). */
  async lookupCall(attemptId: string): Promise<ProviderCallStatus | undefined> {
    const answer = await this.http.request('findCall', 'GET', SimPaths.callByAttempt(attemptId), [200, 404]);
    if (answer.status === 404) return this.notFound('findCall', answer.body, SimNotFoundCodes.call);
    return this.http.parseAnswer('findCall', simCallStatusSchema, answer);
  }

  /** The simulator reports only the final status (its AMD and voicemail drop happen inside it). */
  parseCallEvent(input: WebhookInput): CallEvent {
    return { kind: 'completed', update: this.parseCallStatusWebhook(input) };
  }

  /** Verifies and parses the simulator's (only) call webhook, the final status. */
  parseCallStatusWebhook(input: WebhookInput): CallStatusUpdate {
    this.verify(input);
    const body = parseWebhookBody(simCallStatusWebhookSchema, input.rawBody);
    return { provider: this.name, ...body };
  }

  /** Nothing to do on a live simulated call: the simulator plays its part by itself. */
  respond(): Promise<CallReaction> {
    return Promise.resolve({});
  }

  answerDocument(): CarrierDocument | undefined {
    return undefined;
  }

  inboundSmsAcknowledgement(): CarrierDocument | undefined {
    return undefined;
  }

  /** The simulator accepts any caller ID: there is nothing to import. */
  listOwnedNumbers(): Promise<string[]> {
    return Promise.resolve([]);
  }

  async sendSms(req: SendSmsRequest): Promise<SendSmsResult> {
    const answer = await this.http.request('sendSms', 'POST', SimPaths.messages, [200, 201], req);
    const { providerMessageId, acceptedAt } = this.http.parseAnswer(
      'sendSms',
      simSendSmsAnswerSchema,
      answer,
    );
    return { providerMessageId, acceptedAt };
  }

  findMessage(probe: MessageProbe): Promise<ProviderMessageStatus | undefined> {
    return this.lookupMessage(probe.messageId);
  }

  /** The message of a message id (the simulator's own lookup). */
  async lookupMessage(messageId: string): Promise<ProviderMessageStatus | undefined> {
    const answer = await this.http.request('findMessage', 'GET', SimPaths.messageById(messageId), [200, 404]);
    if (answer.status === 404) return this.notFound('findMessage', answer.body, SimNotFoundCodes.message);
    return this.http.parseAnswer('findMessage', simMessageStatusSchema, answer);
  }

  parseDeliveryWebhook(input: WebhookInput): SmsDeliveryUpdate {
    this.verify(input);
    return { provider: this.name, ...parseWebhookBody(simSmsReceiptWebhookSchema, input.rawBody) };
  }

  parseInboundWebhook(input: WebhookInput): InboundSms {
    this.verify(input);
    return { provider: this.name, ...parseWebhookBody(simInboundSmsWebhookSchema, input.rawBody) };
  }

  private verify(input: WebhookInput): void {
    verifyWebhook(
      this.secrets,
      headerValue(input.headers, SIGNATURE_HEADER),
      input.rawBody,
      input.now ?? new Date(),
      this.toleranceSeconds,
    );
  }

  /**
   * Only the simulator's own "not found" means the thing does not exist; any other 404 (a wrong
   * base URL, a proxy) is a configuration error that must not be read as "never originated".
   */
  private notFound(operation: 'findCall' | 'findMessage', body: unknown, code: string): undefined {
    if (notFoundCode(body) === code) return undefined;
    throw new ProviderRequestError(
      `${this.name} ${operation}: 404 without ${code} (is the base URL right?)`,
      {
        provider: this.name,
        operation,
        retryable: false,
        status: 404,
      },
    );
  }
}
