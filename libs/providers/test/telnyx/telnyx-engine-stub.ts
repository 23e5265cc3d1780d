import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CallEvent,
  CallPlan,
  CallReaction,
  CallStatusUpdate,
  Carrier,
  CarrierAccountSettings,
  InboundSms,
  OriginateRequest,
  SmsDeliveryUpdate,
} from '../../src';
import { createTelnyxCarrier, WebhookPayloadError, WebhookSignatureError } from '../../src';
import type { FakeTelnyx } from '../../../testing/src/fake-carriers/telnyx';

/**
 * The part of the engine a carrier talks to: the webhook endpoints. Each call event is verified
 * and parsed by the adapter, and live events go to `respond` with the attempt's plan, as the
 * engine's webhook handler will do. AMD verdicts are kept per attempt and override the final
 * outcome (the engine's rule).
 */
export class EngineStub {
  readonly events: CallEvent[] = [];
  readonly reactions: Array<{ kind: string; reaction: CallReaction }> = [];
  readonly completed = new Map<string, CallStatusUpdate>();
  readonly receipts: SmsDeliveryUpdate[] = [];
  readonly inbound: InboundSms[] = [];
  readonly refused: Array<{ status: number; reason: string }> = [];
  readonly plans = new Map<string, CallPlan>();
  private readonly machine = new Set<string>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  baseUrl = '';

  constructor(readonly carrier: Carrier) {}

  static async start(fake: FakeTelnyx, extra: Partial<CarrierAccountSettings> = {}): Promise<EngineStub> {
    const carrier = createTelnyxCarrier({
      id: 'default',
      provider: 'telnyx',
      credentials: fake.credentials,
      apiBaseUrl: fake.baseUrl,
      timeoutMs: 2_000,
      ...extra,
    });
    const stub = new EngineStub(carrier);
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    stub.baseUrl = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}`;
    return stub;
  }

  callbackUrl(attemptId: string): string {
    return `${this.baseUrl}/api/webhooks/telnyx/accounts/default/call-status?attempt=${encodeURIComponent(attemptId)}`;
  }

  smsCallbackUrl(messageId: string): string {
    return `${this.baseUrl}/api/webhooks/telnyx/accounts/default/sms-status?message=${encodeURIComponent(messageId)}`;
  }

  get inboundUrl(): string {
    return `${this.baseUrl}/api/webhooks/telnyx/accounts/default/inbound-sms`;
  }

  /** An originate request for `attemptId` with the plan registered for the live events. */
  request(
    attemptId: string,
    to: string,
    from: string,
    plan: Partial<CallPlan> = {},
    amd = true,
  ): OriginateRequest {
    const full: CallPlan = { agent: 'plain', attemptId, ...plan };
    this.plans.set(attemptId, full);
    return { attemptId, to, from, callbackUrl: this.callbackUrl(attemptId), amd, plan: full };
  }

  /** The final outcome as the engine stores it: the AMD verdict wins over the human guess. */
  finalOutcome(attemptId: string): string | undefined {
    const update = this.completed.get(attemptId);
    if (!update) return undefined;
    return this.machine.has(attemptId) ? 'voicemail' : update.outcome;
  }

  eventsOf(attemptId: string): CallEvent[] {
    return this.events.filter(
      (e) => (e.kind === 'completed' ? e.update.attemptId : e.attemptId) === attemptId,
    );
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const input = {
      headers: req.headers,
      rawBody: Buffer.concat(chunks),
      url: `${this.baseUrl}${req.url ?? ''}`,
    };
    try {
      const path = new URL(input.url).pathname;
      if (path.endsWith('/call-status')) await this.callEvent(this.carrier.parseCallEvent(input));
      else if (path.endsWith('/sms-status')) this.receipts.push(this.carrier.parseDeliveryWebhook(input));
      else if (path.endsWith('/inbound-sms')) this.inbound.push(this.carrier.parseInboundWebhook(input));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } catch (err) {
      const status =
        err instanceof WebhookSignatureError ? 401 : err instanceof WebhookPayloadError ? 400 : 500;
      const reason =
        err instanceof WebhookSignatureError ? err.reason : err instanceof Error ? err.message : String(err);
      this.refused.push({ status, reason });
      res.writeHead(status).end();
    }
  }

  private async callEvent(event: CallEvent): Promise<void> {
    this.events.push(event);
    if (event.kind === 'completed') {
      this.completed.set(event.update.attemptId, event.update);
      return;
    }
    if (event.answeredBy === 'machine') this.machine.add(event.attemptId);
    const plan = this.plans.get(event.attemptId);
    if (!plan) return;
    const reaction = await this.carrier.respond(event, plan, { answerUrl: '', voicemailUrl: '' });
    this.reactions.push({ kind: event.kind, reaction });
  }
}
