import { describe, expect, it } from 'vitest';
import type { HealthPolicy, HealthSample, TimedScoredCall } from '../../src/health';
import {
  assertValidHealthPolicy,
  assessDidHealth,
  DEFAULT_HEALTH_POLICY,
  healthVerdict,
  InvalidHealthPolicyError,
  InvalidHealthScoreError,
  isSelectableByHealth,
} from '../../src/health';
import { calls } from './calls';

/** A window summary; `standardError` 0.05 gives an upper bound 0.1163 above the score at z 2.326. */
const sample = (score: number, sampleSize = 50, standardError = 0.05): HealthSample => ({
  score,
  sampleSize,
  standardError,
});

/** Calls one second apart ending at `end`, newest first, as the engine's query returns them. */
function timed(list: ReturnType<typeof calls>, end: Date): TimedScoredCall[] {
  return list.map((call, i) => ({ ...call, at: new Date(end.getTime() - i * 1000) }));
}

describe('DEFAULT_HEALTH_POLICY', () => {
  it('holds the design numbers', () => {
    expect(DEFAULT_HEALTH_POLICY).toMatchObject({
      thresholds: { ok: 0.8, warning: 0.7, cooldown: 0.5 },
      windowSize: 50,
      minCalls: 10,
      minBurnCalls: 20,
      z: 2.326,
      burnZ: 3.719,
      seFloor: 0.25,
      cooldownMs: 2 * 60 * 60 * 1000,
      selectionThreshold: 0.7,
    });
    expect(() => assertValidHealthPolicy(DEFAULT_HEALTH_POLICY)).not.toThrow();
  });

  it('is frozen, so no caller can change it for everybody', () => {
    expect(Object.isFrozen(DEFAULT_HEALTH_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_HEALTH_POLICY.thresholds)).toBe(true);
    expect(Object.isFrozen(DEFAULT_HEALTH_POLICY.weights)).toBe(true);
  });
});

describe('healthVerdict: the upper bound against the lines', () => {
  it.each([
    // score + 2.326 x 0.05 = score + 0.1163
    [0.6837, 'ok'], // bound exactly 0.8: not under the ok line
    [0.6836, 'warning'],
    [0.5837, 'warning'], // bound exactly 0.7: not under the cooldown line
    [0.5836, 'cooldown'],
    [0, 'cooldown'], // recent has too little evidence for a burn here (see below)
  ] as const)('score %s with SE 0.05 over 50 calls -> %s', (score, verdict) => {
    const fresh = sample(score);
    expect(healthVerdict(fresh, sample(score, 50, 0.2))).toBe(verdict);
  });

  it('keeps a point score under a line in rotation while the evidence is thin', () => {
    // 0.65 is in the old cooldown band, but with SE 0.084 (10 calls) it may well be a 0.8 DID.
    expect(healthVerdict(sample(0.65, 10, 0.084), sample(0.65, 10, 0.084))).toBe('ok');
    // The same score on 50 calls (SE 0.04) is confidently under 0.8, not under 0.7.
    expect(healthVerdict(sample(0.65, 50, 0.04), sample(0.65, 50, 0.04))).toBe('warning');
  });

  it('uses the configured lines and confidence', () => {
    const policy: HealthPolicy = {
      ...DEFAULT_HEALTH_POLICY,
      thresholds: { ok: 0.9, warning: 0.6, cooldown: 0.3 },
      z: 1,
    };
    expect(healthVerdict(sample(0.84), sample(0.84), policy)).toBe('warning');
    expect(healthVerdict(sample(0.85), sample(0.85), policy)).toBe('ok');
    expect(healthVerdict(sample(0.5499), sample(0.5499), policy)).toBe('cooldown');
  });
});

describe('healthVerdict: unrated below the minimum of fresh calls', () => {
  it('leaves 9 fresh calls unrated however bad, and judges the 10th', () => {
    const terrible = (n: number) => sample(0, n, 0.25 / Math.sqrt(n));
    expect(healthVerdict(terrible(9), terrible(40))).toBe('unrated');
    expect(healthVerdict(terrible(10), terrible(40))).not.toBe('unrated');
    expect(healthVerdict(sample(1, 9, 0), sample(1, 9, 0))).toBe('unrated');
    expect(healthVerdict(sample(1, 0, Infinity), sample(1, 0, Infinity))).toBe('unrated');
  });

  it('uses the configured minimum', () => {
    const policy: HealthPolicy = { ...DEFAULT_HEALTH_POLICY, minCalls: 3 };
    expect(healthVerdict(sample(0.1, 3), sample(0.1, 3), policy)).toBe('cooldown');
    expect(healthVerdict(sample(0.1, 2), sample(0.1, 2), policy)).toBe('unrated');
  });
});

