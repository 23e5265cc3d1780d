import type { ScoredCall } from './call-tally';
import { scoreOfTally, tallyCalls } from './call-tally';
import type { HealthComponents, HealthPolicy } from './health-policy';
import { assertValidHealthWeights, assertValidWindowSize, DEFAULT_HEALTH_POLICY } from './health-policy';

export type { ScoredCall } from './call-tally';

/** A DID's health: the score, the components it was built from and how many calls it saw. */
export interface HealthScore {
  /** Weighted sum of the components, clamped to [0, 1] and rounded to 4 decimals. */
  readonly score: number;
  readonly components: Readonly<HealthComponents>;
  /** Number of calls scored (at most the window size); 0 for a new DID. */
  readonly sampleSize: number;
}

/**
 * Computes a DID's health score from its recent calls.
 *
 * `calls` is newest first; only the first `windowSize` (default 50) are used. With `n` the calls
 * in the window and `answered` those whose outcome {@link isAnswered} (human_connected,
 * human_hangup, voicemail):
 *
 * - `answerRate` = answered / n
 * - `durationScore` = min(1, mean `durationSeconds` of the answered calls / 60 s); 0 when none
 *   answered. Durations of unanswered calls (ring time) are ignored.
 * - `humanEngagement` = human_connected / answered; 0 when none answered. A `human_hangup` is a
 *   person, but not an engaged one.
 * - `noAnswerScore` = 1 - no_answer / n (busy and failed do not count as no-answer)
 * - `spamScore` = 1 - spam-flagged / n
 *
 * `score` = sum of weight x component (defaults 0.30 / 0.25 / 0.20 / 0.15 / 0.10), clamped to
 * [0, 1] and rounded to 4 decimals. No calls at all means a new DID: score 1.0, every component 1.
 *
 * `durationScore` and `humanEngagement` are averages over answered calls only, so turning a
 * short voicemail into a no-answer can raise them (and, rarely, the score); `answerRate` and
 * `noAnswerScore` always fall.
 *
 * After a cooldown, pass only the calls placed since the cooldown ended (see {@link callsSince});
 * scoring the pre-cooldown calls again is what made the seed's DIDs oscillate.
 *
 * @throws InvalidHealthPolicyError when the weights do not sum to 1 or the window is not a
 *   positive integer.
 */
export function computeHealthScore(
  calls: readonly ScoredCall[],
  policy: Partial<Pick<HealthPolicy, 'weights' | 'windowSize'>> = DEFAULT_HEALTH_POLICY,
): HealthScore {
  const weights = policy.weights ?? DEFAULT_HEALTH_POLICY.weights;
  const windowSize = policy.windowSize ?? DEFAULT_HEALTH_POLICY.windowSize;
  assertValidHealthWeights(weights);
  assertValidWindowSize(windowSize);

  return scoreOfTally(tallyCalls(calls.slice(0, windowSize)), weights);
}
