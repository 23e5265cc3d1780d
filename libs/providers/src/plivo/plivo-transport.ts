import { stringify } from 'node:querystring';

/** Plivo's public API host; `apiBaseUrl` replaces it (regional endpoint, proxy, test fake). */
export const PLIVO_PUBLIC_API_URL = 'https://api.plivo.com';

/** Default per-request timeout (the engine's default for carriers). */
export const DEFAULT_PLIVO_TIMEOUT_MS = 10_000;

/** What the SDK's resource classes expect a request function to resolve to. */
export interface PlivoSdkAnswer {
  response: { status: number; headers: Record<string, string> };
  body: unknown;
}

/** The request function the SDK's resource interfaces call: `(method, action, params)`. */
export type PlivoRequestFunction = (
  method: string,
  action: string,
  params?: Record<string, unknown>,
) => Promise<PlivoSdkAnswer>;

/** Plivo answered with a status outside 2xx. Mapped to `ProviderRequestError` by `plivo-errors`. */
export class PlivoHttpError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    /** The `error` text of Plivo's `{ api_id, error }` body, or the raw body. */
    readonly plivoError: string,
    readonly method: string,
    readonly path: string,
  ) {
    super(`plivo ${method} ${path} answered ${status}${plivoError ? `: ${plivoError}` : ''}`);
    this.name = 'PlivoHttpError';
  }
}

/** The request never got an answer (timeout, refused or dropped connection): state unknown. */
export class PlivoNetworkError extends Error {
  constructor(
    readonly timedOut: boolean,
    readonly method: string,
    readonly path: string,
    cause: unknown,
  ) {
    super(`plivo ${method} ${path} ${timedOut ? 'timed out' : 'failed'}`, { cause });
    this.name = 'PlivoNetworkError';
  }
}

/**
 * The SDK's markers that its own axios layer (`dist/rest/axios.js`) acts on. `is_voice_request`
 * sends the request to the hard-coded `https://api.plivo.com/v1/Account/` (ignoring any base URL)
 * through a wrapper that re-sends it up to twice on a 5xx: for a call create, a second call. This
 * transport replaces that layer, so the markers are dropped and nothing is ever re-sent.
 */
const SDK_MARKERS = ['is_voice_request', 'isVoiceRequest'];

function withoutMarkers(params: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (!SDK_MARKERS.includes(key) && value !== undefined) out[key] = value;
  }
  return out;
}

function errorText(text: string): string {
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && 'error' in body) {
      const error = (body as { error: unknown }).error;
      return typeof error === 'string' ? error : JSON.stringify(error);
    }
  } catch {
    // Not JSON (a proxy's HTML page): the raw text, shortened, says more than nothing.
  }
  return text.slice(0, 200);
}

/** Options of {@link createPlivoTransport}. */
export interface PlivoTransportOptions {
  authId: string;
  authToken: string;
  /** Scheme and host (and optional path prefix); `/v1/Account/<authId>/` is appended. */
  apiBaseUrl: string;
  timeoutMs: number;
}

/**
 * The one place requests leave for Plivo: every request goes to `apiBaseUrl`, exactly once, with
 * Basic auth and a timeout. GET parameters go in the query string, others as a JSON body (as
 * the SDK's own layer sends them).
 */
export function createPlivoTransport(options: PlivoTransportOptions): PlivoRequestFunction {
  const base = options.apiBaseUrl.replace(/\/+$/, '');
  const accountRoot = `${base}/v1/Account/${encodeURIComponent(options.authId)}/`;
  const authorization = `Basic ${Buffer.from(`${options.authId}:${options.authToken}`).toString('base64')}`;
  return async (method, action, params) => {
    const fields = withoutMarkers(params);
    const hasFields = Object.keys(fields).length > 0;
    const isGet = method.toUpperCase() === 'GET';
    const query = isGet && hasFields ? `?${stringify(fields as Record<string, string>)}` : '';
    const url = `${accountRoot}${action}${query}`;
    const path = new URL(url).pathname;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization,
          accept: 'application/json',
          ...(isGet || !hasFields ? {} : { 'content-type': 'application/json' }),
        },
        body: isGet || !hasFields ? undefined : JSON.stringify(fields),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
      throw new PlivoNetworkError(timedOut, method, path, cause);
    }
    if (response.status < 200 || response.status >= 300) {
      throw new PlivoHttpError(response.status, response.headers, errorText(text), method, path);
    }
    let body: unknown = {};
    if (text !== '') {
      try {
        body = JSON.parse(text) as unknown;
      } catch (cause) {
        // A 2xx we cannot read: the request may have been acted on, so it is "state unknown".
        throw new PlivoNetworkError(false, method, path, cause);
      }
    }
    return { response: { status: response.status, headers: Object.fromEntries(response.headers) }, body };
  };
}
