import type { CallTally, ScoredCall } from './call-tally';
import { isAnswered } from './call-outcome';
import {
  answeredSecondsOf,
  clamp01,
  FULL_DURATION_SECONDS,
  roundTo4,
  scoreOfTally,
  tallyCalls,
  windowOf,
} from './call-tally';
import type { HealthPolicy } from './health-policy';
import { assertValidHealthPolicy, DEFAULT_HEALTH_POLICY } from './health-policy';
import type { HealthScore } from './health-score';

// Bound once, not called through the transpiled modules' export getters for every call of the
// window after every outcome (see call-tally.ts).
const answeredOutcome = isAnswered;
const answeredSecondsOfCall = answeredSecondsOf;

/**
 * A health score with how sure it is: the standard error and the bounds `score ± z * SE` at the
 * policy's `z` (each one-sided 99 % by default), clamped to [0, 1] and rounded to 4 decimals like
 * the score.
 */
export interface HealthEvidence extends HealthScore {
  /**
   * Standard error of `score` (delta method, floored at `seFloor / sqrt(n)`).
   * `Infinity` with no calls: nothing is known, and the bounds are then 0 and 1.
   */
  readonly standardError: number;
  /** `score + z * standardError`: a verdict below a line needs this under the line. */
  readonly upperBound: number;
  /** `score - z * standardError`: shown to people, not used by any verdict. */
  readonly lowerBound: number;
}

/**
 * Standard error of the health score over the first `windowSize` of `calls`, by the delta method.
 *
 * The score is a smooth function of five means (answered, human_connected, talk minutes of
 * answered calls, no_answer, spam), two of them ratios over answered calls. Each call's
 * influence on the score, with `A` the answer rate, `H` the human share of answered calls,
 * `M` the mean answered talk time in minutes, `NA` and `SP` the no-answer and spam rates:
 *
 *     IF_i = wA (a_i - A) + wH (h_i - H a_i) / A + [M < 1] wD (m_i a_i - M a_i) / A
 *            - wN (na_i - NA) - wS (sp_i - SP)
 *
 * (the ratio terms only when something was answered; the duration term vanishes once the mean
 * is capped at 60 s). Then `SE = sqrt(sum IF_i^2) / n`, floored at `seFloor / sqrt(n)` so a
 * sample that happens to look uniform (ten no-answers) cannot claim zero uncertainty.
 *
 * @returns `Infinity` for no calls.
 * @throws InvalidHealthPolicyError when the policy is out of range.
 */
export function healthStandardError(
  calls: readonly ScoredCall[],
  policy: HealthPolicy = DEFAULT_HEALTH_POLICY,
): number {
  assertValidHealthPolicy(policy);
  const window = windowOf(calls, policy.windowSize);
  return standardErrorOf(window, tallyCalls(window), policy);
}

/** {@link healthStandardError} of a window whose tally is already known. */
function standardErrorOf(window: readonly ScoredCall[], t: CallTally, policy: HealthPolicy): number {
  const n = window.length;
  if (n === 0) return Number.POSITIVE_INFINITY;
  const w = policy.weights;
  const A = t.answered / n;
  const NA = t.noAnswer / n;
  const SP = t.spamFlagged / n;
  const anyAnswered = t.answered > 0;
  const H = anyAnswered ? t.humanConnected / t.answered : 0;
  const M = anyAnswered ? t.answeredSeconds / t.answered / FULL_DURATION_SECONDS : 0;
  // Once the mean talk time is capped at 60 s, a call's talk time no longer moves the score.
  const durationCounts = anyAnswered && M < 1;
  let sumOfSquares = 0;
  // One plain loop, no closure or allocation per call: this runs after every call outcome.
  for (const call of window) {
    const a = answeredOutcome(call.outcome) ? 1 : 0;
    const h = call.outcome === 'human_connected' ? 1 : 0;
    const na = call.outcome === 'no_answer' ? 1 : 0;
    const sp = call.spamFlagged ? 1 : 0;
    let influence = w.answerRate * (a - A) - w.noAnswerScore * (na - NA) - w.spamScore * (sp - SP);
    if (anyAnswered) influence += (w.humanEngagement * (h - H * a)) / A;
    if (durationCounts) {
      influence += (w.durationScore * (answeredSecondsOfCall(call) / FULL_DURATION_SECONDS - M * a)) / A;
    }
    sumOfSquares += influence * influence;
  }
  return Math.max(Math.sqrt(sumOfSquares) / n, policy.seFloor / Math.sqrt(n));
}

/** `score + z * standardError` as the verdicts compare it: clamped and rounded like the score. */
export function upperBoundAt(evidence: Pick<HealthEvidence, 'score' | 'standardError'>, z: number): number {
  return roundTo4(clamp01(evidence.score + z * evidence.standardError));
}

/** `score - z * standardError`, clamped and rounded like the score. */
export function lowerBoundAt(evidence: Pick<HealthEvidence, 'score' | 'standardError'>, z: number): number {
  return roundTo4(clamp01(evidence.score - z * evidence.standardError));
}

/**
 * The score of the first `windowSize` of `calls` (newest first, as `computeHealthScore` scores it)
 * with its standard error ({@link healthStandardError}) and bounds at the policy's `z`. No calls:
 * score 1, bounds 0 and 1.
 *
 * @throws InvalidHealthPolicyError when the policy is out of range.
 */
export function healthEvidence(
  calls: readonly ScoredCall[],
  policy: HealthPolicy = DEFAULT_HEALTH_POLICY,
): HealthEvidence {
  assertValidHealthPolicy(policy);
  const window = windowOf(calls, policy.windowSize);
  const tally = tallyCalls(window);
  const score = scoreOfTally(tally, policy.weights);
  const standardError = standardErrorOf(window, tally, policy);
  const withError = { score: score.score, standardError };
  return {
    score: score.score,
    components: score.components,
    sampleSize: score.sampleSize,
    standardError,
    upperBound: upperBoundAt(withError, policy.z),
    lowerBound: lowerBoundAt(withError, policy.z),
  };
}
