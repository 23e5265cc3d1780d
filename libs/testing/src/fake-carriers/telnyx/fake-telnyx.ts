import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  FakeCallScript,
  FakeCarrier,
  FakeCarrierCall,
  FakeCarrierMessage,
  FakeCarrierOptions,
  FakeWebhookDelivery,
} from '../fake-carrier';
import type { FakeAnswer } from './fake-telnyx-calls';
import type { FakeTelnyxRequest, Route } from './fake-telnyx-http';
import { FakeTelnyxCalls } from './fake-telnyx-calls';
import { invalidJson, matchRoute, notFound, readJson, writeAnswer } from './fake-telnyx-http';
import { FakeTelnyxMessages } from './fake-telnyx-messages';
import { TelnyxWebhookSender } from './fake-telnyx-webhooks';
import { page, TelnyxErrors, uuid } from './fake-telnyx-wire';

/** Options of the Telnyx fake beyond the shared ones. */
export interface FakeTelnyxOptions extends FakeCarrierOptions {
  /** Destinations the outbound voice profile does not allow (answered `403 D13`); default Cuba, North Korea. */
  geoBlockedPrefixes?: string[];
}

/** The Telnyx fake: the shared `FakeCarrier` plus every API request it received. */
export interface FakeTelnyx extends FakeCarrier {
  readonly provider: 'telnyx';
  readonly requests: readonly FakeTelnyxRequest[];
}

const isCreate = (method: string, path: string) =>
  method === 'POST' && (path === '/v2/calls' || path === '/v2/messages');

class FakeTelnyxServer implements FakeTelnyx {
  readonly provider = 'telnyx';
  readonly requests: FakeTelnyxRequest[] = [];
  readonly credentials: Record<string, string>;
  baseUrl = '';
  private scriptFn: (to: string) => FakeCallScript;
  private failures: number[] = [];
  private loseAnswer = false;
  private readonly sender = new TelnyxWebhookSender();
  private readonly callBook: FakeTelnyxCalls;
  private readonly messageBook: FakeTelnyxMessages;
  private readonly ownedNumbers: string[];
  private readonly routes: Route[];
  private readonly server: Server;

