import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CallEvent,
  CallPlan,
  CallReaction,
  Carrier,
  InboundSms,
  OriginateRequest,
  SmsDeliveryUpdate,
} from '../../src';
import { WebhookPayloadError, WebhookSignatureError } from '../../src';

/** A customer's own answer document (a plan's `answerUrl`), served by the stub at this path. */
export const CUSTOMER_ANSWER_PATH = '/customer/answer';
export const CUSTOMER_TWIML =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Customer flow</Say><Pause length="60"/></Response>';

/**
 * The engine's side of the webhooks, as small as the tests need: it verifies and parses every
 * webhook with the adapter, serves the answer TwiML, reacts to live call events with `respond`,
 * and records what it saw. The public URL is its own address.
 */
export class EngineStub {
  readonly events: CallEvent[] = [];
  readonly reactions: CallReaction[] = [];
  readonly receipts: SmsDeliveryUpdate[] = [];
  readonly inbound: InboundSms[] = [];
  readonly refusals: string[] = [];
  private readonly plans = new Map<string, CallPlan>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  publicUrl = '';

  constructor(private readonly carrier: Carrier) {}

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.publicUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** An originate request for an attempt, with the engine's URLs; the plan is kept for `respond`. */
  originateRequest(
    attemptId: string,
    to: string,
    from: string,
    plan: Omit<CallPlan, 'attemptId'>,
  ): OriginateRequest {
    const fullPlan = { ...plan, attemptId };
    this.plans.set(attemptId, fullPlan);
    const q = `attempt=${encodeURIComponent(attemptId)}`;
    return {
      attemptId,
      to,
      from,
      callbackUrl: `${this.publicUrl}/api/webhooks/twilio/accounts/default/call-status?${q}`,
      documents: {
        answerUrl: `${this.publicUrl}/api/voice/answer?${q}&sig=doc`,
        voicemailUrl: `${this.publicUrl}/api/voice/voicemail?${q}&sig=doc`,
      },
      amd: true,
      plan: fullPlan,
    };
  }

  smsCallbackUrl(messageId: string): string {
    return `${this.publicUrl}/api/webhooks/twilio/accounts/default/sms-status?message=${encodeURIComponent(messageId)}`;
  }

  get inboundUrl(): string {
    return `${this.publicUrl}/api/webhooks/twilio/accounts/default/inbound-sms`;
  }

  /** The final update of an attempt, once delivered. */
  completed(attemptId: string) {
    for (const event of this.events) {
      if (event.kind === 'completed' && event.update.attemptId === attemptId) return event.update;
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const input = {
      headers: req.headers,
      rawBody: Buffer.concat(chunks),
      url: `${this.publicUrl}${req.url ?? ''}`,
    };
    const path = new URL(input.url).pathname;
    try {
      if (path.endsWith('/call-status')) {
        const event = this.carrier.parseCallEvent(input);
        this.events.push(event);
        if (event.kind !== 'completed') {
          const plan = this.plans.get(event.attemptId);
          if (plan)
            this.reactions.push(await this.carrier.respond(event, plan, { answerUrl: '', voicemailUrl: '' }));
        }
        return send(res, 200, 'application/json', '{"status":"ok"}');
      }
      if (path === '/api/voice/answer') {
        const attempt = new URL(input.url).searchParams.get('attempt') ?? '';
        const doc = this.carrier.answerDocument(
          this.plans.get(attempt) ?? { agent: 'plain', attemptId: attempt },
          'answer',
        );
        return send(res, 200, doc?.contentType ?? 'text/xml', doc?.body ?? '');
      }
      if (path === CUSTOMER_ANSWER_PATH) return send(res, 200, 'text/xml', CUSTOMER_TWIML);
      if (path.endsWith('/sms-status')) {
        this.receipts.push(this.carrier.parseDeliveryWebhook(input));
        return send(res, 200, 'application/json', '{"status":"ok"}');
      }
      if (path.endsWith('/inbound-sms')) {
        this.inbound.push(this.carrier.parseInboundWebhook(input));
        const ack = this.carrier.inboundSmsAcknowledgement();
        return send(res, 200, ack?.contentType ?? 'application/json', ack?.body ?? '{}');
      }
      send(res, 404, 'text/plain', 'not found');
    } catch (error) {
      if (error instanceof WebhookSignatureError || error instanceof WebhookPayloadError) {
        this.refusals.push(error instanceof WebhookSignatureError ? error.reason : `payload:${error.field}`);
        return send(res, error instanceof WebhookSignatureError ? 401 : 400, 'text/plain', error.message);
      }
      send(res, 500, 'text/plain', String(error));
    }
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}
