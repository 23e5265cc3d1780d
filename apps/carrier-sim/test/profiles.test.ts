import type { ScoredCall } from '@engine/domain';
import { computeHealthScore } from '@engine/domain';
import type { CallStatusUpdate } from '@engine/providers';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimHarness } from './support/sim-harness';
import { startHarness } from './support/sim-harness';

const BAD_DID = '+13125550666';
const GOOD_DID = '+13125550777';
const MEDIOCRE_DID = '+13125550555';

/** Originates `n` calls from `from` and returns their parsed webhooks, in attempt order. */
async function placeCalls(
  h: SimHarness,
  n: number,
  from: string,
  prefix: string,
): Promise<CallStatusUpdate[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  for (const attemptId of ids) await h.provider.originate(h.request(attemptId, { from }));
  const mine = (w: { json: unknown }) => (w.json as { attemptId: string }).attemptId.startsWith(`${prefix}-`);
  const webhooks = await h.receiver.waitFor(n, 10_000, mine);
  const byAttempt = new Map(
    webhooks.map((w) => {
      const update = h.provider.parseCallStatusWebhook({ headers: w.headers, rawBody: w.rawBody });
      return [update.attemptId, update] as const;
    }),
  );
  return ids.map((id) => byAttempt.get(id)!);
}

const count = (updates: CallStatusUpdate[], pred: (u: CallStatusUpdate) => boolean) =>
  updates.filter(pred).length;

/** The domain's health score over consecutive 50-call windows, averaged. */
function meanHealth(updates: CallStatusUpdate[]): number {
  const scores: number[] = [];
  for (let i = 0; i + 50 <= updates.length; i += 50) {
    const window: ScoredCall[] = updates.slice(i, i + 50);
    scores.push(computeHealthScore(window).score);
  }
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** These place hundreds of calls through the simulator: on a loaded 2-core machine 5 s is too short. */
const MANY_CALLS_TIMEOUT_MS = 30_000;
describe('outcome profiles', () => {
  let h: SimHarness;
  afterEach(async () => {
    await h.close();
  });

  it(
    'a bad DID yields mostly no_answer and spam labels, and a burned health score, over 200 calls',
    async () => {
      h = await startHarness({
        timeScale: 0.0001,
        seed: 2024,
        byDid: { [BAD_DID]: 'bad', [GOOD_DID]: 'good' },
      });
      const bad = await placeCalls(h, 200, BAD_DID, 'bad');
      const noAnswer = count(bad, (u) => u.outcome === 'no_answer');
      const spam = count(bad, (u) => u.spamFlagged);
      expect(noAnswer).toBeGreaterThan(120);
      expect(spam).toBeGreaterThan(90);
      expect(count(bad, (u) => u.outcome === 'no_answer' || u.spamFlagged)).toBeGreaterThan(160);
      expect(meanHealth(bad)).toBeLessThan(0.5);

      // Other DIDs on the same simulator are unaffected by the bad DID's profile.
      const good = await placeCalls(h, 100, GOOD_DID, 'good');
      expect(meanHealth(good)).toBeGreaterThan(0.8);

      const summary = (await h.http('/sim/calls/summary')).json;
      expect(summary.byFrom[BAD_DID]).toMatchObject({ completed: 200, spamFlagged: spam });
      expect(summary.byFrom[BAD_DID].byOutcome.no_answer).toBe(noAnswer);
    },
    MANY_CALLS_TIMEOUT_MS,
  );

  it(
    'a mediocre DID scores about 0.6: under the 0.7 cooldown line, above the 0.5 burn line',
    async () => {
      h = await startHarness({ timeScale: 0.0001, seed: 606, byDid: { [MEDIOCRE_DID]: 'mediocre' } });
      const mediocre = await placeCalls(h, 300, MEDIOCRE_DID, 'mediocre');
      expect(meanHealth(mediocre)).toBeGreaterThan(0.55);
      expect(meanHealth(mediocre)).toBeLessThan(0.66);
      // The preset name is accepted by the configuration API too, and resolves to the same profile.
      const put = await h.http('/sim/config', { method: 'PUT', body: { byDid: { [GOOD_DID]: 'mediocre' } } });
      expect(put.status).toBe(200);
      expect(put.json.byDid[GOOD_DID]).toEqual(put.json.byDid[MEDIOCRE_DID]);
    },
    MANY_CALLS_TIMEOUT_MS,
  );

  it(
    'the default profile keeps a DID healthy',
    async () => {
      h = await startHarness({ timeScale: 0.0001, seed: 99 });
      const calls = await placeCalls(h, 200, '+13125550100', 'default');
      expect(meanHealth(calls)).toBeGreaterThan(0.75);
      expect(count(calls, (u) => u.outcome === 'human_connected')).toBeGreaterThan(80);
    },
    MANY_CALLS_TIMEOUT_MS,
  );

  it(
    'is reproducible: the same seed gives each attempt the same outcome, whatever the order',
    async () => {
      h = await startHarness({ timeScale: 0.0001, seed: 'repro' });
      const first = await placeCalls(h, 40, '+13125550100', 'r');
      h.sim.reset();
      h.receiver.received.length = 0;
      // Same attempt ids, placed in reverse order.
      for (let i = 39; i >= 0; i -= 1)
        await h.provider.originate(h.request(`r-${i}`, { from: '+13125550100' }));
      const again = await h.receiver.waitFor(40, 10_000);
      const outcomeOf = new Map(again.map((w) => [(w.json as { attemptId: string }).attemptId, w.json]));
      for (const update of first) {
        expect(outcomeOf.get(update.attemptId)).toMatchObject({
          outcome: update.outcome,
          durationSeconds: update.durationSeconds,
          spamFlagged: update.spamFlagged,
        });
      }
    },
    MANY_CALLS_TIMEOUT_MS,
  );

  it('applies area-code profiles to callees, with the DID profile taking precedence', async () => {
    h = await startHarness({
      seed: 1,
      defaults: { weights: { human_connected: 1 } },
      byAreaCode: { '646': { weights: { busy: 1 } } },
      byDid: { [BAD_DID]: { weights: { failed: 1 } } },
    });
    await h.provider.originate(h.request('ac-1', { to: '+16465550100' }));
    await h.provider.originate(h.request('ac-2', { to: '+14155550100' }));
    await h.provider.originate(h.request('ac-3', { to: '+16465550100', from: BAD_DID }));
    const webhooks = await h.receiver.waitFor(3);
    const outcome = (id: string) =>
      (webhooks.find((w) => (w.json as { attemptId: string }).attemptId === id)!.json as { outcome: string })
        .outcome;
    expect(outcome('ac-1')).toBe('busy');
    expect(outcome('ac-2')).toBe('human_connected');
    expect(outcome('ac-3')).toBe('failed');
  });
});
