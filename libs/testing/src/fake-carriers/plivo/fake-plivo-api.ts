import type { FakeCallScript } from '../fake-carrier';
import type { FakePlivoCall, FakePlivoCalls } from './fake-plivo-calls';
import type { FakePlivoContext } from './fake-plivo-context';
import type { FakePlivoMessages } from './fake-plivo-messages';
import { digits, e164 } from './fake-plivo-context';

/** One API answer: status, JSON body (none for 204), extra headers, or a dropped connection. */
export type ApiAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | 'drop';

/** One parsed API request below `/v1/Account/{auth_id}/`. */
export interface ApiRequest {
  method: string;
  /** Path segments after the account, e.g. `['Call', '<uuid>']`. */
  segments: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
}

/** What the API needs beyond calls and messages: the script, refusals, failure injection. */
export interface ApiPolicy {
  scriptFor(to: string): FakeCallScript;
  unverifiedCallerIds: readonly string[];
  geoBlockedPrefixes: readonly string[];
  ownedNumbers: readonly string[];
  /** Consumes one injected failure of create requests, if any is pending. */
  takeFailure(): number | undefined;
  /** Consumes a pending "lose the next call create answer". */
  takeLostAnswer(): boolean;
  recordCreate(): void;
}

const FAILURE_TEXT: Record<number, string> = {
  429: 'too many requests, please retry after some time',
  500: 'internal server error',
  503: 'service temporarily unavailable',
};

