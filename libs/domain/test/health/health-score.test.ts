import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoredCall } from '../../src/health';
import {
  CallOutcomes,
  computeHealthScore,
  DEFAULT_HEALTH_POLICY,
  DEFAULT_HEALTH_WEIGHTS,
  InvalidHealthPolicyError,
  isAnswered,
} from '../../src/health';
import { calls } from './calls';

describe('computeHealthScore: components in isolation', () => {
  it('scores a new DID (no calls) 1.0 with every component at 1', () => {
    expect(computeHealthScore([])).toEqual({
      score: 1,
      components: { answerRate: 1, durationScore: 1, humanEngagement: 1, noAnswerScore: 1, spamScore: 1 },
      sampleSize: 0,
    });
  });

  it('scores all human_connected calls of 60 s without spam 1.0', () => {
    const result = computeHealthScore(calls(20, 'human_connected', 60));
    expect(result.score).toBe(1);
    expect(result.components).toEqual({
      answerRate: 1,
      durationScore: 1,
      humanEngagement: 1,
      noAnswerScore: 1,
      spamScore: 1,
    });
    expect(result.sampleSize).toBe(20);
  });

  it('scores all no_answer calls without spam 0.10 (only the spam component is left)', () => {
    const result = computeHealthScore(calls(20, 'no_answer'));
    expect(result.components).toEqual({
      answerRate: 0,
      durationScore: 0,
      humanEngagement: 0,
      noAnswerScore: 0,
      spamScore: 1,
    });
    expect(result.score).toBe(0.1);
  });

  it('answerRate counts human_connected, human_hangup and voicemail as answered', () => {
    const mix = [
      ...calls(1, 'human_connected', 60),
      ...calls(1, 'human_hangup', 60),
      ...calls(1, 'voicemail', 60),
      ...calls(1, 'no_answer'),
      ...calls(1, 'busy'),
      ...calls(1, 'failed'),
    ];
    expect(computeHealthScore(mix).components.answerRate).toBe(0.5);
  });

  it('durationScore is the mean talk time of answered calls over 60 s', () => {
    const { components } = computeHealthScore([
      ...calls(1, 'human_connected', 30),
      ...calls(1, 'voicemail', 0),
    ]);
    expect(components.durationScore).toBe(0.25); // mean 15 s
  });

  it('durationScore ignores the ring time of unanswered calls', () => {
    const { components } = computeHealthScore([
      ...calls(1, 'human_connected', 30),
      ...calls(3, 'no_answer', 45),
    ]);
    expect(components.durationScore).toBe(0.5);
  });

  it('durationScore caps at 1 from 60 s on', () => {
    expect(computeHealthScore(calls(5, 'human_connected', 60)).components.durationScore).toBe(1);
    expect(computeHealthScore(calls(5, 'human_connected', 3600)).components.durationScore).toBe(1);
    expect(computeHealthScore(calls(5, 'human_connected', 59)).components.durationScore).toBeCloseTo(
      59 / 60,
      12,
    );
  });

  it('a long call cannot make up for short ones beyond the cap', () => {
    // mean = (600 + 0) / 2 = 300 s -> capped at 1, not 5
    const { components } = computeHealthScore([
      ...calls(1, 'human_connected', 600),
      ...calls(1, 'voicemail'),
    ]);
    expect(components.durationScore).toBe(1);
  });

  it('treats negative and non-finite durations as 0 s instead of poisoning the score', () => {
    const result = computeHealthScore([
      { outcome: 'human_connected', durationSeconds: -30, spamFlagged: false },
      { outcome: 'human_connected', durationSeconds: Number.NaN, spamFlagged: false },
      { outcome: 'human_connected', durationSeconds: Number.POSITIVE_INFINITY, spamFlagged: false },
    ]);
    expect(result.components.durationScore).toBe(0);
    expect(result.score).toBe(0.75);
  });

  it('humanEngagement is human_connected over answered; a human_hangup is not engaged', () => {
    const { components } = computeHealthScore([
      ...calls(1, 'human_connected', 60),
      ...calls(1, 'human_hangup', 60),
      ...calls(2, 'voicemail', 60),
      ...calls(4, 'no_answer'),
    ]);
    expect(components.humanEngagement).toBe(0.25);
  });

  it('durationScore and humanEngagement are 0 when nothing was answered', () => {
    const { components } = computeHealthScore([...calls(3, 'busy'), ...calls(3, 'failed', 20)]);
    expect(components.durationScore).toBe(0);
    expect(components.humanEngagement).toBe(0);
  });

  it('noAnswerScore counts only no_answer (busy and failed are not no-answers)', () => {
    const { components } = computeHealthScore([
      ...calls(1, 'no_answer'),
      ...calls(1, 'busy'),
      ...calls(2, 'failed'),
    ]);
    expect(components.noAnswerScore).toBe(0.75);
  });

  it('spamScore is one minus the flagged share, whatever the outcome', () => {
    const { components, score } = computeHealthScore([
      ...calls(3, 'human_connected', 60, true),
      ...calls(7, 'human_connected', 60),
    ]);
    expect(components.spamScore).toBeCloseTo(0.7, 12);
    expect(score).toBe(0.97);
  });

  it('every spam flag on otherwise perfect calls costs exactly the spam weight', () => {
    expect(computeHealthScore(calls(10, 'human_connected', 60, true)).score).toBe(0.9);
  });
});

