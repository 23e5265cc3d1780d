import { describe, expect, it } from 'vitest';
import type { HealthPolicy } from '../../src/health';
import {
  assertValidHealthPolicy,
  computeHealthScore,
  DEFAULT_HEALTH_POLICY,
  healthVerdict,
  InvalidHealthPolicyError,
  InvalidHealthScoreError,
  isSelectableByHealth,
} from '../../src/health';
import { calls } from './calls';

describe('DEFAULT_HEALTH_POLICY', () => {
  it('holds the design numbers', () => {
    expect(DEFAULT_HEALTH_POLICY).toMatchObject({
      thresholds: { ok: 0.8, warning: 0.7, cooldown: 0.5 },
      windowSize: 50,
      minCalls: 10,
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

describe('healthVerdict: bands (enough calls)', () => {
  it.each([
    [1, 'ok'],
    [0.8, 'ok'],
    [0.7999, 'warning'],
    [0.7, 'warning'],
    [0.6999, 'cooldown'],
    [0.5, 'cooldown'],
    [0.4999, 'burned'],
    [0, 'burned'],
  ] as const)('score %s -> %s', (score, verdict) => {
    expect(healthVerdict(score, 50)).toEqual({ verdict, insufficientData: false });
  });

  it('uses configured thresholds', () => {
    const policy: HealthPolicy = {
      ...DEFAULT_HEALTH_POLICY,
      thresholds: { ok: 0.9, warning: 0.6, cooldown: 0.3 },
    };
    expect(healthVerdict(0.85, 50, policy).verdict).toBe('warning');
    expect(healthVerdict(0.6, 50, policy).verdict).toBe('warning');
    expect(healthVerdict(0.5999, 50, policy).verdict).toBe('cooldown');
    expect(healthVerdict(0.3, 50, policy).verdict).toBe('cooldown');
    expect(healthVerdict(0.2999, 50, policy).verdict).toBe('burned');
  });
});

describe('healthVerdict: minimum calls', () => {
  it('never cools down or burns on fewer than 10 calls: 9 bad calls give a warning', () => {
    const nineBad = computeHealthScore(calls(9, 'no_answer', 0, true));
    expect(nineBad).toMatchObject({ score: 0, sampleSize: 9 });
    expect(healthVerdict(nineBad.score, nineBad.sampleSize)).toEqual({
      verdict: 'warning',
      insufficientData: true,
    });
  });

  it('burns on the 10th bad call', () => {
    const tenBad = computeHealthScore(calls(10, 'no_answer', 0, true));
    expect(healthVerdict(tenBad.score, tenBad.sampleSize)).toEqual({
      verdict: 'burned',
      insufficientData: false,
    });
  });

  it('caps a cooldown-band score at warning below 10 calls and cools it down at 10', () => {
    expect(healthVerdict(0.6, 9)).toEqual({ verdict: 'warning', insufficientData: true });
    expect(healthVerdict(0.6, 10)).toEqual({ verdict: 'cooldown', insufficientData: false });
  });

  it('keeps ok and warning as they are, but flags the thin data', () => {
    expect(healthVerdict(1, 0)).toEqual({ verdict: 'ok', insufficientData: true });
    expect(healthVerdict(0.9, 3)).toEqual({ verdict: 'ok', insufficientData: true });
    expect(healthVerdict(0.75, 3)).toEqual({ verdict: 'warning', insufficientData: true });
  });

  it('uses the configured minimum', () => {
    const policy: HealthPolicy = { ...DEFAULT_HEALTH_POLICY, minCalls: 3 };
    expect(healthVerdict(0.1, 3, policy)).toEqual({ verdict: 'burned', insufficientData: false });
    expect(healthVerdict(0.1, 2, policy)).toEqual({ verdict: 'warning', insufficientData: true });
  });

  it('judges a full computed window end to end', () => {
    const atHalf = computeHealthScore([
      ...calls(2, 'human_connected', 60, true),
      ...calls(4, 'voicemail', 0),
      ...calls(4, 'no_answer'),
    ]);
    expect(healthVerdict(atHalf.score, atHalf.sampleSize).verdict).toBe('cooldown');
    const atWarning = computeHealthScore([
      ...calls(2, 'human_connected', 60, true),
      ...calls(1, 'human_connected', 60),
      ...calls(3, 'voicemail', 60),
      ...calls(4, 'no_answer'),
    ]);
    expect(atWarning.score).toBe(0.7);
    expect(healthVerdict(atWarning.score, atWarning.sampleSize).verdict).toBe('warning');
  });
});

describe('healthVerdict: bad input', () => {
  it.each([Number.NaN, -0.01, 1.01, Number.POSITIVE_INFINITY])(
    'rejects score %s rather than burning',
    (score) => {
      expect(() => healthVerdict(score, 50)).toThrow(InvalidHealthScoreError);
    },
  );

  it.each([-1, 2.5, Number.NaN])('rejects sample size %s', (sampleSize) => {
    expect(() => healthVerdict(0.9, sampleSize)).toThrow(
      expect.objectContaining({ code: 'INVALID_HEALTH_SCORE' }),
    );
  });

  it('rejects thresholds out of order', () => {
    const policy: HealthPolicy = {
      ...DEFAULT_HEALTH_POLICY,
      thresholds: { ok: 0.7, warning: 0.8, cooldown: 0.5 },
    };
    expect(() => healthVerdict(0.9, 50, policy)).toThrow(InvalidHealthPolicyError);
  });

  it.each([
    ['minCalls', { minCalls: -1 }],
    ['cooldownMs', { cooldownMs: 0 }],
    ['selectionThreshold', { selectionThreshold: 1.5 }],
    ['windowSize', { windowSize: 0 }],
  ] as const)('rejects a bad %s', (field, override) => {
    expect(() => assertValidHealthPolicy({ ...DEFAULT_HEALTH_POLICY, ...override })).toThrow(field);
  });
});

describe('isSelectableByHealth', () => {
  it('selects from the selection threshold (0.7) up', () => {
    expect(isSelectableByHealth({ score: 0.7, sampleSize: 50 })).toBe(true);
    expect(isSelectableByHealth({ score: 0.6999, sampleSize: 50 })).toBe(false);
  });

  it('keeps a DID with too few calls selectable, so it can earn a real verdict', () => {
    expect(isSelectableByHealth({ score: 0.1, sampleSize: 9 })).toBe(true);
    expect(isSelectableByHealth({ score: 0.1, sampleSize: 10 })).toBe(false);
  });

  it('uses the configured threshold', () => {
    const policy: HealthPolicy = { ...DEFAULT_HEALTH_POLICY, selectionThreshold: 0.9 };
    expect(isSelectableByHealth({ score: 0.85, sampleSize: 50 }, policy)).toBe(false);
  });
});
