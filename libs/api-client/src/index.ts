import createClient from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };

/** The error body every failing call answers (`ErrorBody` in the document). */
export type ApiErrorBody = components['schemas']['ErrorBody'];

/** A client typed from the API's OpenAPI document: paths, parameters, bodies and answers. */
export type EngineApiClient = Client<paths>;

/**
 * A typed client for the campaign engine API. `baseUrl` is the API's origin (the document's paths
 * start with `/api`), e.g. `http://127.0.0.1:3000`.
 *
 * @example
 *   const api = createEngineApiClient('http://127.0.0.1:3000', apiKey);
 *   const { data, error } = await api.POST('/api/dids', { body: { number: '+14155550100' } });
 */
export function createEngineApiClient(baseUrl: string, apiKey: string): EngineApiClient {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
}
