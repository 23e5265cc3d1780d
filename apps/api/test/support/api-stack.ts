import type { INestApplication } from '@nestjs/common';
import type { CampaignStack, CampaignStackOptions } from '@engine/test-stack';
import { seedCustomer } from '@engine/testing';
import { startCampaignStack } from '@engine/test-stack';
import { createApiApp } from '../../src/create-app';

export interface ApiStack {
  stack: CampaignStack;
  /** The API under test, configured for this stack's task queue and event channels. */
  api: INestApplication;
  url: string;
  /** A new customer and its API key. */
  tenant(name?: string): Promise<{ customerId: string; apiKey: string; http: ApiClient }>;
  close(): Promise<void>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  json?: unknown;
  body?: RequestInit['body'];
  headers?: Record<string, string>;
  /** Overrides the client's key; null sends no Authorization header. */
  key?: string | null;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly apiKey: string | null,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? this.apiKey : options.key;
    if (key) headers['authorization'] = `Bearer ${key}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const res = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers,
      body,
      ...(body ? { duplex: 'half' } : {}),
    } as RequestInit);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }
  post<T = any>(path: string, json?: unknown, options: RequestOptions = {}) {
    return this.request<T>('POST', path, json === undefined ? options : { ...options, json });
  }
  patch<T = any>(path: string, json?: unknown, options: RequestOptions = {}) {
    return this.request<T>('PATCH', path, { ...options, json });
  }
  delete<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, options);
  }
}

/**
 * The campaign stack plus an API instance of our own: the stack's API reads the default task
 * queue and no event channel prefix, while this file's worker polls a queue of its own and
 * publishes under a prefix of its own; this API is pointed at both.
 */
export async function startApiStack(options: CampaignStackOptions = {}): Promise<ApiStack> {
  const stack = await startCampaignStack(options);
  process.env['TEMPORAL_TASK_QUEUE'] = stack.temporal.taskQueue;
  process.env['EVENTS_CHANNEL_PREFIX'] = stack.deps.events.pubsubChannel('');
  const api = await createApiApp({ logger: false });
  await api.listen(0, '127.0.0.1');
  const url = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    stack,
    api,
    url,
    async tenant(name = 'Tenant') {
      const { customer, apiKey } = await seedCustomer(stack.database.db, name);
      return { customerId: customer.id, apiKey, http: new ApiClient(url, apiKey) };
    },
    async close() {
      await api.close();
      await stack.close();
    },
  };
}

export interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: any;
}

/** A minimal SSE client over fetch: collects events, lets the test wait for one. */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  private readonly controller = new AbortController();
  private done: Promise<void> = Promise.resolve();
  ended = false;

  static async open(url: string, apiKey: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${apiKey}`, accept: 'text/event-stream', ...headers },
      signal: client.controller.signal,
    });
    client.status = res.status;
    if (res.status !== 200 || !res.body) {
      client.ended = true;
      client.errorBody = await res.text().catch(() => '');
      return client;
    }
    client.done = client.read(res.body);
    return client;
  }

  errorBody = '';

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let sep: number;
        while ((sep = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, sep);
          buffer = buffer.slice(sep + 2);
          const event: SseEvent = { id: undefined, event: undefined, data: undefined };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              event.data = JSON.parse(line.slice(6));
              hasData = true;
            }
          }
          if (hasData) this.events.push(event);
        }
      }
    } catch {
      // aborted or dropped
    } finally {
      this.ended = true;
    }
  }

  async waitFor(
    predicate: (events: SseEvent[]) => boolean,
    timeoutMs = 30_000,
    what = 'events',
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${what}; got ${this.events.map((e) => `${e.id}:${e.event}`).join(', ')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }
}

export const waitFor = async <T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
