import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeAnswer } from './fake-telnyx-calls';
import { TelnyxErrors } from './fake-telnyx-wire';

/** One request the fake received, for tests ("one request", "every request went to the base URL"). */
export interface FakeTelnyxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  authorization: string | undefined;
  at: number;
}

/** Reads a JSON body (Telnyx's API takes JSON only); `undefined` when it is not a JSON object. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a JSON answer with the headers Telnyx sends. */
export function writeAnswer(res: ServerResponse, answer: FakeAnswer): void {
  res.writeHead(answer.status, {
    'content-type': 'application/json',
    'x-request-id': randomUUID(),
    ...(answer.headers ?? {}),
  });
  res.end(JSON.stringify(answer.body));
}

/** The answer to a body that is not JSON. */
export const invalidJson = (): FakeAnswer => ({
  status: 400,
  body: { errors: [{ code: '10023', title: 'Invalid JSON', detail: 'The supplied JSON was invalid.' }] },
});

/** A route: method, a path pattern with `:name` segments, and its handler. */
export interface Route {
  method: string;
  pattern: string;
  handle(params: Record<string, string>, request: FakeTelnyxRequest): FakeAnswer | 'lose';
}

/** The first route matching the request, with its path parameters. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((segment, i) => {
      const part = parts[i] ?? '';
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(part);
        return true;
      }
      return segment === part;
    });
    if (ok) return { route, params };
  }
  return undefined;
}

export const notFound = (): FakeAnswer => TelnyxErrors.notFound();
