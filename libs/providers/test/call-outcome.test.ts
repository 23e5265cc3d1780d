import { CallOutcomes as DomainCallOutcomes } from '@engine/domain';
import type { CallOutcome as DomainCallOutcome } from '@engine/domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CallOutcome } from '../src';
import { CallOutcomes, isCallOutcome } from '../src';

describe('CallOutcomes', () => {
  it('is the domain list, in the same order', () => {
    expect(CallOutcomes).toEqual(DomainCallOutcomes);
    expectTypeOf<CallOutcome>().toEqualTypeOf<DomainCallOutcome>();
  });

  it('narrows untrusted values', () => {
    expect(isCallOutcome('voicemail')).toBe(true);
    expect(isCallOutcome('answered')).toBe(false);
    expect(isCallOutcome(undefined)).toBe(false);
  });
});
