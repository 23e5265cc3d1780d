import type { z } from 'zod';
import type { ProviderOperation } from '../errors/provider-request-error';
import { ProviderRequestError } from '../errors/provider-request-error';

/** Default time a simulator request may take before it counts as lost (status unknown). */
export const DEFAULT_SIM_TIMEOUT_MS = 5_000;

/** An answer whose status the caller expects; other statuses become a `ProviderRequestError`. */
export interface SimAnswer {
  status: number;
  body: unknown;
}

/** Statuses that say "try again later": the server could not take the request now. */
function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

function describeBody(body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    return body.message;
  }
  return typeof body === 'string' ? body.slice(0, 200) : '';
}

/** Thin JSON-over-HTTP client for the simulator; maps every failure to `ProviderRequestError`. */
export class SimHttpClient {
  constructor(
    private readonly provider: string,
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Sends one request and returns the answer when its status is in `expected`.
   *
   * @throws ProviderRequestError: retryable for timeouts, network errors, 5xx, 408 and 429, not
   *   retryable for other statuses.
   */
  async request(
    operation: ProviderOperation,
    method: 'GET' | 'POST',
    path: string,
    expected: readonly number[],
    body?: unknown,
  ): Promise<SimAnswer> {
    // Relative to the base URL's path, so a simulator behind a path prefix (a proxy) works too.
    const base = this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`;
    const url = new URL(path.replace(/^\/+/, ''), base);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      // A timeout or a dropped connection: the carrier may have acted on the request.
      const what =
        cause instanceof Error && cause.name === 'TimeoutError'
          ? `timed out after ${this.timeoutMs} ms`
          : 'failed';
      throw new ProviderRequestError(`${this.provider} ${operation}: ${method} ${url.pathname} ${what}`, {
        provider: this.provider,
        operation,
        retryable: true,
        cause,
      });
    }
    const parsed = parseJson(text);
    if (!expected.includes(response.status)) {
      const detail = describeBody(parsed ?? text);
      throw new ProviderRequestError(
        `${this.provider} ${operation}: ${method} ${url.pathname} answered ${response.status}${detail ? `: ${detail}` : ''}`,
        {
          provider: this.provider,
          operation,
          retryable: isRetryableStatus(response.status),
          status: response.status,
        },
      );
    }
    return { status: response.status, body: parsed };
  }

  /**
   * Validates an expected answer's body. A malformed success answer leaves the outcome unknown,
   * so it is a retryable failure (the caller looks the request up instead of trusting it).
   */
  parseAnswer<T>(operation: ProviderOperation, schema: z.ZodType<T>, answer: SimAnswer): T {
    const result = schema.safeParse(answer.body);
    if (result.success) return result.data;
    throw new ProviderRequestError(
      `${this.provider} ${operation}: unexpected answer body (${result.error.issues[0]?.message ?? 'invalid'})`,
      { provider: this.provider, operation, retryable: true, status: answer.status, cause: result.error },
    );
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
