import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CallDocumentUrls,
  CallEvent,
  CallPlan,
  CallReaction,
  CallStatusUpdate,
  Carrier,
  InboundSms,
  SmsDeliveryUpdate,
} from '../../src';
import { WebhookPayloadError, WebhookSignatureError } from '../../src';

const CUSTOMER_ANSWER_PATH = '/customer/answer';
export const CUSTOMER_PLIVO_XML = '<Response><Speak>Customer flow</Speak><Wait length="60"/></Response>';

/**
 * The engine's side of the webhooks, as much as the adapter tests need: it serves the answer and
 * voicemail documents, verifies and parses every callback with the adapter, refuses a delivery
 * id seen before (as the engine does), calls `respond` on live-call events and keeps the AMD
 * verdict to override the final outcome of a machine-answered call.
 */
export class EngineStandIn {
  readonly events: CallEvent[] = [];
  readonly reactions: Array<{ attemptId: string; reaction: CallReaction }> = [];
  readonly receipts: SmsDeliveryUpdate[] = [];
  readonly inbound: InboundSms[] = [];
  /** Status codes of refused callbacks, with the reason. */
  readonly refusals: Array<{ status: number; reason: string }> = [];
  private readonly plans = new Map<string, CallPlan>();
  private readonly verdicts = new Map<string, 'human' | 'machine' | 'unknown'>();
  private readonly seen = new Set<string>();
  private server: Server | undefined;
  base = '';

  constructor(private readonly carrier: Carrier) {}

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Registers an attempt's plan; returns its callback URL and documents. */
  attempt(plan: CallPlan): { callbackUrl: string; documents: CallDocumentUrls } {
    this.plans.set(plan.attemptId, plan);
    return {
      callbackUrl: `${this.base}/api/webhooks/plivo/accounts/acc-1/call-status?attempt=${plan.attemptId}`,
      documents: this.documents(plan.attemptId),
    };
  }

  documents(attemptId: string): CallDocumentUrls {
    return {
      answerUrl: `${this.base}/api/voice/answer?attempt=${attemptId}&sig=opaque`,
      voicemailUrl: `${this.base}/api/voice/voicemail?attempt=${attemptId}&sig=opaque`,
    };
  }

  /** A customer's own answer document (a plan's `answerUrl`), served by the stand-in. */
  get customerAnswerUrl(): string {
    return `${this.base}${CUSTOMER_ANSWER_PATH}`;
  }

  smsCallbackUrl(messageId: string): string {
    return `${this.base}/api/webhooks/plivo/accounts/acc-1/sms-status?message=${messageId}`;
  }

  get inboundUrl(): string {
    return `${this.base}/api/webhooks/plivo/accounts/acc-1/inbound-sms`;
  }

  /** The attempt's final update as the engine records it (AMD verdict applied). */
  final(attemptId: string): CallStatusUpdate | undefined {
    const event = this.events.find((e) => e.kind === 'completed' && e.update.attemptId === attemptId);
    if (!event || event.kind !== 'completed') return undefined;
    const machine = this.verdicts.get(attemptId) === 'machine' && event.update.durationSeconds > 0;
    return machine ? { ...event.update, outcome: 'voicemail' } : event.update;
  }

  eventsOf(attemptId: string): CallEvent[] {
    return this.events.filter(
      (e) => (e.kind === 'completed' ? e.update.attemptId : e.attemptId) === attemptId,
    );
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const input = {
      headers: req.headers,
      rawBody: Buffer.concat(chunks),
      url: `${this.base}${req.url ?? '/'}`,
      method: req.method ?? 'POST',
    };
    const url = new URL(input.url);
    try {
      if (url.pathname === CUSTOMER_ANSWER_PATH) {
        res.writeHead(200, { 'content-type': 'application/xml' }).end(CUSTOMER_PLIVO_XML);
        return;
      }
      if (url.pathname.startsWith('/api/voice/')) {
        const plan = this.plans.get(url.searchParams.get('attempt') ?? '');
        const purpose = url.pathname.endsWith('/voicemail') ? 'voicemail' : 'answer';
        const doc = plan ? this.carrier.answerDocument(plan, purpose) : undefined;
        res.writeHead(doc ? 200 : 404, { 'content-type': doc?.contentType ?? 'text/plain' });
        res.end(doc?.body ?? 'no such attempt');
        return;
      }
      if (url.pathname.endsWith('/call-status')) await this.callStatus(input);
      else if (url.pathname.endsWith('/sms-status'))
        this.accept(this.carrier.parseDeliveryWebhook(input), this.receipts);
      else if (url.pathname.endsWith('/inbound-sms')) {
        this.accept(this.carrier.parseInboundWebhook(input), this.inbound);
        const ack = this.carrier.inboundSmsAcknowledgement();
        res.writeHead(200, { 'content-type': ack?.contentType ?? 'application/json' });
        res.end(ack?.body ?? '{}');
        return;
      }
      res.writeHead(200).end('{}');
    } catch (err) {
      const status =
        err instanceof WebhookSignatureError ? 401 : err instanceof WebhookPayloadError ? 400 : 500;
      const reason = err instanceof WebhookSignatureError ? err.reason : String(err);
      this.refusals.push({ status, reason });
      res.writeHead(status).end(reason);
    }
  }

  private accept<T extends { deliveryId?: string }>(item: T, into: T[]): void {
    this.refuseReplay(item.deliveryId);
    into.push(item);
  }

  private refuseReplay(deliveryId: string | undefined): void {
    if (deliveryId === undefined) return;
    if (this.seen.has(deliveryId))
      throw new WebhookSignatureError('expired', `delivery ${deliveryId} seen before`);
    this.seen.add(deliveryId);
  }

  private async callStatus(input: {
    headers: IncomingMessage['headers'];
    rawBody: Buffer;
    url: string;
    method: string;
  }): Promise<void> {
    const event = this.carrier.parseCallEvent(input);
    this.refuseReplay(event.kind === 'completed' ? event.update.deliveryId : event.deliveryId);
    this.events.push(event);
    if (event.kind === 'completed') return;
    if (event.answeredBy) this.verdicts.set(event.attemptId, event.answeredBy);
    const plan = this.plans.get(event.attemptId);
    if (!plan) return;
    const reaction = await this.carrier.respond(event, plan, this.documents(event.attemptId));
    this.reactions.push({ attemptId: event.attemptId, reaction });
  }
}