  constructor(options: FakeTelnyxOptions) {
    const ms = options.msPerCallSecond ?? 5;
    this.scriptFn = options.script ?? (() => ({ answer: 'human', durationSeconds: 30 }));
    this.ownedNumbers = options.ownedNumbers ?? [];
    this.credentials = {
      apiKey: `KEY0${uuid().replace(/-/g, '').toUpperCase()}_fake`,
      publicKey: this.sender.publicKey,
      connectionId: String(1_000_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 1e15))),
      messagingProfileId: uuid(),
    };
    this.callBook = new FakeTelnyxCalls(this.sender, ms, {
      connectionId: this.credentials['connectionId'] ?? '',
      ownedNumbers: this.ownedNumbers,
      geoBlockedPrefixes: options.geoBlockedPrefixes ?? ['+53', '+850'],
    });
    this.messageBook = new FakeTelnyxMessages(this.sender, ms);
    this.routes = this.buildRoutes();
    this.server = createServer((req, res) => void this.serve(req, res));
  }

  get calls(): readonly FakeCarrierCall[] {
    return this.callBook.records;
  }
  get messages(): readonly FakeCarrierMessage[] {
    return this.messageBook.records;
  }
  get deliveries(): readonly FakeWebhookDelivery[] {
    return this.sender.deliveries;
  }
  get createTimes(): readonly number[] {
    return this.callBook.createTimes;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}/v2`;
  }

  script(fn: (to: string) => FakeCallScript): void {
    this.scriptFn = fn;
  }
  failNext(count: number, status: number): void {
    for (let i = 0; i < count; i++) this.failures.push(status);
  }
  loseNextAnswer(): void {
    this.loseAnswer = true;
  }
  sendInboundSms(url: string, sms: { from: string; to: string; body: string }): Promise<number> {
    return this.messageBook.inbound(url, sms);
  }
  resend(delivery: FakeWebhookDelivery, alter?: (body: string) => string): Promise<number> {
    return this.sender.resend(delivery, alter);
  }

  async settled(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.callBook.settled || this.sender.busy) {
      if (Date.now() > deadline) throw new Error(`fake telnyx: calls not settled after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    this.callBook.stop();
    this.messageBook.stop();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const body = await readJson(req);
    const request: FakeTelnyxRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: body ?? {},
      authorization: req.headers.authorization,
      at: Date.now(),
    };
    this.requests.push(request);
    if (req.headers.authorization !== `Bearer ${this.credentials['apiKey']}`) {
      writeAnswer(res, TelnyxErrors.authentication());
      return;
    }
    const failure = isCreate(method, url.pathname) ? this.failures.shift() : undefined;
    if (failure !== undefined) return writeAnswer(res, TelnyxErrors.transient(failure));
    if (body === undefined) return writeAnswer(res, invalidJson());
    const matched = matchRoute(this.routes, method, url.pathname);
    const answer = matched ? matched.route.handle(matched.params, request) : notFound();
    // The call exists, but its answer never reaches the client (a lost originate answer).
    if (answer === 'lose') return void res.socket?.destroy();
    writeAnswer(res, answer);
  }

  private dial(request: FakeTelnyxRequest): FakeAnswer | 'lose' {
    const script = this.scriptFn(String(request.body['to']));
    const refusal = this.callBook.refusal(request.body, script);
    if (refusal) return refusal;
    const answer = this.callBook.dial(request.body, script);
    if (!this.loseAnswer) return answer;
    this.loseAnswer = false;
    return 'lose';
  }

  private buildRoutes(): Route[] {
    const list = (items: readonly unknown[], q: URLSearchParams): FakeAnswer => ({
      status: 200,
      body: page(items, q),
    });
    return [
      { method: 'POST', pattern: '/v2/calls', handle: (_, r) => this.dial(r) },
      { method: 'GET', pattern: '/v2/calls/:id', handle: (p) => this.callBook.status(p['id'] ?? '') },
      {
        method: 'POST',
        pattern: '/v2/calls/:id/actions/:action',
        handle: (p, r) => this.callBook.command(p['id'] ?? '', p['action'] ?? '', r.body),
      },
      {
        method: 'PUT',
        pattern: '/v2/calls/:id/actions/:action',
        handle: (p, r) => this.callBook.command(p['id'] ?? '', p['action'] ?? '', r.body),
      },
      {
        method: 'GET',
        pattern: '/v2/connections/:id/active_calls',
        handle: (p, r) => list(this.callBook.activeCalls(p['id'] ?? ''), r.query),
      },
      {
        method: 'GET',
        pattern: '/v2/call_events',
        handle: (_, r) => list(this.callBook.callEvents(r.query), r.query),
      },
      { method: 'POST', pattern: '/v2/messages', handle: (_, r) => this.messageBook.send(r.body) },
      { method: 'GET', pattern: '/v2/messages/:id', handle: (p) => this.messageBook.retrieve(p['id'] ?? '') },
      {
        method: 'GET',
        pattern: '/v2/detail_records',
        handle: (_, r) => list(this.messageBook.detailRecords(r.query), r.query),
      },
      { method: 'GET', pattern: '/v2/phone_numbers', handle: (_, r) => list(this.phoneNumbers(), r.query) },
    ];
  }

  private phoneNumbers(): unknown[] {
    return this.ownedNumbers.map((number) => ({
      record_type: 'phone_number',
      id: String(BigInt(Math.floor(Math.random() * 1e15)) + 1_000_000_000_000_000_000n),
      phone_number: number,
      status: 'active',
      connection_id: this.credentials['connectionId'],
      messaging_profile_id: this.credentials['messagingProfileId'],
      phone_number_type: 'local',
      country_iso_alpha2: 'US',
      tags: [],
    }));
  }
}

/**
 * Starts an in-process Telnyx (node:http on 127.0.0.1, a free port): Call Control dials driven by
 * the script on timers, call-control commands, the Messaging API, ed25519-signed webhooks, the
 * lookups the adapter uses. Configure the adapter with `baseUrl` and `credentials`.
 */
export async function startFakeTelnyx(options: FakeTelnyxOptions = {}): Promise<FakeTelnyx> {
  const fake = new FakeTelnyxServer(options);
  await fake.listen();
  return fake;
}
