import { ProviderRequestError, SimulatorProvider } from '@engine/providers';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimHarness } from './support/sim-harness';
import { eventually, startHarness } from './support/sim-harness';

describe('fault injection', () => {
  let h: SimHarness;
  afterEach(async () => {
    await h.close();
  });

  it('a refused originate (503) is a retryable ProviderRequestError and places nothing', async () => {
    h = await startHarness({ faults: { originateErrorRate: 1 } });
    const err = await h.provider.originate(h.request('f-1')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderRequestError);
    expect(err).toMatchObject({ retryable: true, status: 503, provider: 'sim', operation: 'originate' });
    // Status unknown, so the caller looks it up: the carrier never had it.
    expect(await h.provider.lookupCall('f-1')).toBeUndefined();
    expect((await h.http('/sim/calls?attemptId=f-1')).json.calls).toEqual([
      expect.objectContaining({ providerCallId: null, status: 503, duplicate: false }),
    ]);

    // Once the carrier recovers, the same attempt is placed once, not counted as a duplicate.
    h.sim.configure({ faults: { originateErrorRate: 0 } });
    await h.provider.originate(h.request('f-1'));
    expect((await h.http('/sim/calls/summary')).json).toMatchObject({
      total: 2,
      rejected: 1,
      uniqueAttempts: 1,
      duplicates: 0,
    });
  });

  it('a lost answer (504) is retryable, and lookupCall finds the call that was placed', async () => {
    h = await startHarness({ faults: { originateLostAnswerRate: 1 } });
    const err = await h.provider.originate(h.request('f-2')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PROVIDER_REQUEST_FAILED', retryable: true, status: 504 });
    const found = await h.provider.lookupCall('f-2');
    expect(found?.providerCallId).toMatch(/^sim-call-/);
    await h.receiver.waitFor(1);
  });

  it('a slow answer times out as retryable while the call already exists', async () => {
    h = await startHarness({ faults: { originateDelayMs: 500 } }, 100);
    const err = await h.provider.originate(h.request('f-3')).catch((e: unknown) => e);
    expect(err).toMatchObject({ retryable: true, status: undefined });
    expect((err as Error).message).toContain('timed out');
    h.sim.configure({ faults: { originateDelayMs: 0 } });
    expect(await h.provider.lookupCall('f-3')).toMatchObject({ attemptId: 'f-3' });
  });

  it('a network error (nothing listening) is retryable', async () => {
    h = await startHarness();
    await h.sim.close();
    const dead = new SimulatorProvider({ baseUrl: h.sim.url, webhookSecret: 'x', timeoutMs: 1_000 });
    const err = await dead.originate(h.request('f-4')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PROVIDER_REQUEST_FAILED', retryable: true });
  });

  it('a dropped callback never arrives, but lookupCall reports the completed call with its outcome', async () => {
    h = await startHarness({ faults: { dropCallbackRate: 1 } });
    await h.provider.originate(h.request('f-5'));
    const status = await eventually(async () => {
      const s = await h.provider.lookupCall('f-5');
      return s?.state === 'completed' ? s : undefined;
    });
    expect(status.outcome).toEqual(expect.any(String));
    expect(status.durationSeconds).toEqual(expect.any(Number));
    expect(status.spamFlagged).toEqual(expect.any(Boolean));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.receiver.received).toHaveLength(0);
    expect((await h.http('/sim/webhooks?attemptId=f-5')).json.deliveries).toEqual([
      expect.objectContaining({ result: 'dropped', status: null, kind: 'call.status' }),
    ]);
  });

  it('a duplicated callback arrives twice with the same body', async () => {
    h = await startHarness({ faults: { duplicateCallbackRate: 1 } });
    await h.provider.originate(h.request('f-6'));
    const [first, second] = await h.receiver.waitFor(2);
    expect(first!.rawBody.equals(second!.rawBody)).toBe(true);
    const deliveries = (await h.http('/sim/webhooks?attemptId=f-6')).json.deliveries as Array<{
      duplicate: boolean;
    }>;
    expect(deliveries.map((d) => d.duplicate).sort()).toEqual([false, true]);
  });

  it('delays a callback by callbackDelayMs', async () => {
    h = await startHarness({ faults: { callbackDelayMs: 300 }, defaults: { weights: { busy: 1 } } });
    const started = Date.now();
    await h.provider.originate(h.request('f-7'));
    await h.receiver.waitFor(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('retries a webhook on non-2xx and network errors with backoff, recording every attempt', async () => {
    h = await startHarness({ webhooks: { retryBaseDelayMs: 10 } });
    h.receiver.respondWith(500, 429);
    await h.provider.originate(h.request('f-8'));
    const received = await h.receiver.waitFor(3);
    expect(received.map((w) => w.headers['x-sim-delivery-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(received.map((w) => w.headers['x-sim-delivery-id'])).size).toBe(1);
    const deliveries = await eventually(async () => {
      const d = (await h.http('/sim/webhooks?attemptId=f-8')).json.deliveries as Array<{
        attempt: number;
        status: number;
        result: string;
      }>;
      return d.length === 3 ? d : undefined;
    });
    expect(deliveries.map((d) => [d.attempt, d.status, d.result])).toEqual([
      [1, 500, 'rejected'],
      [2, 429, 'rejected'],
      [3, 200, 'delivered'],
    ]);
  });

  it('gives a webhook up after maxAttempts', async () => {
    h = await startHarness({ webhooks: { retryBaseDelayMs: 1, maxAttempts: 2 } });
    await h.provider.originate(h.request('f-9', { callbackUrl: 'http://127.0.0.1:9/unreachable' }));
    const deliveries = await eventually(async () => {
      const d = (await h.http('/sim/webhooks?attemptId=f-9')).json.deliveries as Array<{
        result: string;
        status: null;
      }>;
      return d.length === 2 ? d : undefined;
    });
    expect(deliveries.every((d) => d.result === 'error' && d.status === null)).toBe(true);
  });
});
