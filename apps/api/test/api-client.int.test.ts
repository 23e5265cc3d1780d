import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineApiClient } from '@engine/api-client';
import type { EngineApiClient } from '@engine/api-client';
import { generateClientTypes } from '@engine/api-client/generate';
import { projectRoot } from '@engine/local-services';
import type { ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

describe('the typed client generated from the OpenAPI document (libs/api-client)', () => {
  let s: ApiStack;
  let api: EngineApiClient;

  beforeAll(async () => {
    s = await startApiStack();
    api = createEngineApiClient(s.url, (await s.tenant('Typed client')).apiKey);
  });
  afterAll(() => s?.close());

  it('is generated from the document the API serves now (regenerate: npm run api-client:generate)', async () => {
    const document: unknown = await (await fetch(`${s.url}/api/docs/openapi.json`)).json();
    const checkedIn = readFileSync(join(projectRoot(), 'libs', 'api-client', 'src', 'schema.d.ts'), 'utf8');
    expect(
      checkedIn === (await generateClientTypes(document)),
      'libs/api-client/src/schema.d.ts is stale',
    ).toBe(true);
  });

  it('adds, pages through, reads and retires DIDs with typed requests and answers', async () => {
    const numbers = ['+14155550301', '+14155550302', '+14155550303'];
    for (const number of numbers) {
      const { data, response } = await api.POST('/api/dids', { body: { number } });
      expect(response.status).toBe(201);
      expect(data?.number).toBe(number);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await api.GET('/api/dids', {
        params: { query: { limit: 2, ...(cursor && { cursor }) } },
      });
      seen.push(...(data?.items ?? []).map((d) => d.number));
      cursor = data?.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(numbers);

    const first = (await api.GET('/api/dids', { params: { query: { limit: 1 } } })).data?.items[0];
    if (!first) throw new Error('no DID listed');
    const retired = await api.POST('/api/dids/{id}/retire', { params: { path: { id: first.id } } });
    expect(retired.data?.state).toBe('retired');
    expect((await api.GET('/api/dids/{id}', { params: { path: { id: first.id } } })).data?.state).toBe(
      'retired',
    );
  });

  it('answers errors with the typed ErrorBody naming the field', async () => {
    const { error, response } = await api.POST('/api/dids', { body: { number: 'not a phone' } });
    expect(response.status).toBe(400);
    expect(error?.field).toBe('number');
    expect(error?.code).toBe('validation_failed');
    const missing = await api.GET('/api/dids/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('not_found');
  });
});
