import type { CallOutcome } from './call-outcome';
import { isAnswered } from './call-outcome';
import type { HealthComponents, HealthPolicy } from './health-policy';
import { assertValidHealthWeights, assertValidWindowSize, DEFAULT_HEALTH_POLICY } from './health-policy';

/** What the score needs to know about one call a DID placed. */
export interface ScoredCall {
  readonly outcome: CallOutcome;
  /** Talk time in seconds; only counted for answered calls. Negative or non-finite counts as 0. */
  readonly durationSeconds: number;
  /** The carrier or the callee's network labelled the call as spam / scam likely. */
  readonly spamFlagged: boolean;
}

/** A DID's health: the score, the components it was built from and how many calls it saw. */
export interface HealthScore {
  /** Weighted sum of the components, clamped to [0, 1] and rounded to 4 decimals. */
  readonly score: number;
  readonly components: Readonly<HealthComponents>;
  /** Number of calls scored (at most the window size); 0 for a new DID. */
  readonly sampleSize: number;
}

/** Talk time that counts as a fully engaged call (seed 000: "normalized to 60 s = 1.0"). */
const FULL_DURATION_SECONDS = 60;

/**
 * Scores compare against thresholds like 0.7 exactly; rounding removes float noise such as
 * 0.6999999999999998 from a sum that is 0.7 on paper, so the verdict matches the arithmetic.
 */
const roundTo4 = (n: number): number => Math.round(n * 10_000) / 10_000;

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

const safeDuration = (seconds: number): number => (Number.isFinite(seconds) && seconds > 0 ? seconds : 0);

/** A new DID has no evidence against it, so every component (and the score) starts healthy. */
const NEW_DID_COMPONENTS: Readonly<HealthComponents> = Object.freeze({
  answerRate: 1,
  durationScore: 1,
  humanEngagement: 1,
  noAnswerScore: 1,
  spamScore: 1,
});

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

  const window = calls.slice(0, windowSize);
  const n = window.length;
  if (n === 0) return { score: 1, components: NEW_DID_COMPONENTS, sampleSize: 0 };

  let answered = 0;
  let answeredSeconds = 0;
  let humanConnected = 0;
  let noAnswer = 0;
  let spamFlagged = 0;
  for (const call of window) {
    if (isAnswered(call.outcome)) {
      answered += 1;
      answeredSeconds += safeDuration(call.durationSeconds);
    }
    if (call.outcome === 'human_connected') humanConnected += 1;
    if (call.outcome === 'no_answer') noAnswer += 1;
    if (call.spamFlagged) spamFlagged += 1;
  }

  const components: HealthComponents = {
    answerRate: answered / n,
    durationScore: answered === 0 ? 0 : Math.min(1, answeredSeconds / answered / FULL_DURATION_SECONDS),
    humanEngagement: answered === 0 ? 0 : humanConnected / answered,
    noAnswerScore: 1 - noAnswer / n,
    spamScore: 1 - spamFlagged / n,
  };
  const weighted =
    weights.answerRate * components.answerRate +
    weights.durationScore * components.durationScore +
    weights.humanEngagement * components.humanEngagement +
    weights.noAnswerScore * components.noAnswerScore +
    weights.spamScore * components.spamScore;

  return { score: roundTo4(clamp01(weighted)), components, sampleSize: n };
}