function text(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function page<T>(items: T[], query: URLSearchParams, ctx: FakePlivoContext, path: string): unknown {
  const limit = Math.min(20, Math.max(1, Number(query.get('limit') ?? 20) || 20));
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const objects = items.slice(offset, offset + limit);
  const more = offset + limit < items.length;
  return ctx.envelope({
    meta: {
      limit,
      offset,
      total_count: items.length,
      next: more ? `/v1/Account/${ctx.authId}/${path}?limit=${limit}&offset=${offset + limit}` : null,
      previous: null,
    },
    objects,
  });
}

function sinceFilter(query: URLSearchParams, key: string): number {
  const value = query.get(key);
  return value ? Date.parse(`${value.replace(' ', 'T')}Z`) : Number.NEGATIVE_INFINITY;
}

/** Plivo's REST API over the fake's calls and messages. */
export class FakePlivoApi {
  constructor(
    private readonly ctx: FakePlivoContext,
    private readonly calls: FakePlivoCalls,
    private readonly messages: FakePlivoMessages,
    private readonly policy: ApiPolicy,
  ) {}

  error(status: number, message: string): ApiAnswer {
    return { status, body: this.ctx.envelope({ error: message }) };
  }

  handle(req: ApiRequest): ApiAnswer {
    const [resource, id, sub] = req.segments;
    const key = `${req.method} ${resource ?? ''}${id === undefined ? '' : '/:id'}${sub === undefined ? '' : `/${sub}`}`;
    switch (key) {
      case 'POST Call/:id/Record':
        return this.liveCommand(
          id ?? '',
          (call) => this.calls.record(call, req.body),
          202,
          'call recording started',
        );
      case 'POST Call':
        return this.createCall(req.body);
      case 'GET Call':
        return this.listCalls(req.query);
      case 'GET Call/:id':
        return this.getCall(id ?? '', req.query);
      case 'POST Call/:id':
        return this.liveCommand(
          id ?? '',
          (call) => this.calls.transfer(call, req.body),
          202,
          'call transferred',
        );
      case 'DELETE Call/:id':
        return this.liveCommand(id ?? '', (call) => this.calls.hangup(call), 204);
      case 'POST Message':
        return this.sendMessage(req.body);
      case 'GET Message':
        return this.listMessages(req.query);
      case 'GET Message/:id': {
        const message = this.messages.messages.find((m) => m.id === id);
        return message
          ? { status: 200, body: this.ctx.envelope(this.messages.record(message)) }
          : this.error(404, 'not found');
      }
      case 'GET Number':
        return this.listNumbers(req.query);
      default:
        return this.error(404, 'not found');
    }
  }

  /** Refusals a create meets before anything is placed (Plivo's own texts, as closely as known). */
  private refusal(
    to: string | undefined,
    from: string | undefined,
    fields: [string, string],
  ): ApiAnswer | undefined {
    const [toField, fromField] = fields;
    if (!to || !from) return this.error(400, `Missing mandatory parameter '${!to ? toField : fromField}'`);
    const callee = e164(to);
    if (!/^\+\d{6,15}$/.test(callee) || this.policy.scriptFor(callee).answer === 'invalid_number') {
      return this.error(400, `Invalid destination number '${to}': '${toField}' is not a valid phone number`);
    }
    if (this.policy.geoBlockedPrefixes.some((prefix) => callee.startsWith(prefix))) {
      return this.error(
        403,
        `Geo permission for the destination country of ${to} is not enabled on this account`,
      );
    }
    if (this.policy.unverifiedCallerIds.includes(e164(from))) {
      return this.error(400, `'${fromField}' number ${from} is not a Plivo number or a verified caller ID`);
    }
    return undefined;
  }

  private injected(): ApiAnswer | undefined {
    const status = this.policy.takeFailure();
    if (status === undefined) return undefined;
    const answer = this.error(status, FAILURE_TEXT[status] ?? 'error');
    return status === 429 && answer !== 'drop' ? { ...answer, headers: { 'retry-after': '2' } } : answer;
  }

  private createCall(body: Record<string, unknown>): ApiAnswer {
    const failure = this.injected();
    if (failure) return failure;
    const to = text(body, 'to');
    const from = text(body, 'from');
    const refused = this.refusal(to, from, ['to', 'from']);
    if (refused) return refused;
    if (!text(body, 'answer_url')) return this.error(400, "Missing mandatory parameter 'answer_url'");
    const callee = e164(to ?? '');
    const call = this.calls.place(body, callee, e164(from ?? ''), this.policy.scriptFor(callee));
    this.policy.recordCreate();
    if (this.policy.takeLostAnswer()) return 'drop';
    return { status: 201, body: this.ctx.envelope({ message: 'call fired', request_uuid: call.id }) };
  }

  private listCalls(query: URLSearchParams): ApiAnswer {
    const from = query.get('from_number');
    const to = query.get('to_number');
    const matches = (c: FakePlivoCall) =>
      (!from || digits(c.from) === digits(from)) && (!to || digits(c.to) === digits(to));
    const status = query.get('status');
    if (status === 'queued') {
      const calls = this.calls.calls.filter((c) => c.state === 'queued').map((c) => c.id);
      return { status: 200, body: this.ctx.envelope({ calls }) };
    }
    if (status === 'live') {
      const live = this.calls.calls.filter(
        (c) => (c.state === 'ringing' || c.state === 'in_progress') && matches(c),
      );
      return { status: 200, body: this.ctx.envelope({ calls: live.map((c) => c.callUuid) }) };
    }
    const since = sinceFilter(query, 'end_time__gte');
    const done = this.calls.calls.filter(
      (c) => c.state === 'completed' && matches(c) && (c.endedAt?.getTime() ?? 0) >= since,
    );
    return {
      status: 200,
      body: page(
        done.map((c) => this.calls.cdr(c)),
        query,
        this.ctx,
        'Call/',
      ),
    };
  }

  private getCall(id: string, query: URLSearchParams): ApiAnswer {
    const status = query.get('status');
    if (status === 'queued') {
      const call = this.calls.calls.find((c) => c.id === id && c.state === 'queued');
      return call
        ? { status: 200, body: this.ctx.envelope(this.calls.queuedDetails(call)) }
        : this.error(404, 'not found');
    }
    const call = this.calls.byCallUuid(id);
    if (status === 'live') {
      const live = call && (call.state === 'ringing' || call.state === 'in_progress');
      return live
        ? { status: 200, body: this.ctx.envelope(this.calls.liveDetails(call)) }
        : this.error(404, 'not found');
    }
    return call?.state === 'completed'
      ? { status: 200, body: this.ctx.envelope(this.calls.cdr(call)) }
      : this.error(404, 'not found');
  }

  private liveCommand(
    id: string,
    run: (call: FakePlivoCall) => void,
    status: number,
    message?: string,
  ): ApiAnswer {
    const call = this.calls.byCallUuid(id);
    if (!call || call.state === 'completed' || call.state === 'queued') return this.error(404, 'not found');
    run(call);
    return status === 204 ? { status } : { status, body: this.ctx.envelope({ message }) };
  }

  private sendMessage(body: Record<string, unknown>): ApiAnswer {
    const failure = this.injected();
    if (failure) return failure;
    const dst = text(body, 'dst');
    const src = text(body, 'src');
    const refused = this.refusal(dst, src, ['dst', 'src']);
    if (refused) return refused;
    const message = this.messages.accept(body, e164(dst ?? ''), e164(src ?? ''), text(body, 'text') ?? '');
    return {
      status: 202,
      body: this.ctx.envelope({ message: 'message(s) queued', message_uuid: [message.id] }),
    };
  }

  private listMessages(query: URLSearchParams): ApiAnswer {
    const from = query.get('from_number');
    const to = query.get('to_number');
    const since = sinceFilter(query, 'message_time__gte');
    const found = this.messages.messages.filter(
      (m) =>
        (!from || digits(m.from) === digits(from)) &&
        (!to || digits(m.to) === digits(to)) &&
        m.createdAt.getTime() >= since - 999,
    );
    return {
      status: 200,
      body: page(
        found.map((m) => this.messages.record(m)),
        query,
        this.ctx,
        'Message/',
      ),
    };
  }

  private listNumbers(query: URLSearchParams): ApiAnswer {
    const objects = this.policy.ownedNumbers.map((n) => ({
      number: digits(n),
      alias: null,
      number_type: 'local',
      voice_enabled: true,
      sms_enabled: true,
      mms_enabled: false,
      resource_uri: `/v1/Account/${this.ctx.authId}/Number/${digits(n)}/`,
    }));
    return { status: 200, body: page(objects, query, this.ctx, 'Number/') };
  }
}