describe('healthVerdict: burned', () => {
  const cooled = sample(0.3, 12, 0.08); // upper 0.486: a confirmed cooldown

  it('burns a confirmed cooldown when recent calls put the score under 0.5 at 99.99 %', () => {
    // burnZ 3.719 x 0.1 = 0.3719: 0.128 -> 0.4999 burns, 0.1281 -> exactly 0.5 does not.
    expect(healthVerdict(cooled, sample(0.128, 50, 0.1))).toBe('burned');
    expect(healthVerdict(cooled, sample(0.1281, 50, 0.1))).toBe('cooldown');
  });

  it('needs at least 20 recent calls for a burn', () => {
    expect(healthVerdict(cooled, sample(0, 19, 0.06))).toBe('cooldown');
    expect(healthVerdict(cooled, sample(0, 20, 0.06))).toBe('burned');
  });

  it('needs a confirmed cooldown: awful recent calls alone do not burn a DID that does well now', () => {
    const awfulRecent = sample(0.05, 50, 0.04);
    expect(healthVerdict(sample(0.9, 12, 0.07), awfulRecent)).toBe('ok');
    expect(healthVerdict(sample(0.6, 12, 0.08), awfulRecent)).toBe('warning');
    expect(healthVerdict(sample(0.1, 5, 0.1), awfulRecent)).toBe('unrated');
  });
});

describe('assessDidHealth: fresh and recent windows', () => {
  const scoreSince = new Date('2026-03-02T17:00:00Z');
  const stale = (n: number, outcome: Parameters<typeof calls>[1]) =>
    timed(calls(n, outcome, 0, true), new Date(scoreSince.getTime() - 1000));
  const fresh = (list: ReturnType<typeof calls>) =>
    timed(list, new Date(scoreSince.getTime() + list.length * 1000));

  it('does not burn on stale evidence alone: 40 awful calls before the cooldown, 10 passable since', () => {
    const passable = [...calls(5, 'human_hangup', 2), ...calls(5, 'voicemail', 20)];
    const history = [...fresh(passable), ...stale(40, 'no_answer')];
    // Judged on all 50 calls, this DID would burn...
    expect(assessDidHealth(history, null).verdict).toBe('burned');
    // ...but since its cooldown it does not confirm one, so the old calls cannot burn it.
    const result = assessDidHealth(history, scoreSince);
    expect(result.recent.sampleSize).toBe(50);
    expect(result.fresh.sampleSize).toBe(10);
    expect(result.fresh.upperBound).toBeGreaterThanOrEqual(0.7);
    expect(result.verdict).toBe('warning');
  });

  it('is unrated with 9 fresh calls whatever came before', () => {
    expect(
      assessDidHealth([...fresh(calls(9, 'no_answer')), ...stale(40, 'no_answer')], scoreSince).verdict,
    ).toBe('unrated');
  });

  it('burns a DID whose fresh calls confirm the cooldown, using the calls before it as evidence', () => {
    const freshBad = fresh(calls(10, 'no_answer', 0, true));
    expect(assessDidHealth([...freshBad, ...stale(40, 'no_answer')], scoreSince).verdict).toBe('burned');
    // The same 10 fresh calls alone are a cooldown: 10 calls are too few for a burn.
    expect(assessDidHealth(freshBad, scoreSince).verdict).toBe('cooldown');
  });

  it('looks at the last 50 calls only, so fresh is at most 50 too', () => {
    const history = [...fresh(calls(60, 'human_connected', 90)), ...stale(10, 'no_answer')];
    const result = assessDidHealth(history, scoreSince);
    expect([result.fresh.sampleSize, result.recent.sampleSize]).toEqual([50, 50]);
  });

  it('judges every call as fresh without a score_since', () => {
    const result = assessDidHealth(stale(12, 'no_answer'), null);
    expect(result.fresh).toEqual(result.recent);
    expect(result.verdict).toBe('cooldown');
  });
});

