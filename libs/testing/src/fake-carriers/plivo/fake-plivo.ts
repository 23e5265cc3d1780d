import { randomUUID } from 'node:crypto';
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
import type { ApiAnswer, ApiPolicy } from './fake-plivo-api';
import { FakePlivoApi } from './fake-plivo-api';
import { FakePlivoCalls } from './fake-plivo-calls';
import { digits, FakePlivoContext } from './fake-plivo-context';
import { FakePlivoMessages } from './fake-plivo-messages';

/** Options of {@link startFakePlivo}: the shared ones plus Plivo's account-level refusals. */
export interface FakePlivoOptions extends FakeCarrierOptions {
  /** Caller IDs the account neither rents nor verified: creates from them answer 400. */
  unverifiedCallerIds?: string[];
  /** Destination prefixes (E.164, e.g. `+44`) outside the account's geo permissions: 403. */
  geoBlockedPrefixes?: string[];
  /** The account's credentials; default a made-up auth id and token. */
  authId?: string;
  authToken?: string;
}

/** Every API request the fake received (tests check where requests went and how many). */
export interface FakePlivoRequest {
  method: string;
  path: string;
  authorized: boolean;
  /** The request body as parsed (JSON or form fields); `{}` when empty. */
  body: Record<string, unknown>;
}

const API_PREFIX = /^\/v1\/Account\/([^/]+)\/(.*)$/;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if ((contentType ?? '').includes('json')) {
    try {
      const json = JSON.parse(raw) as unknown;
      return json && typeof json === 'object' ? (json as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

/** The Plivo fake: see {@link startFakePlivo}. */
export class FakePlivo implements FakeCarrier {
  readonly provider = 'plivo' as const;
  readonly credentials: Record<string, string>;
  readonly createTimes: number[] = [];
  /** Every API request, in order. */
  readonly requests: FakePlivoRequest[] = [];
  private readonly ctx: FakePlivoContext;
  private readonly voice: FakePlivoCalls;
  private readonly sms: FakePlivoMessages;
  private readonly api: FakePlivoApi;
  private scriptFn: (to: string) => FakeCallScript;
  private failures: number[] = [];
  private loseAnswers = 0;
  private server: Server | undefined;
  private address = '';

  constructor(options: FakePlivoOptions = {}) {
    const authId = options.authId ?? 'MAFAKEPLIVO000000001';
    const authToken = options.authToken ?? 'fake-plivo-auth-token-0001';
    this.credentials = { authId, authToken };
    this.ctx = new FakePlivoContext(authId, authToken, options.msPerCallSecond ?? 5);
    this.voice = new FakePlivoCalls(this.ctx);
    this.sms = new FakePlivoMessages(this.ctx);
    this.scriptFn = options.script ?? (() => ({ answer: 'human', durationSeconds: 30 }));
    const policy: ApiPolicy = {
      scriptFor: (to) => this.scriptFn(to),
      unverifiedCallerIds: options.unverifiedCallerIds ?? [],
      geoBlockedPrefixes: options.geoBlockedPrefixes ?? [],
      ownedNumbers: options.ownedNumbers ?? [],
      takeFailure: () => this.failures.shift(),
      takeLostAnswer: () => {
        if (this.loseAnswers === 0) return false;
        this.loseAnswers -= 1;
        return true;
      },
      recordCreate: () => this.createTimes.push(Date.now()),
    };
    this.api = new FakePlivoApi(this.ctx, this.voice, this.sms, policy);
  }

  get baseUrl(): string {
    return this.address;
  }
  get calls(): readonly FakeCarrierCall[] {
    return this.voice.calls;
  }
  get messages(): readonly FakeCarrierMessage[] {
    return this.sms.messages;
  }
  get deliveries(): readonly FakeWebhookDelivery[] {
    return this.ctx.deliveries;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  private authorized(req: IncomingMessage, accountId: string): boolean {
    const expected = `Basic ${Buffer.from(`${this.credentials['authId']}:${this.credentials['authToken']}`).toString('base64')}`;
    return req.headers.authorization === expected && accountId === this.credentials['authId'];
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.address);
    const raw = await readBody(req);
    const match = API_PREFIX.exec(url.pathname);
    const authorized = match !== null && this.authorized(req, match[1] ?? '');
    const body = parseBody(raw, req.headers['content-type']);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, authorized, body });
    let answer: ApiAnswer;
    if (!match) answer = this.api.error(404, 'not found');
    else if (!authorized) answer = this.api.error(401, 'Authentication credentials invalid');
    else {
      const segments = (match[2] ?? '').split('/').filter((s) => s !== '');
      answer = this.api.handle({ method: req.method ?? 'GET', segments, query: url.searchParams, body });
    }
    if (answer === 'drop') {
      // The call is placed; the answer is lost on the way (the adapter sees a dropped connection).
      req.socket.destroy();
      return;
    }
    const headers = {
      ...(answer.headers ?? {}),
      ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    res.writeHead(answer.status, headers);
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  script(fn: (to: string) => FakeCallScript): void {
    this.scriptFn = fn;
  }

  failNext(count: number, status: number): void {
    for (let i = 0; i < count; i += 1) this.failures.push(status);
  }

  loseNextAnswer(): void {
    this.loseAnswers += 1;
  }

  async sendInboundSms(url: string, sms: { from: string; to: string; body: string }): Promise<number> {
    const answer = await this.ctx.deliver(url, {
      From: digits(sms.from),
      To: digits(sms.to),
      Text: sms.body,
      Type: 'sms',
      MessageUUID: randomUUID(),
      Units: '1',
      TotalRate: '0.00000',
      TotalAmount: '0.00000',
    });
    return answer.status;
  }

  async resend(delivery: FakeWebhookDelivery, alter?: (body: string) => string): Promise<number> {
    const body = alter ? alter(delivery.body) : delivery.body;
    return (await this.ctx.send(delivery.url, delivery.headers, body)).status;
  }

  async settled(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.voice.calls.some((c) => !c.finalDelivered) || this.ctx.busy) {
      if (Date.now() > deadline) throw new Error(`fake plivo: calls not settled within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    this.ctx.close();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * Starts an in-process Plivo on `127.0.0.1` (a free port): the REST API the adapter uses (calls,
 * live and queued calls, CDRs, transfer and hangup, messages, numbers) with Basic auth, and
 * each call driven through its life on timers with V3-signed callbacks (ring, answer document,
 * machine detection, hangup) to the URLs of the create request.
 */
export async function startFakePlivo(options: FakePlivoOptions = {}): Promise<FakePlivo> {
  return new FakePlivo(options).start();
}
