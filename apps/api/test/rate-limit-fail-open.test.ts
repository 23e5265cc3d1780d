import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadEngineConfig } from '@engine/config';
import type { Redis } from '@engine/redis';
import { createRedis } from '@engine/redis';
import { ApiRateLimits } from '../src/rate-limit/api-rate-limits.service';
import { apiRateLimitPolicies, retryAfterSeconds } from '../src/rate-limit/rate-limit-policy';

describe('apiRateLimitPolicies', () => {
  it('reads the defaults, and turns a limit off with 0 or an empty value', () => {
    expect(apiRateLimitPolicies(loadEngineConfig({}).env)).toEqual({
      perKey: { ratePerSecond: 50, burst: 100 },
      authFailuresPerAddress: { ratePerSecond: 1, burst: 60 },
    });
    const off = (env: NodeJS.ProcessEnv) => apiRateLimitPolicies(loadEngineConfig(env).env);
    expect(off({ API_RATE_LIMIT_PER_SECOND: '0' }).perKey).toBeUndefined();
    expect(off({ API_RATE_LIMIT_BURST: '' }).perKey).toBeUndefined();
    expect(off({ API_AUTH_FAILURES_PER_MINUTE: '' }).authFailuresPerAddress).toBeUndefined();
    expect(off({ API_RATE_LIMIT_PER_SECOND: '0.5', API_RATE_LIMIT_BURST: '2' }).perKey).toEqual({
      ratePerSecond: 0.5,
      burst: 2,
    });
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
  });
});

/** The API's rate limits when Redis cannot answer: requests are served, and a warning says so once. */
describe('ApiRateLimits fails open', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  const clients: Redis[] = [];
  const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  const limits = (redis: Redis) => new ApiRateLimits(redis, loadEngineConfig({}));

  beforeAll(async () => {
    // Accepts connections and never answers: a Redis that hangs.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => warn.mockClear());
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    warn.mockRestore();
  });

  it('serves at once while the connection is down, warning once per interval', async () => {
    // Nothing listens on port 1: the client is reconnecting.
    const redis = createRedis('redis://127.0.0.1:1', { onConnectionError: () => undefined });
    clients.push(redis);
    await vi.waitFor(() => expect(redis.status).toBe('reconnecting'), { timeout: 5_000 });
    const subject = limits(redis);
    const started = Date.now();
    expect(await subject.takeForKey('hash')).toBeUndefined();
    expect(await subject.takeForKey('hash')).toBeUndefined();
    expect(await subject.authFailureBudget('127.0.0.1')).toBeUndefined();
    await subject.recordAuthFailure('127.0.0.1');
    expect(Date.now() - started).toBeLessThan(100);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /API rate limits not enforced \(Redis connection is reconnecting\)/,
    );
  });

  it('serves after a bounded wait when Redis does not answer', async () => {
    const port = (silent.address() as AddressInfo).port;
    const redis = createRedis(`redis://127.0.0.1:${port}`, { onConnectionError: () => undefined });
    clients.push(redis);
    const subject = limits(redis);
    const started = Date.now();
    expect(await subject.takeForKey('hash')).toBeUndefined();
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(240);
    expect(waited).toBeLessThan(1_000);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/did not answer within 250 ms/);
  });
});