describe('healthVerdict: bad input', () => {
  it.each([Number.NaN, -0.01, 1.01, Number.POSITIVE_INFINITY])(
    'rejects score %s rather than burning',
    (score) => {
      expect(() => healthVerdict(sample(score), sample(0.9))).toThrow(InvalidHealthScoreError);
    },
  );

  it.each([-1, 2.5, Number.NaN])('rejects sample size %s', (sampleSize) => {
    expect(() => healthVerdict(sample(0.9), sample(0.9, sampleSize))).toThrow(
      expect.objectContaining({ code: 'INVALID_HEALTH_SCORE' }),
    );
  });

  it.each([-0.01, Number.NaN])('rejects standard error %s', (standardError) => {
    expect(() => healthVerdict(sample(0.9, 50, standardError), sample(0.9))).toThrow(/standardError/);
  });

  it('rejects thresholds out of order', () => {
    const policy: HealthPolicy = {
      ...DEFAULT_HEALTH_POLICY,
      thresholds: { ok: 0.7, warning: 0.8, cooldown: 0.5 },
    };
    expect(() => healthVerdict(sample(0.9), sample(0.9), policy)).toThrow(InvalidHealthPolicyError);
  });
});

describe('assertValidHealthPolicy', () => {
  it.each([
    ['minCalls', { minCalls: 0 }],
    ['minCalls', { minCalls: 2.5 }],
    ['minBurnCalls', { minBurnCalls: 9 }], // below minCalls: a burn on less than a cooldown needs
    ['minBurnCalls', { minBurnCalls: 51 }], // beyond the window: could never fire
    ['z', { z: 0 }],
    ['z', { z: Number.NaN }],
    ['burnZ', { burnZ: 2 }], // below z: a burn on weaker evidence than a cooldown
    ['burnZ', { burnZ: Number.POSITIVE_INFINITY }],
    ['seFloor', { seFloor: 0 }],
    ['seFloor', { seFloor: 1.5 }],
    ['cooldownMs', { cooldownMs: 0 }],
    ['selectionThreshold', { selectionThreshold: 1.5 }],
    ['windowSize', { windowSize: 0 }],
  ] as const)('rejects a bad %s (%o)', (field, override) => {
    const check = () => assertValidHealthPolicy({ ...DEFAULT_HEALTH_POLICY, ...override });
    expect(check).toThrow(InvalidHealthPolicyError);
    expect(check).toThrow(field);
    expect(check).toThrow(expect.objectContaining({ code: 'INVALID_HEALTH_POLICY' }));
  });

  it('accepts a policy that tightens or loosens the numbers within range', () => {
    expect(() =>
      assertValidHealthPolicy({
        ...DEFAULT_HEALTH_POLICY,
        minCalls: 20,
        minBurnCalls: 20,
        z: 1.645,
        burnZ: 1.645,
      }),
    ).not.toThrow();
  });

  it('checks a policy that is not frozen on every call (it may have changed since)', () => {
    const policy: { -readonly [K in keyof HealthPolicy]: HealthPolicy[K] } = {
      ...DEFAULT_HEALTH_POLICY,
      z: 2,
    };
    expect(() => assertValidHealthPolicy(policy)).not.toThrow();
    policy.z = -1;
    expect(() => assertValidHealthPolicy(policy)).toThrow('z');
  });
});

describe('isSelectableByHealth', () => {
  it('selects while the upper bound is at or above the selection threshold (0.7)', () => {
    expect(isSelectableByHealth({ upperBound: 0.7, sampleSize: 50 })).toBe(true);
    expect(isSelectableByHealth({ upperBound: 0.6999, sampleSize: 50 })).toBe(false);
  });

  it('keeps a DID with too few calls selectable, so it can earn a real verdict', () => {
    expect(isSelectableByHealth({ upperBound: 0.1, sampleSize: 9 })).toBe(true);
    expect(isSelectableByHealth({ upperBound: 0.1, sampleSize: 10 })).toBe(false);
  });

  it("uses the campaign's minimum score, else the policy's threshold", () => {
    expect(isSelectableByHealth({ upperBound: 0.85, sampleSize: 50 }, DEFAULT_HEALTH_POLICY, 0.9)).toBe(
      false,
    );
    const policy: HealthPolicy = { ...DEFAULT_HEALTH_POLICY, selectionThreshold: 0.9 };
    expect(isSelectableByHealth({ upperBound: 0.85, sampleSize: 50 }, policy)).toBe(false);
    expect(isSelectableByHealth({ upperBound: 0.85, sampleSize: 50 }, policy, 0.5)).toBe(true);
  });
});
