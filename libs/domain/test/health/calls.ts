import type { CallOutcome, ScoredCall } from '../../src/health';

/** `count` identical calls; defaults to an unflagged call of 0 s. */
export function calls(
  count: number,
  outcome: CallOutcome,
  durationSeconds = 0,
  spamFlagged = false,
): ScoredCall[] {
  return Array.from({ length: count }, () => ({ outcome, durationSeconds, spamFlagged }));
}
