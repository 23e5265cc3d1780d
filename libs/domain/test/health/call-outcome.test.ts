import { describe, expect, it } from 'vitest';
import { CallOutcomes, isAnswered, isCallOutcome, isHuman } from '../../src/health';

describe('call outcomes', () => {
  it.each([
    ['human_connected', true, true],
    ['human_hangup', true, true],
    ['voicemail', true, false],
    ['no_answer', false, false],
    ['busy', false, false],
    ['failed', false, false],
  ] as const)('%s: answered=%s human=%s', (outcome, answered, human) => {
    expect(isAnswered(outcome)).toBe(answered);
    expect(isHuman(outcome)).toBe(human);
  });

  it('lists every outcome once, in the documented order', () => {
    expect(CallOutcomes).toEqual([
      'human_connected',
      'human_hangup',
      'voicemail',
      'no_answer',
      'busy',
      'failed',
    ]);
  });

  it('narrows untrusted values', () => {
    expect(isCallOutcome('voicemail')).toBe(true);
    expect(isCallOutcome('VOICEMAIL')).toBe(false);
    expect(isCallOutcome('completed')).toBe(false);
    expect(isCallOutcome(undefined)).toBe(false);
    expect(isCallOutcome(3)).toBe(false);
  });
});
