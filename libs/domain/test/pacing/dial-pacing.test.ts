import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dialAllowance, dialPacing, InvalidDialRateError, nextTickAt } from '../../src/pacing';

/** Simulates a paced run: a tick every tickMs, each dialing its allowance after `latencyMs`. */
function simulate(cps: number, seconds: number, latencyMs = 0): number {
  const pacing = dialPacing(cps);
  const anchor = 0;
  let dialed = 0;
  let tick = 0;
  while (tick <= seconds * 1000) {
    dialed += dialAllowance(pacing, anchor, dialed, tick + latencyMs);
    tick = nextTickAt(pacing, tick, tick + latencyMs);
  }
  return dialed;
}

describe('dial pacing', () => {
  it.each([
    [1, 1000, 1],
    [10, 1000, 10],
    [50, 1000, 50],
    [0.2, 5000, 1],
    [2.5, 1000, 3],
  ])('cps %s ticks every %s ms with batches of %s', (cps, tickMs, batch) => {
    const p = dialPacing(cps);
    expect(p.tickMs).toBe(tickMs);
    expect(p.batchSize).toBe(batch);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => dialPacing(0)).toThrow(InvalidDialRateError);
    expect(() => dialPacing(Number.NaN)).toThrow(/calls_per_second/);
  });

  it.each([1, 10, 50, 0.2, 2.5, 7.3])('achieves %s calls a second over 60 s within one batch', (cps) => {
    const dialed = simulate(cps, 60);
    expect(Math.abs(dialed - cps * 60)).toBeLessThanOrEqual(dialPacing(cps).batchSize);
  });

  it('is not slowed by activity latency below a tick', () => {
    expect(simulate(10, 60, 400)).toBeGreaterThanOrEqual(600);
  });

  it('never lets one tick exceed maxBatch, however long it was idle', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (cps, now) => {
          const p = dialPacing(cps);
          const allowed = dialAllowance(p, 0, 0, now);
          return allowed >= 0 && allowed <= p.maxBatch;
        },
      ),
    );
  });

  it('never allows more than earned since the anchor', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.nat(1000),
        (cps, now, dialed) => {
          const p = dialPacing(cps);
          return (
            dialed + dialAllowance(p, 0, dialed, now) <=
            Math.max(dialed, Math.floor((cps * now) / 1000 + 1e-9))
          );
        },
      ),
    );
  });

  it('schedules the next tick one interval later, skipping missed ones', () => {
    const p = dialPacing(10);
    expect(nextTickAt(p, 5000, 5200)).toBe(6000);
    expect(nextTickAt(p, 5000, 7300)).toBe(8000);
  });
});
