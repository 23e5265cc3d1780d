import type { HealthEvidence } from './health-evidence';
import { upperBoundAt } from './health-evidence';
import type { HealthPolicy } from './health-policy';
import { assertValidHealthPolicy, DEFAULT_HEALTH_POLICY } from './health-policy';

/**
 * What the evidence says about a DID: `unrated` (too few calls to say anything), then from best
 * to worst `ok`, `warning`, `cooldown`, `burned`.
 */
export const HealthVerdicts = ['unrated', 'ok', 'warning', 'cooldown', 'burned'] as const;

/** One verdict; see {@link healthVerdict} for the rules. */
export type HealthVerdict = (typeof HealthVerdicts)[number];

/** Narrows untrusted input (a stored verdict, a query parameter) to a {@link HealthVerdict}. */
export function isHealthVerdict(value: unknown): value is HealthVerdict {
  return typeof value === 'string' && (HealthVerdicts as readonly string[]).includes(value);
}

/** What a verdict needs from a window of calls: the score, its standard error and the count. */
export type HealthSample = Pick<HealthEvidence, 'score' | 'standardError' | 'sampleSize'>;

/** A score or sample that is not a number in range; judging it would burn a DID by accident. */
export class InvalidHealthScoreError extends Error {
  readonly code = 'INVALID_HEALTH_SCORE';
  constructor(reason: string) {
    super(`invalid health score input: ${reason}`);
    this.name = 'InvalidHealthScoreError';
  }
}

function assertValidSample(name: string, sample: HealthSample): void {
  const { score, standardError, sampleSize } = sample;
  if (!(Number.isFinite(score) && score >= 0 && score <= 1)) {
    throw new InvalidHealthScoreError(`${name} score must be between 0 and 1, got ${score}`);
  }
  if (!Number.isInteger(sampleSize) || sampleSize < 0) {
    throw new InvalidHealthScoreError(`${name} sampleSize must be a non-negative integer, got ${sampleSize}`);
  }
  // A NaN or negative error would make every bound meaningless, so it is refused, not judged.
  if (!(standardError >= 0)) {
    throw new InvalidHealthScoreError(`${name} standardError must be >= 0, got ${standardError}`);
  }
}

/**
 * Judges a DID on two windows of its calls:
 *
 * - `fresh`: its last `windowSize` calls since `score_since` (since its last cooldown ended);
 *   every verdict is about how the number does now.
 * - `recent`: its last `windowSize` calls regardless of `score_since`; only a burn looks at it,
 *   because the calls that cooled the DID were really placed with this number.
 *
 * With `upper(x, z) = x.score + z * x.standardError` (see {@link upperBoundAt}) and the default
 * policy (lines 0.8 / 0.7 / 0.5, `z` 2.326 = one-sided 99 %, `burnZ` 3.719 = 99.99 %):
 *
 * - `unrated`: fewer than `minCalls` (10) fresh calls;
 * - `burned`: the cooldown test below holds, `recent` has at least `minBurnCalls` (20) calls
 *   and `upper(recent, burnZ) < 0.5`: a confirmed cooldown with strong evidence, never stale
 *   evidence alone;
 * - `cooldown`: `upper(fresh, z) < 0.7`;
 * - `warning`: `upper(fresh, z) < 0.8`;
 * - `ok` otherwise.
 *
 * A line is crossed only when the bound is strictly under it: a DID is taken out of rotation
 * when it is confidently worse than the line, not when it merely might be.
 *
 * @throws InvalidHealthScoreError when a score is not in [0, 1], a sample size is not a
 *   non-negative integer or a standard error is negative or NaN.
 * @throws InvalidHealthPolicyError when the policy is out of range.
 */
export function healthVerdict(
  fresh: HealthSample,
  recent: HealthSample,
  policy: HealthPolicy = DEFAULT_HEALTH_POLICY,
): HealthVerdict {
  assertValidSample('fresh', fresh);
  assertValidSample('recent', recent);
  assertValidHealthPolicy(policy);

  if (fresh.sampleSize < policy.minCalls) return 'unrated';
  const { ok, warning, cooldown } = policy.thresholds;
  const upper = upperBoundAt(fresh, policy.z);
  if (upper < warning) {
    const burnEvidence =
      recent.sampleSize >= policy.minBurnCalls && upperBoundAt(recent, policy.burnZ) < cooldown;
    return burnEvidence ? 'burned' : 'cooldown';
  }
  return upper < ok ? 'warning' : 'ok';
}

/**
 * Whether DID selection may use a DID (its `state` must be checked separately): while it has
 * fewer than `minCalls` scored calls, or while its upper bound is at or above `minScore` (the
 * campaign's `min_did_score`, by default the policy's `selectionThreshold`, 0.7).
 *
 * A DID is left out only when it is confidently below the line. Excluding it on a low point
 * score would also starve a DID with little data of the calls that could prove it healthy,
 * silently retiring it without a verdict.
 */
export function isSelectableByHealth(
  health: Pick<HealthEvidence, 'upperBound' | 'sampleSize'>,
  policy: HealthPolicy = DEFAULT_HEALTH_POLICY,
  minScore: number = policy.selectionThreshold,
): boolean {
  return health.sampleSize < policy.minCalls || health.upperBound >= minScore;
}
