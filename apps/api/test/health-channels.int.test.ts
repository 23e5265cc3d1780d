import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@engine/local-services';
import { createApiApp } from '../src/create-app';
import type { ApiStack } from './support/api-stack';
import { ApiClient, startApiStack } from './support/api-stack';

describe('GET /api/health: dependencies and SIP channel usage', () => {
  let s: ApiStack;
  let http: ApiClient;

  beforeAll(async () => {
    // The API reads the pool limits from the same variables as the worker.
    process.env['CHANNEL_POOL_IVR'] = '7';
    s = await startApiStack();
    http = new ApiClient(s.url, null);
  });
  afterAll(async () => {
    delete process.env['CHANNEL_POOL_IVR'];
    await s?.close();
  });

  it('reports every pool with its leases in use and its capacity', async () => {
    const semaphore = s.stack.deps.semaphore;
    await semaphore.acquire('campaign', 'health-test-1');
    await semaphore.acquire('campaign', 'health-test-2');
    await semaphore.acquire('ivr', 'health-test-3');
    // An expired lease is not in use.
    await semaphore.acquire('api', 'health-test-4', 1);
    await new Promise((r) => setTimeout(r, 20));

    const res = await http.get('/health');
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.channels).toEqual([
      { pool: 'campaign', inUse: 2, limit: 60 },
      { pool: 'ivr', inUse: 1, limit: 7 },
      { pool: 'api', inUse: 0, limit: 8 },
    ]);

    await semaphore.release('campaign', 'health-test-1');
    expect((await http.get('/health')).body.channels[0]).toEqual({ pool: 'campaign', inUse: 1, limit: 60 });
  });

  it('documents the channels in the OpenAPI document', async () => {
    const doc = await http.get('/docs/openapi.json');
    const schemas = doc.body.components.schemas;
    expect(schemas.HealthReportDto.required).toEqual(
      expect.arrayContaining(['status', 'checks', 'channels']),
    );
    expect(schemas.HealthReportDto.properties.channels.items.$ref).toBe(
      '#/components/schemas/ChannelPoolUsageDto',
    );
    expect(schemas.ChannelPoolUsageDto.properties.pool.enum).toEqual(['campaign', 'ivr', 'api']);
    expect(schemas.ChannelPoolUsageDto.properties.inUse.nullable).toBe(true);
  });

  describe('with Redis down', () => {
    let app: INestApplication;
    let down: ApiClient;
    beforeAll(async () => {
      const redisUrl = process.env['REDIS_URL'];
      // Nothing listens there.
      process.env['REDIS_URL'] = `redis://127.0.0.1:${await findFreePort()}`;
      try {
        app = await createApiApp({ logger: false });
        await app.listen(0, '127.0.0.1');
      } finally {
        process.env['REDIS_URL'] = redisUrl;
      }
      down = new ApiClient((await app.getUrl()).replace('[::1]', '127.0.0.1'), null);
    });
    afterAll(() => app?.close());

    it('still answers 503 degraded, with the capacities and no usage figure', async () => {
      const res = await down.get('/health');
      expect(res.status, res.text).toBe(503);
      expect(res.body.status).toBe('degraded');
      expect(res.body.checks.redis.ok).toBe(false);
      expect(res.body.checks.postgres.ok).toBe(true);
      expect(res.body.channels).toEqual([
        { pool: 'campaign', inUse: null, limit: 60 },
        { pool: 'ivr', inUse: null, limit: 7 },
        { pool: 'api', inUse: null, limit: 8 },
      ]);
    });
  });
});
