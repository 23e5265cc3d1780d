import RequestClient from 'twilio/lib/base/RequestClient';
import type TwilioResponse from 'twilio/lib/http/response';

/** A Twilio API answer with a status of 400 or more, with what the error mapping needs from it. */
export class TwilioHttpError extends Error {
  readonly status: number;
  /** Twilio's error code from the JSON body (`21211`, `20003`, `20429`, ...), when it gave one. */
  readonly twilioCode: number | undefined;
  /** Milliseconds from the `Retry-After` header, when the answer had one. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, body: unknown, retryAfterMs: number | undefined) {
    const parsed = errorBody(body);
    super(`HTTP ${status}${parsed.message ? `: ${parsed.message}` : ''}`);
    this.name = 'TwilioHttpError';
    this.status = status;
    this.twilioCode = parsed.code;
    this.retryAfterMs = retryAfterMs;
  }
}

function errorBody(body: unknown): { code?: number; message?: string } {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      return { message: body.slice(0, 200) };
    }
  }
  if (!value || typeof value !== 'object') return {};
  const record = value as Record<string, unknown>;
  const code = typeof record['code'] === 'number' ? record['code'] : Number(record['code']);
  return {
    ...(Number.isFinite(code) ? { code } : {}),
    ...(typeof record['message'] === 'string' ? { message: record['message'] } : {}),
  };
}

/** `Retry-After` as milliseconds: delay-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Points a URL the SDK built for a Twilio host (`api.twilio.com`, or a regional
 * `api.<edge>.<region>.twilio.com` when `TWILIO_EDGE` / `TWILIO_REGION` are set) at `apiBaseUrl`,
 * keeping the path (after the base URL's own path, for proxies under a prefix) and the query.
 */
export function rebaseTwilioUrl(uri: string, apiBaseUrl: string): string {
  const original = new URL(uri);
  if (!/(^|\.)twilio\.com$/i.test(original.hostname)) return uri;
  const base = new URL(apiBaseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${original.pathname}${original.search}`;
}

/** Options of {@link TwilioRequestClient}. */
export interface TwilioRequestClientOptions {
  /** Where every API request goes instead of Twilio's public hosts; public hosts when absent. */
  apiBaseUrl?: string;
  /** Per-request timeout in ms. */
  timeoutMs: number;
}

/**
 * The SDK's documented custom HTTP client hook (`httpClient`): sends every request to the
 * configured base URL, never retries by itself (`autoRetry: false`, so a 429 is not repeated
 * behind our back; the SDK has no other retry), and turns every answer of 400 or more into a
 * {@link TwilioHttpError} that keeps the `Retry-After` header, which the SDK's own exceptions drop.
 */
export class TwilioRequestClient extends RequestClient {
  private readonly apiBaseUrl: string | undefined;

  constructor(options: TwilioRequestClientOptions) {
    super({ timeout: options.timeoutMs, autoRetry: false });
    this.apiBaseUrl = options.apiBaseUrl;
  }

  override async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<TwilioResponse<TData>> {
    const uri = this.apiBaseUrl === undefined ? opts.uri : rebaseTwilioUrl(opts.uri, this.apiBaseUrl);
    const response = await super.request<TData>({ ...opts, uri });
    if (response.statusCode >= 400) {
      const headers = (response.headers ?? {}) as Record<string, unknown>;
      throw new TwilioHttpError(response.statusCode, response.body, parseRetryAfter(headers['retry-after']));
    }
    return response;
  }
}
