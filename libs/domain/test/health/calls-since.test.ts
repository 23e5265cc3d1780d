import { describe, expect, it } from 'vitest';
import type { ScoredCall } from '../../src/health';
import { assessDidHealth, callsSince } from '../../src/health';

type TimedCall = ScoredCall & { at: Date };

const at = (iso: string): Date => new Date(iso);

describe('callsSince', () => {
  const history: TimedCall[] = [
    { at: at('2026-03-02T17:30:00Z'), outcome: 'human_connected', durationSeconds: 90, spamFlagged: false },
    { at: at('2026-03-02T17:00:00Z'), outcome: 'human_connected', durationSeconds: 75, spamFlagged: false },
    { at: at('2026-03-02T14:59:00Z'), outcome: 'no_answer', durationSeconds: 0, spamFlagged: true },
  ];

  it('keeps the calls at or after `since`, in order, with their extra fields', () => {
    expect(callsSince(history, at('2026-03-02T17:00:00Z'))).toEqual(history.slice(0, 2));
  });

  it('returns nothing when every call is older', () => {
    expect(callsSince(history, at('2026-03-03T00:00:00Z'))).toEqual([]);
  });

  it('fixes the oscillation: a DID back from cooldown is judged on fresh calls only', () => {
    const cooldownEnded = at('2026-03-02T17:00:00Z');
    // 40 bad calls before the cooldown would cool the DID again at once.
    const stale: TimedCall[] = Array.from({ length: 40 }, (_, i) => ({
      at: new Date(cooldownEnded.getTime() - (i + 1) * 60_000),
      outcome: 'no_answer',
      durationSeconds: 0,
      spamFlagged: false,
    }));
    const fresh: TimedCall[] = Array.from({ length: 3 }, (_, i) => ({
      at: new Date(cooldownEnded.getTime() + (3 - i) * 60_000),
      outcome: 'no_answer',
      durationSeconds: 0,
      spamFlagged: false,
    }));
    const all = [...fresh, ...stale];

    expect(assessDidHealth(all, null).verdict).toBe('burned');

    expect(callsSince(all, cooldownEnded)).toHaveLength(3);
    const sinceCooldown = assessDidHealth(all, cooldownEnded);
    expect(sinceCooldown.fresh.sampleSize).toBe(3);
    expect(sinceCooldown.verdict).toBe('unrated');
  });
});
