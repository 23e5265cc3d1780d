import { describe, expect, it } from 'vitest';
import { callStateOf, CallPriorities, priorityOfRank, priorityRank } from '@engine/domain';

const now = new Date('2026-12-02T12:00:00Z');
const later = new Date('2026-12-02T13:00:00Z');
const state = (prospectStatus: string, latestAttemptStatus: string | null = null, nextAttemptAt = now) =>
  callStateOf({ prospectStatus, nextAttemptAt, latestAttemptStatus }, now);

describe("a queued call's state in the seed's words", () => {
  it('is queued when due, scheduled when due later (its time, a retry, the window)', () => {
    expect(state('queued')).toBe('queued');
    expect(state('queued', null, later)).toBe('scheduled');
    expect(state('queued', 'completed', later)).toBe('scheduled');
  });

  it('is dialing until the carrier reports the call live, then in progress', () => {
    expect(state('dialing')).toBe('dialing');
    expect(state('dialing', 'originating')).toBe('dialing');
    expect(state('dialing', 'in_progress')).toBe('in_progress');
  });

  it('is completed when answered, failed otherwise, cancelled when cancelled or suppressed', () => {
    for (const s of ['human_connected', 'human_hangup', 'voicemail']) expect(state(s)).toBe('completed');
    for (const s of ['busy', 'no_answer', 'failed']) expect(state(s)).toBe('failed');
    expect(state('cancelled')).toBe('cancelled');
  });

  it('ranks priorities low < normal < high < urgent, above the campaigns’ 0, and back', () => {
    const ranks = CallPriorities.map(priorityRank);
    expect(ranks).toEqual([1, 2, 3, 4]);
    expect(CallPriorities.map((p) => priorityOfRank(priorityRank(p)))).toEqual([...CallPriorities]);
  });
});
