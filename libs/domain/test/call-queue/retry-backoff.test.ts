import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DefaultCallBackoff, retryDelayMs, unitFromKey } from '@engine/domain';

describe('retry backoff', () => {
  it('doubles from 60 s up to the hour cap without jitter at the middle draw', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(DefaultCallBackoff, n, 0.5) / 1000)).toEqual([
      60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
  });

  it('stays within ±jitter of the nominal delay for any draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const nominal = Math.min(3600, 60 * 2 ** (n - 1)) * 1000;
        const d = retryDelayMs(DefaultCallBackoff, n, u);
        return d >= Math.floor(nominal * 0.8) && d <= Math.ceil(nominal * 1.2);
      }),
    );
  });

  it('grows from one attempt to the next whatever the two draws, until the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, u1, u2) => retryDelayMs(DefaultCallBackoff, n + 1, u2) > retryDelayMs(DefaultCallBackoff, n, u1),
      ),
    );
  });

  it('draws the same jitter for the same key, spread over [0, 1) across keys', () => {
    expect(unitFromKey('attempt-1')).toBe(unitFromKey('attempt-1'));
    const draws = Array.from({ length: 2000 }, (_, i) => unitFromKey(`attempt-${i}`));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    const lowHalf = draws.filter((d) => d < 0.5).length / draws.length;
    expect(lowHalf).toBeGreaterThan(0.45);
    expect(lowHalf).toBeLessThan(0.55);
  });
});