describe('computeHealthScore: window', () => {
  it('uses only the 50 newest calls (newest first); the 51st is ignored', () => {
    const newest50 = calls(50, 'human_connected', 60);
    const withOldBad = [...newest50, ...calls(1, 'no_answer', 0, true)];
    expect(computeHealthScore(withOldBad)).toEqual(computeHealthScore(newest50));
    expect(computeHealthScore(withOldBad).sampleSize).toBe(50);
    expect(computeHealthScore(withOldBad).score).toBe(1);
  });

  it('counts the 50th call', () => {
    const result = computeHealthScore([...calls(49, 'human_connected', 60), ...calls(1, 'no_answer')]);
    expect(result.sampleSize).toBe(50);
    expect(result.components.answerRate).toBe(0.98);
  });

  it('takes the window size from the policy', () => {
    const result = computeHealthScore([...calls(5, 'human_connected', 60), ...calls(5, 'no_answer')], {
      windowSize: 5,
    });
    expect(result).toMatchObject({ score: 1, sampleSize: 5 });
  });

  it('rejects a window that is not a positive integer', () => {
    expect(() => computeHealthScore([], { windowSize: 0 })).toThrow(InvalidHealthPolicyError);
    expect(() => computeHealthScore([], { windowSize: 2.5 })).toThrow(InvalidHealthPolicyError);
  });
});

