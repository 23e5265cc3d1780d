import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, with the body exactly as sent (for signature checks). */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  json: unknown;
}

/** A tiny local HTTP server standing in for the API's webhook endpoints. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status to answer each next request with (consumed in order); 200 once exhausted. */
  respondWith(...statuses: number[]): void;
  /** Resolves once `count` webhooks arrived (optionally only those matching), or rejects after `timeoutMs`. */
  waitFor(
    count: number,
    timeoutMs?: number,
    matches?: (w: ReceivedWebhook) => boolean,
  ): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const statuses: number[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      let json: unknown;
      try {
        json = JSON.parse(rawBody.toString('utf8'));
      } catch {
        json = undefined;
      }
      received.push({ path: req.url ?? '/', headers: req.headers, rawBody, json });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respondWith: (...s) => statuses.push(...s),
    waitFor(count, timeoutMs = 5_000, matches = () => true) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hits = received.filter(matches);
          if (hits.length < count) return;
          cleanup();
          resolve(hits);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `expected ${count} webhooks within ${timeoutMs} ms, got ${received.filter(matches).length}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
