/**
 * HTTP pieces of `carrier-adapters.bench.ts`: a webhook sink that answers 200 and keeps what it got,
 * a recording proxy that captures the exact request an adapter sends, and a bare keep-alive client
 * that sends a captured request again (the baseline the adapter's own cost is measured against).
 */
import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a server received it. */
export interface RecordedRequest {
  /** Absolute URL (the server's base URL + the request's path and query). */
  url: string;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RunningServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: Server): () => Promise<void> {
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

/** Answers every request 200 (empty JSON), keeping the last `keep` requests. */
export async function startWebhookSink(keep = 200): Promise<RunningServer> {
  const requests: RecordedRequest[] = [];
  let base = '';
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({
        url: `${base}${req.url ?? '/'}`,
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
      });
      if (requests.length > keep) requests.shift();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  base = await listen(server);
  return { url: base, requests, close: closer(server) };
}

/** Forwards every request to `targetOrigin` (same path, method, headers and body), keeping a copy. */
export async function startRecordingProxy(targetOrigin: string): Promise<RunningServer> {
  const target = new URL(targetOrigin);
  const requests: RecordedRequest[] = [];
  let base = '';
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({
        url: `${base}${req.url ?? '/'}`,
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
      });
      const headers = { ...req.headers, host: target.host };
      const out = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => res.writeHead(502).end());
      out.end(body);
    });
  });
  base = await listen(server);
  return { url: base, requests, close: closer(server) };
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/**
 * A captured request sent again to `origin`, on one keep-alive connection: the cost of the HTTP
 * exchange alone (no SDK, no serialisation, no answer parsing beyond reading its bytes).
 */
export class RawClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly target: URL;
  private readonly headers: Record<string, string>;

  constructor(
    origin: string,
    private readonly captured: RecordedRequest,
  ) {
    this.target = new URL(origin);
    this.headers = {};
    for (const [name, value] of Object.entries(captured.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name)) continue;
      this.headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }

  /** Sends the captured request with `body` (default: the captured body); resolves to the status. */
  send(body: string = this.captured.body): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: this.captured.method,
          path: this.captured.path,
          agent: this.agent,
          headers: { ...this.headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