describe('computeHealthScore: weights', () => {
  it('default weights are 30 / 25 / 20 / 15 / 10 % and sum to 1', () => {
    expect(DEFAULT_HEALTH_WEIGHTS).toEqual({
      answerRate: 0.3,
      durationScore: 0.25,
      humanEngagement: 0.2,
      noAnswerScore: 0.15,
      spamScore: 0.1,
    });
    const sum = Object.values(DEFAULT_HEALTH_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
    expect(DEFAULT_HEALTH_POLICY.weights).toBe(DEFAULT_HEALTH_WEIGHTS);
  });

  it('each component contributes exactly its weight', () => {
    // 1 human_connected 60 s + 1 no_answer: answer 0.5, duration 1, engagement 1, noAnswer 0.5, spam 1
    const mix = [...calls(1, 'human_connected', 60), ...calls(1, 'no_answer')];
    expect(computeHealthScore(mix).score).toBe(0.3 * 0.5 + 0.25 + 0.2 + 0.15 * 0.5 + 0.1);
  });

  it('uses custom weights', () => {
    const weights = { answerRate: 1, durationScore: 0, humanEngagement: 0, noAnswerScore: 0, spamScore: 0 };
    const mix = [...calls(1, 'voicemail'), ...calls(3, 'no_answer')];
    expect(computeHealthScore(mix, { weights }).score).toBe(0.25);
  });

  it('rejects weights that do not sum to 1 or are out of range', () => {
    const tooMuch = { ...DEFAULT_HEALTH_WEIGHTS, spamScore: 0.2 };
    const negative = { ...DEFAULT_HEALTH_WEIGHTS, answerRate: 0.5, spamScore: -0.1 };
    expect(() => computeHealthScore([], { weights: tooMuch })).toThrow(/sum to 1/);
    expect(() => computeHealthScore([], { weights: negative })).toThrow(/spamScore/);
    try {
      computeHealthScore([], { weights: tooMuch });
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_HEALTH_POLICY', name: 'InvalidHealthPolicyError' });
    }
  });
});

describe('computeHealthScore: rounding', () => {
  it('rounds to 4 decimals', () => {
    // answer 1/3, duration 20/60, engagement 1, noAnswer 1/3, spam 1:
    // 0.1 + 0.08333... + 0.2 + 0.05 + 0.1 = 0.53333...
    const mix = [...calls(1, 'human_connected', 20), ...calls(2, 'no_answer')];
    expect(computeHealthScore(mix).score).toBe(0.5333);
  });

  it('lands exactly on a threshold when the arithmetic does (float noise removed)', () => {
    // Sums to 0.5 on paper, 0.49999999999999994 in floating point: must not read as "burned".
    const atHalf = [
      ...calls(2, 'human_connected', 60, true),
      ...calls(4, 'voicemail', 0),
      ...calls(4, 'no_answer'),
    ];
    expect(computeHealthScore(atHalf).score).toBe(0.5);
    // 0.8 on paper, 0.7999999999999999 in floating point.
    const atOk = [
      ...calls(1, 'human_connected', 60, true),
      ...calls(3, 'human_connected', 60),
      ...calls(4, 'voicemail', 60),
      ...calls(2, 'no_answer'),
    ];
    expect(computeHealthScore(atOk).score).toBe(0.8);
  });
});

const arbitraryCall: fc.Arbitrary<ScoredCall> = fc.record({
  outcome: fc.constantFrom(...CallOutcomes),
  durationSeconds: fc.oneof(fc.integer({ min: 0, max: 7200 }), fc.double()),
  spamFlagged: fc.boolean(),
});

describe('computeHealthScore: properties', () => {
  it('always returns a score in [0, 1] with at most 4 decimals and a sample of at most 50', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCall, { maxLength: 120 }), (history) => {
        const { score, sampleSize, components } = computeHealthScore(history);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(Math.round(score * 10_000) / 10_000).toBe(score);
        expect(sampleSize).toBe(Math.min(50, history.length));
        for (const value of Object.values(components)) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('never rises when an engaged call (human_connected, >= 60 s) becomes a no_answer', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryCall, { maxLength: 60 }),
        fc.integer({ min: 60, max: 3600 }),
        fc.boolean(),
        fc.nat(),
        (rest, durationSeconds, spamFlagged, at) => {
          const position = at % (rest.length + 1);
          const engaged: ScoredCall = { outcome: 'human_connected', durationSeconds, spamFlagged };
          const missed: ScoredCall = { outcome: 'no_answer', durationSeconds: 0, spamFlagged };
          const before = [...rest.slice(0, position), engaged, ...rest.slice(position)];
          const after = [...rest.slice(0, position), missed, ...rest.slice(position)];
          expect(computeHealthScore(after).score).toBeLessThanOrEqual(computeHealthScore(before).score);
        },
      ),
    );
  });

  it('lowers answerRate and noAnswerScore whenever any answered call becomes a no_answer', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCall, { minLength: 1, maxLength: 50 }), fc.nat(), (history, at) => {
        const answeredAt = history.flatMap((c, i) => (isAnswered(c.outcome) ? [i] : []));
        fc.pre(answeredAt.length > 0);
        const index = answeredAt[at % answeredAt.length] ?? 0;
        const after = history.map((c, i) => (i === index ? { ...c, outcome: 'no_answer' as const } : c));
        const b = computeHealthScore(history).components;
        const a = computeHealthScore(after).components;
        expect(a.answerRate).toBeLessThan(b.answerRate);
        expect(a.noAnswerScore).toBeLessThan(b.noAnswerScore);
      }),
    );
  });

  it('can rise when a short voicemail becomes a no_answer (answered-only averages; documented)', () => {
    // Known property of the definitions: durationScore and humanEngagement average over answered
    // calls only, so removing a poor answered call improves them more than the rates lose.
    const before = [
      ...calls(1, 'human_connected', 60),
      ...calls(1, 'voicemail', 0),
      ...calls(48, 'no_answer'),
    ];
    const after = [...calls(1, 'human_connected', 60), ...calls(49, 'no_answer')];
    // before: 0.3 * 0.04 + 0.25 * 0.5 + 0.2 * 0.5 + 0.15 * 0.04 + 0.1 = 0.343
    expect(computeHealthScore(before).score).toBe(0.343);
    // after:  0.3 * 0.02 + 0.25 * 1 + 0.2 * 1 + 0.15 * 0.02 + 0.1 = 0.559
    expect(computeHealthScore(after).score).toBe(0.559);
  });
});
