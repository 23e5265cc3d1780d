import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimHarness } from './support/sim-harness';
import { startHarness } from './support/sim-harness';

/** The per-call plan (a queued call's `call_config`) as the simulated carrier receives it. */
describe('the per-call plan at the simulator', () => {
  let h: SimHarness;
  beforeEach(async () => {
    h = await startHarness({ timeScale: 0.001, seed: 7 });
    h.sim.configure({ defaults: { weights: { human_connected: 1 }, talkSeconds: { min: 300, max: 300 } } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('records every plan field in GET /sim/calls, and talk time stops at maxDurationSeconds', async () => {
    const base = h.request('plan-1');
    const variables = { first_name: 'Ada Lovelace', plan: 'gold' };
    await h.provider.originate({
      ...base,
      plan: {
        ...base.plan,
        answerUrl: 'https://customer.example.com/answer',
        maxDurationSeconds: 45,
        record: true,
        voice: 'es-MX',
        flowName: 'renewal',
        variables,
      },
    });
    const [webhook] = await h.receiver.waitFor(1);
    expect(webhook!.json).toMatchObject({ outcome: 'human_connected', durationSeconds: 45 });
    const listed = (await h.http('/sim/calls?attemptId=plan-1')).json.calls;
    expect(listed).toEqual([
      expect.objectContaining({
        attemptId: 'plan-1',
        answerUrl: 'https://customer.example.com/answer',
        maxDurationSeconds: 45,
        record: true,
        voice: 'es-MX',
        flowName: 'renewal',
        variables,
      }),
    ]);
  });

  it('a call without a plan of its own lists none of the fields and talks its full time', async () => {
    await h.provider.originate(h.request('plan-2'));
    const [webhook] = await h.receiver.waitFor(1);
    expect(webhook!.json).toMatchObject({ durationSeconds: 300 });
    const [listed] = (await h.http('/sim/calls?attemptId=plan-2')).json.calls;
    for (const field of ['answerUrl', 'maxDurationSeconds', 'record', 'voice', 'flowName', 'variables']) {
      expect(listed).not.toHaveProperty(field);
    }
  });

  it.each([
    [{ maxDurationSeconds: 0 }, 'maxDurationSeconds'],
    [{ maxDurationSeconds: 1.5 }, 'maxDurationSeconds'],
    [{ answerUrl: 'ftp://x.example' }, 'answerUrl'],
    [{ variables: { a: 1 } }, 'variables.a'],
  ])('refuses %o (400 naming %s)', async (overrides, field) => {
    const { status, json } = await h.http('/sim/calls', {
      method: 'POST',
      body: { ...h.request('plan-bad'), plan: undefined, ...overrides },
    });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: 'VALIDATION_FAILED', field });
  });
});
