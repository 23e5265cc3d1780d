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
 * The lines a DID's score is tested against. A verdict below a line needs the score's upper
 * confidence bound under it, not just the point score (see `healthVerdict`): `warning` when the
 * bound is under `ok`, `cooldown` under `warning`, `burned` (with stronger evidence) under
 * `cooldown`.
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
   * Fewest fresh calls (since `score_since`) any verdict is based on; below it a DID is
   * `unrated` and stays selectable. The standard error is itself unreliable on a handful of
   * calls, so no confidence bound is trusted before this.
   */
  readonly minCalls: number;
  /**
   * Fewest calls (regardless of `score_since`) a burn may rest on. A burn is permanent, so it
   * needs more evidence than a cooldown, which a DID recovers from by itself.
   */
  readonly minBurnCalls: number;
  /**
   * One-sided normal quantile for `cooldown` and `warning`: a DID gets them only when its score's
   * upper bound `score + z * SE` is under the line. 2.326 = 99 %: a healthy DID looked at after
   * every call still rarely crosses it by chance.
   */
  readonly z: number;
  /** One-sided normal quantile for `burned` (3.719 = 99.99 %): a burn cannot be undone. */
  readonly burnZ: number;
  /**
   * Smallest per-call standard deviation assumed: the standard error is at least
   * `seFloor / sqrt(n)`. A sample that happens to look uniform (say ten no-answers) would
   * otherwise claim zero uncertainty; per-call score noise is about 0.28 on every realistic mix.
   */
  readonly seFloor: number;
  /** How long a `cooldown` verdict takes a DID out of rotation. */
  readonly cooldownMs: number;
  /**
   * Line for DID selection (a campaign's `min_did_score` overrides it): a DID with enough calls
   * is left out only when its upper bound is under it, i.e. when it is confidently worse.
   */
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

/**
 * The design's policy: lines 0.8 / 0.7 / 0.5 over the last 50 calls, 2 h cooldown; verdicts at
 * one-sided 99 % (cooldown, warning) and 99.99 % (burn), none before 10 fresh calls, no burn
 * before 20 calls.
 */
export const DEFAULT_HEALTH_POLICY: HealthPolicy = Object.freeze({
  weights: DEFAULT_HEALTH_WEIGHTS,
  thresholds: Object.freeze({ ok: 0.8, warning: 0.7, cooldown: 0.5 }),
  windowSize: 50,
  minCalls: 10,
  minBurnCalls: 20,
  z: 2.326,
  burnZ: 3.719,
  seFloor: 0.25,
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
 * Policies and weights already validated that cannot change any more (frozen, like the
 * defaults): scores and verdicts run after every call outcome, so these are checked once.
 */
const validFrozenPolicies = new WeakSet<HealthPolicy>();
const validFrozenWeights = new WeakSet<HealthWeights>();

/**
 * Throws {@link InvalidHealthPolicyError} unless every weight is in [0, 1] and they sum to 1.
 * Weights that do not sum to 1 would make scores incomparable with the fixed thresholds.
 */
export function assertValidHealthWeights(weights: HealthWeights): void {
  if (validFrozenWeights.has(weights)) return;
  const entries = Object.entries(weights);
  const bad = entries.find(([, w]) => !isFraction(w));
  if (bad) throw new InvalidHealthPolicyError(`weight ${bad[0]} must be between 0 and 1, got ${bad[1]}`);
  const sum = entries.reduce((acc, [, w]) => acc + w, 0);
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    throw new InvalidHealthPolicyError(`weights must sum to 1, got ${sum}`);
  }
  if (Object.isFrozen(weights)) validFrozenWeights.add(weights);
}

/** Throws {@link InvalidHealthPolicyError} unless `windowSize` is a positive integer. */
export function assertValidWindowSize(windowSize: number): void {
  if (!Number.isInteger(windowSize) || windowSize < 1) {
    throw new InvalidHealthPolicyError(`windowSize must be a positive integer, got ${windowSize}`);
  }
}

const isDeeplyFrozen = (policy: HealthPolicy): boolean =>
  Object.isFrozen(policy) && Object.isFrozen(policy.weights) && Object.isFrozen(policy.thresholds);

/** `1 <= minCalls <= minBurnCalls <= windowSize`: a rule that can never fire is a typo. */
function assertValidCallMinimums(policy: HealthPolicy): void {
  const { minCalls, minBurnCalls, windowSize } = policy;
  if (!Number.isInteger(minCalls) || minCalls < 1) {
    throw new InvalidHealthPolicyError(`minCalls must be a positive integer, got ${minCalls}`);
  }
  if (!Number.isInteger(minBurnCalls) || minBurnCalls < minCalls || minBurnCalls > windowSize) {
    throw new InvalidHealthPolicyError(
      `minBurnCalls must be an integer between minCalls (${minCalls}) and windowSize (${windowSize}), got ${minBurnCalls}`,
    );
  }
}

/**
 * `0 < z <= burnZ` (a burn never needs less evidence than a cooldown) and `0 < seFloor <= 1`
 * (a floor of 0 would let a uniform-looking sample claim certainty).
 */
function assertValidConfidence(policy: HealthPolicy): void {
  const { z, burnZ, seFloor } = policy;
  if (!(Number.isFinite(z) && z > 0)) {
    throw new InvalidHealthPolicyError(`z must be a positive number, got ${z}`);
  }
  if (!(Number.isFinite(burnZ) && burnZ >= z)) {
    throw new InvalidHealthPolicyError(`burnZ must be a number >= z (${z}), got ${burnZ}`);
  }
  if (!(Number.isFinite(seFloor) && seFloor > 0 && seFloor <= 1)) {
    throw new InvalidHealthPolicyError(`seFloor must be in (0, 1], got ${seFloor}`);
  }
}

/**
 * Throws {@link InvalidHealthPolicyError} when any part of the policy is out of range. Call it
 * where configuration is loaded, so a bad value fails there rather than inside a workflow.
 */
export function assertValidHealthPolicy(policy: HealthPolicy): void {
  if (validFrozenPolicies.has(policy)) return;
  assertValidHealthWeights(policy.weights);
  assertValidWindowSize(policy.windowSize);
  const { ok, warning, cooldown } = policy.thresholds;
  if (![ok, warning, cooldown].every(isFraction) || !(cooldown <= warning && warning <= ok)) {
    throw new InvalidHealthPolicyError(
      `thresholds must satisfy 0 <= cooldown <= warning <= ok <= 1, got ${cooldown} / ${warning} / ${ok}`,
    );
  }
  assertValidCallMinimums(policy);
  assertValidConfidence(policy);
  if (!Number.isFinite(policy.cooldownMs) || policy.cooldownMs <= 0) {
    throw new InvalidHealthPolicyError(`cooldownMs must be a positive number, got ${policy.cooldownMs}`);
  }
  if (!isFraction(policy.selectionThreshold)) {
    throw new InvalidHealthPolicyError(
      `selectionThreshold must be between 0 and 1, got ${policy.selectionThreshold}`,
    );
  }
  if (isDeeplyFrozen(policy)) validFrozenPolicies.add(policy);
}
