import type { CallOutcome } from './call-outcome';
import { isAnswered } from './call-outcome';
import type { HealthComponents, HealthWeights } from './health-policy';

// Arithmetic shared by the score and its standard error; internal to the health module (not
// re-exported by its index), so that both count a call the same way.

// Bound once: these loops run over the whole window after every call outcome, and calling an
// imported function through the transpiled module's export getter was measured at 2.5x the cost
// of the tally itself.
const answeredOutcome = isAnswered;

/** What the score needs to know about one call a DID placed. */
export interface ScoredCall {
  readonly outcome: CallOutcome;
  /** Talk time in seconds; only counted for answered calls. Negative or non-finite counts as 0. */
  readonly durationSeconds: number;
  /** The carrier or the callee's network labelled the call as spam / scam likely. */
  readonly spamFlagged: boolean;
}

/**
 * Scores and bounds compare against lines like 0.7 exactly; rounding removes float noise such as
 * 0.6999999999999998 from a sum that is 0.7 on paper, so the verdict matches the arithmetic.
 */
export const roundTo4 = (n: number): number => Math.round(n * 10_000) / 10_000;

/** `n` limited to [0, 1]. */
export const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

/** The first `windowSize` calls, without copying when there are no more than that. */
export const windowOf = <T>(calls: readonly T[], windowSize: number): readonly T[] =>
  calls.length > windowSize ? calls.slice(0, windowSize) : calls;

/** Talk time that counts as a fully engaged call (seed 000: "normalized to 60 s = 1.0"). */
export const FULL_DURATION_SECONDS = 60;

const safeDuration = (seconds: number): number => (Number.isFinite(seconds) && seconds > 0 ? seconds : 0);

/**
 * Talk time that counts for the score: the call's seconds when it was answered, else 0 (ring
 * time says nothing about the number).
 */
export const answeredSecondsOf = (call: ScoredCall): number =>
  answeredOutcome(call.outcome) ? safeDuration(call.durationSeconds) : 0;

/** Sums over a window of calls, and its size: all the score needs. */
export interface CallTally {
  readonly n: number;
  readonly answered: number;
  readonly humanConnected: number;
  readonly noAnswer: number;
  readonly spamFlagged: number;
  readonly answeredSeconds: number;
}

/** Adds up `calls`. Plain counters, no allocation per call: it runs after every outcome. */
export function tallyCalls(calls: readonly ScoredCall[]): CallTally {
  let answered = 0;
  let humanConnected = 0;
  let noAnswer = 0;
  let spamFlagged = 0;
  let answeredSeconds = 0;
  for (const call of calls) {
    if (answeredOutcome(call.outcome)) {
      answered += 1;
      answeredSeconds += safeDuration(call.durationSeconds);
    }
    if (call.outcome === 'human_connected') humanConnected += 1;
    if (call.outcome === 'no_answer') noAnswer += 1;
    if (call.spamFlagged) spamFlagged += 1;
  }
  return { n: calls.length, answered, humanConnected, noAnswer, spamFlagged, answeredSeconds };
}

/** A new DID has no evidence against it, so every component (and the score) starts healthy. */
const NEW_DID_COMPONENTS: Readonly<HealthComponents> = Object.freeze({
  answerRate: 1,
  durationScore: 1,
  humanEngagement: 1,
  noAnswerScore: 1,
  spamScore: 1,
});

/** The components of a window (definitions on `computeHealthScore`). */
function componentsOf(t: CallTally): HealthComponents {
  if (t.n === 0) return NEW_DID_COMPONENTS;
  return {
    answerRate: t.answered / t.n,
    durationScore: t.answered === 0 ? 0 : Math.min(1, t.answeredSeconds / t.answered / FULL_DURATION_SECONDS),
    humanEngagement: t.answered === 0 ? 0 : t.humanConnected / t.answered,
    noAnswerScore: 1 - t.noAnswer / t.n,
    spamScore: 1 - t.spamFlagged / t.n,
  };
}

/** The score of a tallied window: components, weighted sum clamped to [0, 1], rounded. */
export function scoreOfTally(
  t: CallTally,
  weights: HealthWeights,
): { score: number; components: Readonly<HealthComponents>; sampleSize: number } {
  const c = componentsOf(t);
  const weighted =
    weights.answerRate * c.answerRate +
    weights.durationScore * c.durationScore +
    weights.humanEngagement * c.humanEngagement +
    weights.noAnswerScore * c.noAnswerScore +
    weights.spamScore * c.spamScore;
  return { score: t.n === 0 ? 1 : roundTo4(clamp01(weighted)), components: c, sampleSize: t.n };
}
