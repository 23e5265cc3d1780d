/**
 * The five health-score components, each in [0, 1] where 1 is healthy. The definitions live on
 * {@link computeHealthScore}.
 */
export interface HealthComponents {
  /** answered / total. */
  answerRate: number;
  /** min(1, mean duration of answered calls / 60 s); 0 when none answered. */
  durationScore: number;
  /** human_connected / answered; 0 when none answered. */
  humanEngagement: number;
  /** 1 - no_answer / total. */
  noAnswerScore: number;
  /** 1 - spam-flagged / total. */
  spamScore: number;
}

/** Weight of each component in the score; the weights must be non-negative and sum to 1. */
export type HealthWeights = Readonly<Record<keyof HealthComponents, number>>;

/**
 * Lower bound (inclusive) of each verdict band. A score `s` is `ok` when `s >= ok`, `warning`
 * when `warning <= s < ok`, `cooldown` when `cooldown <= s < warning`, else `burned`.
 */
export interface HealthThresholds {
  readonly ok: number;
  readonly warning: number;
  readonly cooldown: number;
}

/** Everything that tunes DID health: scoring, verdicts, cooldown and selection. */
export interface HealthPolicy {
  readonly weights: HealthWeights;
  readonly thresholds: HealthThresholds;
  /** How many of a DID's most recent calls the score looks at. */
  readonly windowSize: number;
  /**
   * Fewest calls a cooldown or burn may be based on. Below it a DID gets at most a `warning`:
   * two unlucky calls out of three must not take a number out of rotation, let alone for good.
   */
  readonly minCalls: number;
  /** How long a `cooldown` verdict takes a DID out of rotation. */
  readonly cooldownMs: number;
  /** Lowest score at which DID selection still picks a DID. */
  readonly selectionThreshold: number;
}

/** The component weights from the design (seed 000): 30 / 25 / 20 / 15 / 10 %. */
export const DEFAULT_HEALTH_WEIGHTS: HealthWeights = Object.freeze({
  answerRate: 0.3,
  durationScore: 0.25,
  humanEngagement: 0.2,
  noAnswerScore: 0.15,
  spamScore: 0.1,
});

/** The design's policy: bands 0.8 / 0.7 / 0.5, last 50 calls, 10-call minimum, 2 h cooldown. */
export const DEFAULT_HEALTH_POLICY: HealthPolicy = Object.freeze({
  weights: DEFAULT_HEALTH_WEIGHTS,
  thresholds: Object.freeze({ ok: 0.8, warning: 0.7, cooldown: 0.5 }),
  windowSize: 50,
  minCalls: 10,
  cooldownMs: 2 * 60 * 60 * 1000,
  selectionThreshold: 0.7,
});

/** A health policy (usually from configuration) that cannot produce meaningful scores. */
export class InvalidHealthPolicyError extends Error {
  readonly code = 'INVALID_HEALTH_POLICY';
  constructor(reason: string) {
    super(`invalid health policy: ${reason}`);
    this.name = 'InvalidHealthPolicyError';
  }
}

/** Weights may differ from float sums like 0.3 + 0.25 + ... by rounding noise, nothing more. */
const WEIGHT_SUM_TOLERANCE = 1e-9;

const isFraction = (n: number): boolean => Number.isFinite(n) && n >= 0 && n <= 1;

/**
 * Throws {@link InvalidHealthPolicyError} unless every weight is in [0, 1] and they sum to 1.
 * Weights that do not sum to 1 would make scores incomparable with the fixed thresholds.
 */
export function assertValidHealthWeights(weights: HealthWeights): void {
  const entries = Object.entries(weights);
  const bad = entries.find(([, w]) => !isFraction(w));
  if (bad) throw new InvalidHealthPolicyError(`weight ${bad[0]} must be between 0 and 1, got ${bad[1]}`);
  const sum = entries.reduce((acc, [, w]) => acc + w, 0);
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    throw new InvalidHealthPolicyError(`weights must sum to 1, got ${sum}`);
  }
}

/** Throws {@link InvalidHealthPolicyError} unless `windowSize` is a positive integer. */
export function assertValidWindowSize(windowSize: number): void {
  if (!Number.isInteger(windowSize) || windowSize < 1) {
    throw new InvalidHealthPolicyError(`windowSize must be a positive integer, got ${windowSize}`);
  }
}

/**
 * Throws {@link InvalidHealthPolicyError} when any part of the policy is out of range. Call it
 * where configuration is loaded, so a bad value fails there rather than inside a workflow.
 */
export function assertValidHealthPolicy(policy: HealthPolicy): void {
  assertValidHealthWeights(policy.weights);
  assertValidWindowSize(policy.windowSize);
  const { ok, warning, cooldown } = policy.thresholds;
  if (![ok, warning, cooldown].every(isFraction) || !(cooldown <= warning && warning <= ok)) {
    throw new InvalidHealthPolicyError(
      `thresholds must satisfy 0 <= cooldown <= warning <= ok <= 1, got ${cooldown} / ${warning} / ${ok}`,
    );
  }
  if (!Number.isInteger(policy.minCalls) || policy.minCalls < 0) {
    throw new InvalidHealthPolicyError(`minCalls must be a non-negative integer, got ${policy.minCalls}`);
  }
  if (!Number.isFinite(policy.cooldownMs) || policy.cooldownMs <= 0) {
    throw new InvalidHealthPolicyError(`cooldownMs must be a positive number, got ${policy.cooldownMs}`);
  }
  if (!isFraction(policy.selectionThreshold)) {
    throw new InvalidHealthPolicyError(
      `selectionThreshold must be between 0 and 1, got ${policy.selectionThreshold}`,
    );
  }
}
