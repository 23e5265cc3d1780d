import { ProviderRequestError, SimulatorProvider } from '@engine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHarness } from './support/sim-harness';
import { startHarness } from './support/sim-harness';

describe('request validation', () => {
  let h: SimHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([
    ['to', { to: '4155550100' }],
    ['from', { from: '+0' }],
    ['agent', { agent: 'robot' }],
    ['amd', { amd: 'yes' }],
    ['callbackUrl', { callbackUrl: 'not a url' }],
    ['voicemailDropUrl', { voicemailDropUrl: 'ftp://example.com/vm.wav' }],
    ['attemptId', { attemptId: '' }],
  ])('answers 400 naming %s', async (field, overrides) => {
    const { status, json } = await h.http('/sim/calls', {
      method: 'POST',
      body: { ...h.request('v-1'), ...overrides },
    });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: 'VALIDATION_FAILED', field });
    expect(json.message).toContain(field);
  });

  it('names a missing field, and the body when it is not JSON', async () => {
    const { callbackUrl: _omitted, ...rest } = h.request('v-2');
    expect((await h.http('/sim/calls', { method: 'POST', body: rest })).json).toMatchObject({
      field: 'callbackUrl',
    });
    const malformed = await h.http('/sim/calls', { method: 'POST', body: '{"attemptId":' });
    expect(malformed).toMatchObject({ status: 400, json: { error: 'MALFORMED_JSON', field: 'body' } });
  });

  it('records nothing for an invalid request', async () => {
    await h.http('/sim/calls', { method: 'POST', body: { ...h.request('v-3'), to: 'nope' } });
    expect((await h.http('/sim/calls?attemptId=v-3')).json.calls).toEqual([]);
  });

  it('makes the provider fail with a non-retryable error on 400', async () => {
    const err = await h.provider.originate({ ...h.request('v-4'), to: '555' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderRequestError);
    expect(err).toMatchObject({
      code: 'PROVIDER_REQUEST_FAILED',
      retryable: false,
      status: 400,
      operation: 'originate',
    });
    expect((err as Error).message).toContain('to');
  });

  it('refuses unknown query filters and bad dates', async () => {
    expect((await h.http('/sim/calls?attempt=x')).json).toMatchObject({ field: 'attempt' });
    expect((await h.http('/sim/calls?since=yesterday')).json).toMatchObject({ field: 'since' });
  });

  it('validates configuration patches, naming the field', async () => {
    const put = (body: unknown) => h.http('/sim/config', { method: 'PUT', body });
    expect((await put({ faults: { dropCallbackRate: 1.5 } })).json).toMatchObject({
      error: 'SIM_CONFIG_INVALID',
      field: 'faults.dropCallbackRate',
    });
    expect((await put({ faults: { dropCallback: 0.5 } })).json).toMatchObject({
      field: 'faults.dropCallback',
    });
    expect((await put({ byDid: { '4155550100': 'bad' } })).json).toMatchObject({ field: 'byDid.4155550100' });
    expect((await put({ byDid: { '+14155550100': 'awful' } })).json).toMatchObject({
      field: 'byDid.+14155550100',
    });
    expect((await put({ defaults: { talkSeconds: { min: 9, max: 3 } } })).json).toMatchObject({
      field: 'defaults.talkSeconds.max',
    });
    expect((await put({ defaults: { weights: { no_answer: 0 } } })).json).toMatchObject({
      field: 'defaults.weights',
    });
    expect((await put({ timeScale: 0 })).status).toBe(400);
    expect(() => h.sim.configure({ ringMs: -1 })).toThrow(
      expect.objectContaining({ code: 'SIM_CONFIG_INVALID', field: 'ringMs' }),
    );
  });

  it('answers unknown routes with NOT_FOUND, which lookups do not mistake for "no such call"', async () => {
    expect((await h.http('/sim/nope')).json).toMatchObject({ error: 'NOT_FOUND' });
    const misrouted = new SimulatorProvider({ baseUrl: `${h.sim.url}/wrong-prefix/`, webhookSecret: 'x' });
    const err = await misrouted.lookupCall('a').catch((e: unknown) => e);
    // A wrong base URL is not "never originated".
    expect(err).toMatchObject({ code: 'PROVIDER_REQUEST_FAILED', status: 404, retryable: false });
  });
});
