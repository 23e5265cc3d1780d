import { createLogger } from '@engine/config';
import { afterEach, describe, expect, it } from 'vitest';
import { startCarrierSim } from '../src';
import type { SimHarness } from './support/sim-harness';
import { startHarness } from './support/sim-harness';

describe('configuration, reset, close and the ledger cap', () => {
  let h: SimHarness;
  afterEach(async () => {
    await h.close();
  });

  it('PUT /sim/config merges a patch; DELETE restores the startup configuration', async () => {
    h = await startHarness({ seed: 5, timeScale: 0.5 });
    const put = await h.http('/sim/config', {
      method: 'PUT',
      body: {
        faults: { dropCallbackRate: 0.5 },
        byDid: { '+14155550100': 'bad', '+14155550101': { spamFlagRate: 1 } },
      },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      seed: 5,
      timeScale: 0.5,
      faults: { dropCallbackRate: 0.5, originateErrorRate: 0 },
    });
    expect(put.json.byDid['+14155550100'].weights.no_answer).toBeGreaterThan(0.5);

    const removed = await h.http('/sim/config', {
      method: 'PATCH',
      body: { byDid: { '+14155550100': null }, seed: null },
    });
    expect(Object.keys(removed.json.byDid)).toEqual(['+14155550101']);
    expect(removed.json.seed).toBeUndefined();

    const restored = (await h.http('/sim/config', { method: 'DELETE' })).json;
    expect(restored).toMatchObject({ seed: 5, timeScale: 0.5, byDid: {}, faults: { dropCallbackRate: 0 } });
    expect((await h.http('/sim/config')).json).toEqual(restored);
  });

  it('reset clears the ledger and abandons calls in progress: their webhooks never come', async () => {
    h = await startHarness({ timeScale: 0.1 }); // ring 200 ms
    await h.provider.originate(h.request('l-1'));
    expect((await h.http('/sim/health')).json).toMatchObject({ status: 'ok', calls: 1, inFlight: 1 });
    expect((await h.http('/sim/reset', { method: 'POST' })).status).toBe(200);
    expect((await h.http('/sim/calls')).json.calls).toEqual([]);
    expect((await h.http('/sim/calls/summary')).json).toMatchObject({ total: 0, inFlight: 0 });
    expect(await h.provider.lookupCall('l-1')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(h.receiver.received).toHaveLength(0);
    expect((await h.http('/sim/health')).json.pendingTimers).toBe(0);
  });

  it('close() cancels pending timers and resolves with a keep-alive connection open', async () => {
    h = await startHarness({ timeScale: 1 }); // a real-time call: minutes of timers
    await h.provider.originate(h.request('l-2'));
    expect(h.sim.simulator.timers.pending).toBeGreaterThan(0);
    await h.sim.close();
    expect(h.sim.simulator.timers.pending).toBe(0);
  });

  it('caps the ledger, keeping the newest entries and counting everything', async () => {
    const sim = await startCarrierSim({ ledgerCapacity: 3, logger: createLogger('carrier-sim', 'silent') });
    h = await startHarness();
    try {
      for (let i = 0; i < 5; i += 1) {
        sim.simulator.calls.originate({ ...h.request(`cap-${i}`), callbackUrl: `${h.receiver.url}/cb` });
      }
      const listed = sim.ledger.listCalls().map((c) => c.attemptId);
      expect(listed).toEqual(['cap-2', 'cap-3', 'cap-4']);
      expect(sim.ledger.callSummary(0)).toMatchObject({ total: 5, uniqueAttempts: 5, evicted: 2 });
    } finally {
      await sim.close();
    }
  });
});
