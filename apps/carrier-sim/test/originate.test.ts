import { SimulatorProvider, WebhookSignatureError } from '@engine/providers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimHarness } from './support/sim-harness';
import { eventually, SECRET, startHarness } from './support/sim-harness';

describe('originate and the signed status webhook', () => {
  let h: SimHarness;
  beforeEach(async () => {
    h = await startHarness({ timeScale: 0.001, seed: 7 });
  });
  afterEach(async () => {
    await h.close();
  });

  it('places the call and posts a webhook the provider verifies and parses', async () => {
    const started = Date.now();
    const accepted = await h.provider.originate(h.request('attempt-1'));
    expect(accepted.providerCallId).toMatch(/^sim-call-/);
    expect(Number.isNaN(Date.parse(accepted.acceptedAt))).toBe(false);

    const [webhook] = await h.receiver.waitFor(1);
    // ring 2 s + up to 120 s of talk at timeScale 0.001: well under a second.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(webhook?.path).toBe('/api/webhooks/sim/call-status');
    const update = h.provider.parseCallStatusWebhook({
      headers: webhook!.headers,
      rawBody: webhook!.rawBody,
    });
    expect(update).toMatchObject({
      provider: 'sim',
      providerCallId: accepted.providerCallId,
      attemptId: 'attempt-1',
    });
    expect(update.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(typeof update.spamFlagged).toBe('boolean');
    expect(webhook!.headers['x-sim-delivery-attempt']).toBe('1');
  });

  it('reports durationSeconds in unscaled call seconds', async () => {
    h.sim.configure({ defaults: { weights: { human_connected: 1 }, talkSeconds: { min: 30, max: 30 } } });
    await h.provider.originate(h.request('attempt-long'));
    const [webhook] = await h.receiver.waitFor(1);
    expect(webhook!.json).toMatchObject({ outcome: 'human_connected', durationSeconds: 30 });
  });

  it('lookupCall follows the call from ringing to completed and knows nothing of other attempts', async () => {
    h.sim.configure({ timeScale: 0.05 }); // ring 100 ms
    const accepted = await h.provider.originate(h.request('attempt-2'));
    const ringing = await h.provider.lookupCall('attempt-2');
    expect(ringing).toEqual({
      providerCallId: accepted.providerCallId,
      attemptId: 'attempt-2',
      state: 'ringing',
    });

    const done = await eventually(async () => {
      const status = await h.provider.lookupCall('attempt-2');
      return status?.state === 'completed' ? status : undefined;
    });
    const [webhook] = await h.receiver.waitFor(1);
    expect(done).toMatchObject({ outcome: (webhook!.json as { outcome: string }).outcome });
    expect(await h.provider.lookupCall('never-originated')).toBeUndefined();
    expect((await h.http('/sim/calls/by-attempt/never-originated')).status).toBe(404);
  });

  it('a second originate of the same attempt is recorded as a duplicate and answered with the same call', async () => {
    const first = await h.provider.originate(h.request('attempt-3'));
    const second = await h.provider.originate(h.request('attempt-3'));
    expect(second.providerCallId).toBe(first.providerCallId);
    expect(second.acceptedAt).toBe(first.acceptedAt);

    const { json } = await h.http('/sim/calls?attemptId=attempt-3');
    expect(json.calls).toEqual([
      expect.objectContaining({
        attemptId: 'attempt-3',
        providerCallId: first.providerCallId,
        duplicate: false,
        status: 201,
      }),
      expect.objectContaining({
        attemptId: 'attempt-3',
        providerCallId: first.providerCallId,
        duplicate: true,
        status: 200,
      }),
    ]);
    const summary = (await h.http('/sim/calls/summary')).json;
    expect(summary).toMatchObject({ total: 2, uniqueAttempts: 1, duplicates: 1 });
    // Only one call was placed, so only one webhook comes.
    await h.receiver.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.receiver.received).toHaveLength(1);
  });

  it('lists calls with since / attemptId filters and counts by outcome and caller ID', async () => {
    await h.provider.originate(h.request('early'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date().toISOString();
    await h.provider.originate(h.request('late-1', { from: '+12125550122' }));
    await h.provider.originate(h.request('late-2', { from: '+12125550122' }));

    const all = (await h.http('/sim/calls')).json;
    expect(all.calls.map((c: { attemptId: string }) => c.attemptId)).toEqual(['early', 'late-1', 'late-2']);
    const recent = (await h.http(`/sim/calls?since=${encodeURIComponent(since)}`)).json;
    expect(recent.calls.map((c: { attemptId: string }) => c.attemptId)).toEqual(['late-1', 'late-2']);
    expect(recent.calls[0]).toEqual(
      expect.objectContaining({ to: '+14155550100', from: '+12125550122', receivedAt: expect.any(String) }),
    );

    await h.receiver.waitFor(3);
    const summary = await eventually(async () => {
      const s = (await h.http('/sim/calls/summary')).json;
      return s.completed === 3 ? s : undefined;
    });
    expect(summary.byFrom['+12125550122']).toMatchObject({ uniqueAttempts: 2, completed: 2 });
    const outcomes = Object.values(summary.byOutcome as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(outcomes).toBe(3);
    expect(summary.inFlight).toBe(0);
  });

  it('a provider with another secret refuses the webhook as a mismatch', async () => {
    await h.provider.originate(h.request('attempt-4'));
    const [webhook] = await h.receiver.waitFor(1);
    const other = new SimulatorProvider({ baseUrl: h.sim.url, webhookSecret: `${SECRET}-rotated` });
    expect(() =>
      other.parseCallStatusWebhook({ headers: webhook!.headers, rawBody: webhook!.rawBody }),
    ).toThrow(expect.objectContaining({ code: 'WEBHOOK_SIGNATURE_INVALID', reason: 'mismatch' }));
    // Rotation: the old and the new secret side by side accept it.
    const rotating = new SimulatorProvider({
      baseUrl: h.sim.url,
      webhookSecret: [`${SECRET}-rotated`, SECRET],
    });
    expect(
      rotating.parseCallStatusWebhook({ headers: webhook!.headers, rawBody: webhook!.rawBody }).attemptId,
    ).toBe('attempt-4');
  });

  it('rejects tampered, replayed and unsigned webhooks with the right reason', async () => {
    await h.provider.originate(h.request('attempt-5'));
    const [webhook] = await h.receiver.waitFor(1);
    const { headers, rawBody } = webhook!;
    const reasonOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        if (err instanceof WebhookSignatureError) return err.reason;
        throw err;
      }
      return 'accepted';
    };

    const tampered = Buffer.from(
      rawBody.toString('utf8').replace(/"spamFlagged":(true|false)/, '"spamFlagged":true,"x":1'),
    );
    expect(reasonOf(() => h.provider.parseCallStatusWebhook({ headers, rawBody: tampered }))).toBe(
      'mismatch',
    );
    const later = new Date(Date.now() + 301_000);
    expect(reasonOf(() => h.provider.parseCallStatusWebhook({ headers, rawBody, now: later }))).toBe(
      'expired',
    );
    const { 'x-sim-signature': _dropped, ...unsigned } = headers;
    expect(reasonOf(() => h.provider.parseCallStatusWebhook({ headers: unsigned, rawBody }))).toBe('missing');
    const garbled = { ...headers, 'x-sim-signature': 'v1=abc' };
    expect(reasonOf(() => h.provider.parseCallStatusWebhook({ headers: garbled, rawBody }))).toBe(
      'malformed',
    );
    expect(reasonOf(() => h.provider.parseCallStatusWebhook({ headers, rawBody }))).toBe('accepted');
  });
});
