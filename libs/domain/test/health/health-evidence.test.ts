import {
  DEFAULT_PROFILE,
  drawCallScript,
  mulberry32,
  overlayProfile,
  ProfilePresets,
} from '@engine/carrier-sim';
import { describe, expect, it } from 'vitest';
import type { ScoredCall } from '../../src/health';
import {
  computeHealthScore,
  DEFAULT_HEALTH_POLICY,
  healthEvidence,
  healthStandardError,
  InvalidHealthPolicyError,
} from '../../src/health';
import { calls } from './calls';

describe('healthStandardError against the real spread of the score', () => {
  // The carrier simulator's mixes: healthy (~0.83), mediocre (~0.6) and bad (~0.2).
  const mixes = ['default', 'mediocre', 'bad'] as const;
  const SAMPLES = 4000;

  it.each(mixes.flatMap((mix) => [10, 20, 50].map((n) => [mix, n] as const)))(
    '%s mix, %i calls: the SE matches the SD of the score over seeded samples',
    (mix, n) => {
      const profile = overlayProfile(DEFAULT_PROFILE, ProfilePresets[mix]);
      const random = mulberry32(n * 1000 + mix.length);
      const scores: number[] = [];
      let sumOfSquaredErrors = 0;
      for (let k = 0; k < SAMPLES; k++) {
        const window = Array.from({ length: n }, () => drawCallScript(profile, random));
        scores.push(computeHealthScore(window).score);
        sumOfSquaredErrors += healthStandardError(window) ** 2;
      }
      const mean = scores.reduce((a, b) => a + b, 0) / SAMPLES;
      const empiricalSd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / (SAMPLES - 1));
      const typicalSe = Math.sqrt(sumOfSquaredErrors / SAMPLES);
      // The delta method is a large-sample approximation: looser at 10 calls than at 50.
      const tolerance = n === 10 ? 0.15 : 0.1;
      expect(Math.abs(typicalSe / empiricalSd - 1)).toBeLessThan(tolerance);
    },
  );
});

describe('healthStandardError by hand', () => {
  it('adds up the per-call influences: 5 long conversations and 5 spam-flagged no-answers', () => {
    // A = 0.5, H = 1, talk capped (no duration term), NA = 0.5, SP = 0.5. Influence of a
    // conversation: 0.3 x 0.5 + 0.15 x 0.5 + 0.1 x 0.5 = 0.275; of a no-answer: -0.275.
    const mix = [...calls(5, 'human_connected', 90), ...calls(5, 'no_answer', 0, true)];
    expect(healthStandardError(mix)).toBeCloseTo(Math.sqrt(10 * 0.275 ** 2) / 10, 10);
  });

  it('counts talk time while the mean is under 60 s', () => {
    // Two conversations of 0 and 60 s: A = 1, H = 1, M = 0.5. Influence: +/- 0.25 x 0.5 = 0.125;
    // SE = sqrt(2 x 0.125^2) / 2 = 0.0884, under the floor 0.25 / sqrt(2) = 0.1768.
    const pair = [...calls(1, 'human_connected', 0), ...calls(1, 'human_connected', 60)];
    expect(healthStandardError(pair)).toBeCloseTo(0.25 / Math.sqrt(2), 10);
    expect(healthStandardError(pair, { ...DEFAULT_HEALTH_POLICY, seFloor: 0.01 })).toBeCloseTo(
      Math.sqrt(2 * 0.125 ** 2) / 2,
      10,
    );
  });

  it.each([
    ['10 no-answers', calls(10, 'no_answer')],
    ['10 spam-flagged no-answers', calls(10, 'no_answer', 0, true)],
    ['50 long conversations', calls(50, 'human_connected', 120)],
  ] as const)('gives a uniform-looking sample (%s) the floor 0.25 / sqrt(n), not 0', (_name, sample) => {
    expect(healthStandardError(sample)).toBe(0.25 / Math.sqrt(sample.length));
  });

  it('looks at the window only', () => {
    const window: ScoredCall[] = [...calls(25, 'human_connected', 30), ...calls(25, 'no_answer')];
    expect(healthStandardError([...window, ...calls(30, 'busy')])).toBe(healthStandardError(window));
  });

  it('rejects a bad policy', () => {
    expect(() => healthStandardError([], { ...DEFAULT_HEALTH_POLICY, seFloor: -1 })).toThrow(
      InvalidHealthPolicyError,
    );
  });
});

describe('healthEvidence', () => {
  it('knows nothing about a new DID: score 1, bounds 0 and 1', () => {
    expect(healthEvidence([])).toMatchObject({
      score: 1,
      sampleSize: 0,
      standardError: Number.POSITIVE_INFINITY,
      upperBound: 1,
      lowerBound: 0,
    });
  });

  it('puts the bounds z standard errors either side of the score, rounded like it', () => {
    const mix = [...calls(5, 'human_connected', 90), ...calls(5, 'no_answer', 0, true)];
    const evidence = healthEvidence(mix);
    const se = Math.sqrt(10 * 0.275 ** 2) / 10;
    expect(evidence).toMatchObject(computeHealthScore(mix));
    expect(evidence.score).toBe(0.725);
    expect(evidence.standardError).toBeCloseTo(se, 12);
    expect(evidence.upperBound).toBe(Math.round((0.725 + 2.326 * se) * 10_000) / 10_000);
    expect(evidence.lowerBound).toBe(Math.round((0.725 - 2.326 * se) * 10_000) / 10_000);
    expect([evidence.lowerBound, evidence.upperBound]).toEqual([0.5227, 0.9273]);
  });

  it('clamps the bounds to [0, 1]', () => {
    expect(healthEvidence(calls(3, 'human_connected', 90))).toMatchObject({ score: 1, upperBound: 1 });
    expect(healthEvidence(calls(3, 'no_answer', 0, true))).toMatchObject({ score: 0, lowerBound: 0 });
  });
});
