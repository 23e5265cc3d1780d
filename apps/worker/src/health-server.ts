import type { Server } from 'node:http';
import { createServer } from 'node:http';

/** What the worker reports on GET /health (used by the stack script and container health checks). */
export interface WorkerHealth {
  state: string;
  taskQueue: string;
  namespace: string;
}

export function startHealthServer(port: number, health: () => WorkerHealth): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      const body = health();
      res.writeHead(body.state === 'RUNNING' ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}
