import type { ScoredCall } from './call-tally';
import { windowOf } from './call-tally';
import { callsSince } from './calls-since';
import type { HealthEvidence } from './health-evidence';
import { healthEvidence } from './health-evidence';
import type { HealthPolicy } from './health-policy';
import { DEFAULT_HEALTH_POLICY } from './health-policy';
import type { HealthVerdict } from './health-verdict';
import { healthVerdict } from './health-verdict';

/** A scored call with the time its outcome was recorded. */
export interface TimedScoredCall extends ScoredCall {
  readonly at: Date;
}

/** The verdict on a DID and the two windows it rests on. */
export interface DidHealthAssessment {
  readonly verdict: HealthVerdict;
  /**
   * Calls since `score_since`: the score, bounds and sample size to store and show, and the
   * basis of every verdict.
   */
  readonly fresh: HealthEvidence;
  /** The last `windowSize` calls regardless of `score_since`; only a burn also looks at these. */
  readonly recent: HealthEvidence;
}

/**
 * Assesses a DID from its last `windowSize` calls, newest first, regardless of `scoreSince`
 * (`dids.score_since`: when its last cooldown ended, or null). `fresh` is the part of that window
 * at or after `scoreSince` (the newest calls, so it is also the last `windowSize` fresh calls);
 * see {@link healthVerdict} for how the two windows are judged. One source of truth for the
 * engine, which acts on the verdict, and the API, which shows it.
 *
 * @throws InvalidHealthPolicyError when the policy is out of range.
 */
export function assessDidHealth(
  calls: readonly TimedScoredCall[],
  scoreSince: Date | null,
  policy: HealthPolicy = DEFAULT_HEALTH_POLICY,
): DidHealthAssessment {
  const window = windowOf(calls, policy.windowSize);
  const recent = healthEvidence(window, policy);
  const fresh = scoreSince ? healthEvidence(callsSince(window, scoreSince), policy) : recent;
  return { verdict: healthVerdict(fresh, recent, policy), fresh, recent };
}
