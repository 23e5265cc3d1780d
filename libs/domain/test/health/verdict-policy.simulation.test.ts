import type { ProfilePresetName } from '@engine/carrier-sim';
import { DEFAULT_PROFILE, mulberry32, overlayProfile, ProfilePresets } from '@engine/carrier-sim';
import type { SimulatedDidLife } from '@engine/test-stack';
import { currentHealthJudge, simulateDidLife } from '@engine/test-stack';
import { describe, expect, it } from 'vitest';

/**
 * The verdict policy in the engine's loop (see `simulateDidLife`): calls drawn with the carrier
 * simulator's own presets, judged after every outcome, 3 calls in flight, cooled DIDs coming
 * back with `score_since` reset. Seeded, so a failure reproduces.
 */
function lives(
  preset: ProfilePresetName,
  count: number,
  maxPlaced: number,
  seed: number,
): SimulatedDidLife[] {
  const profile = overlayProfile(DEFAULT_PROFILE, ProfilePresets[preset]);
  const judge = currentHealthJudge();
  return Array.from({ length: count }, (_, i) =>
    simulateDidLife({ profile, random: mulberry32(seed + i), judge, maxPlaced }),
  );
}

// Seconds of pure computation (a million verdicts); the bound only guards a loaded machine.
const SLOW = 60_000;

describe('DID health verdicts, simulated (worst case: judged after every outcome)', () => {
  it(
    'cools fewer than 1 % of 2,000 healthy DIDs (default mix, ~0.83) within 500 calls, and burns none',
    () => {
      const healthy = lives('default', 2000, 500, 1_000_000);
      const cooled = healthy.filter((l) => l.firstCooledAfter !== null).length;
      expect(healthy.every((l) => l.placed === 500)).toBe(true);
      expect(cooled / healthy.length).toBeLessThan(0.01);
      expect(healthy.filter((l) => l.burnedAfter !== null)).toEqual([]);
    },
    SLOW,
  );

  it(
    'takes every bad DID (~0.2) out of rotation within 25 placed calls',
    () => {
      const bad = lives('bad', 1000, 200, 2_000_000);
      const after = bad.map((l) => l.leftRotationAfter ?? Number.POSITIVE_INFINITY);
      expect(Math.max(...after)).toBeLessThanOrEqual(25);
    },
    SLOW,
  );

  it(
    'cools every mediocre DID (~0.6) within 500 calls, again and again, and never burns one',
    () => {
      const mediocre = lives('mediocre', 200, 1000, 3_000_000);
      const firstCooled = mediocre.map((l) => l.firstCooledAfter ?? Number.POSITIVE_INFINITY);
      expect(Math.max(...firstCooled)).toBeLessThanOrEqual(500);
      // Several cooldown cycles each: the calls before a cooldown never burn it afterwards.
      expect(Math.min(...mediocre.map((l) => l.cooldowns))).toBeGreaterThanOrEqual(3);
      expect(mediocre.filter((l) => l.burnedAfter !== null)).toEqual([]);
    },
    SLOW,
  );
});
