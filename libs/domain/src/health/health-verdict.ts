import type { HealthPolicy } from './health-policy';
import { assertValidHealthPolicy, DEFAULT_HEALTH_POLICY } from './health-policy';

/** What a health score means for a DID, from best to worst. */
export const HealthVerdicts = ['ok', 'warning', 'cooldown', 'burned'] as const;

/** One verdict; see {@link healthVerdict} for the bands. */
export type HealthVerdict = (typeof HealthVerdicts)[number];

/** The verdict and whether it was capped because there were too few calls to judge. */
export interface HealthVerdictResult {
  readonly verdict: HealthVerdict;
  /** `sampleSize < minCalls`: the score is too noisy for a cooldown or burn. */
  readonly insufficientData: boolean;
}

/** A score or sample size that is not a number in range; judging it would burn a DID by accident. */
export class InvalidHealthScoreError extends Error {
  readonly code = 'INVALID_HEALTH_SCORE';
  constructor(reason: string) {
    super(`invalid health score input: ${reason}`);
    this.name = 'InvalidHealthScoreError';
  }
}

/**
 * Turns a score into a verdict. With the default thresholds:
 *
 * - `ok`: score >= 0.8
 * - `warning`: 0.7 <= score < 0.8
 * - `cooldown`: 0.5 <= score < 0.7 (out of rotation for `cooldownMs`, 2 h)
 * - `burned`: score < 0.5 (out for good)
 *
 * With fewer than `minCalls` (10) calls behind the score, `insufficientData` is true and the
 * verdict is capped at `warning`: no cooldown and no burn on a handful of calls. A new DID
 * (0 calls, score 1.0) is `ok` with `insufficientData: true`.
 *
 * @throws InvalidHealthScoreError when `score` is not in [0, 1] or `sampleSize` is not a
 *   non-negative integer (a NaN score would otherwise fall through to `burned`).
 * @throws InvalidHealthPolicyError when the policy is out of range.
 */
export function healthVerdict(
  score: number,
  sampleSize: number,
  policy: HealthPolicy = DEFAULT_HEALTH_POLICY,
): HealthVerdictResult {
  if (!(Number.isFinite(score) && score >= 0 && score <= 1)) {
    throw new InvalidHealthScoreError(`score must be between 0 and 1, got ${score}`);
  }
  if (!Number.isInteger(sampleSize) || sampleSize < 0) {
    throw new InvalidHealthScoreError(`sampleSize must be a non-negative integer, got ${sampleSize}`);
  }
  assertValidHealthPolicy(policy);

  const { ok, warning, cooldown } = policy.thresholds;
  const insufficientData = sampleSize < policy.minCalls;
  if (score >= ok) return { verdict: 'ok', insufficientData };
  if (score >= warning || insufficientData) return { verdict: 'warning', insufficientData };
  return { verdict: score >= cooldown ? 'cooldown' : 'burned', insufficientData };
}

/**
 * Whether DID selection may use a DID with this score (its `state` must be checked separately).
 *
 * A DID qualifies at `score >= selectionThreshold` (0.7) or while it has fewer than `minCalls`
 * calls: a DID with too little data is not judged, and excluding it on a low early score would
 * starve it of the calls that could prove it healthy, silently retiring it without a verdict.
 */
export function isSelectableByHealth(
  health: { readonly score: number; readonly sampleSize: number },
  policy: HealthPolicy = DEFAULT_HEALTH_POLICY,
): boolean {
  return health.score >= policy.selectionThreshold || health.sampleSize < policy.minCalls;
}
