import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createRedis } from '@engine/redis';

/** A port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('createRedis', () => {
  it('reports a failing connection once per outage, however often it retries, and never throws', async () => {
    const errors: Error[] = [];
    const redis = createRedis(`redis://127.0.0.1:${await closedPort()}`, {
      onConnectionError: (err) => errors.push(err),
    });
    try {
      // ioredis retries about every 50-200 ms at first: several attempts in a second.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toMatch(/ECONNREFUSED/);
    } finally {
      redis.disconnect();
    }
  });
});
