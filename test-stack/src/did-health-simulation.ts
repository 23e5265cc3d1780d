import type { Random, ResolvedProfile } from '@engine/carrier-sim';
import { drawCallScript } from '@engine/carrier-sim';
import type { DidLifecycleState, HealthPolicy, HealthVerdict, TimedScoredCall } from '@engine/domain';
import { assessDidHealth, decideHealthAction, DEFAULT_HEALTH_POLICY } from '@engine/domain';

/**
 * Judges a DID from its calls (newest first, at most the policy's window) and its `score_since`;
 * the engine's rule is {@link currentHealthJudge}, a benchmark may pass an older one.
 */
export type HealthJudge = (calls: readonly TimedScoredCall[], scoreSince: Date | null) => HealthVerdict;

/** The engine's verdict rule ({@link assessDidHealth}) under `policy`. */
export function currentHealthJudge(policy: HealthPolicy = DEFAULT_HEALTH_POLICY): HealthJudge {
  return (calls, scoreSince) => assessDidHealth(calls, scoreSince, policy).verdict;
}

/** One simulated DID's life: what it placed and when it was taken out of rotation. */
export interface SimulatedDidLife {
  /** Calls placed in all. */
  placed: number;
  /** Calls placed when the DID first left rotation (cooled or burned), or null if it never did. */
  leftRotationAfter: number | null;
  /** Calls placed when the DID was first cooled, or null. */
  firstCooledAfter: number | null;
  /** Calls placed when the DID was burned, or null. */
  burnedAfter: number | null;
  /** Cooldowns started. */
  cooldowns: number;
  /** `did.health.warning` events (a warned DID keeps placing calls, at about half the share). */
  warnings: number;
}

/** How one DID is simulated; see {@link simulateDidLife}. */
export interface DidLifeOptions {
  /** The DID's call mix, e.g. a carrier-simulator preset overlaid on its defaults. */
  profile: ResolvedProfile;
  random: Random;
  judge: HealthJudge;
  /** Stop placing calls after this many (outcomes of calls in flight still arrive). */
  maxPlaced: number;
  /** Calls a DID has in flight at most (default 3). */
  inFlight?: number;
  /** Window the judge sees (default 50). */
  windowSize?: number;
  policy?: HealthPolicy;
}

const SECOND = 1000;

/**
 * Simulates one DID the way the engine runs it, at the worst case for false verdicts: the DID
 * keeps `inFlight` calls going while in rotation; every outcome is recorded and judged at once
 * (the engine judges after each batch; one outcome per batch is the most looks); a DID taken out
 * of rotation still receives the outcomes of the calls it had in flight, which may burn it; once
 * those are in, its cooldown passes and it comes back with `score_since` reset, so it is judged
 * on fresh calls again. State changes follow {@link decideHealthAction}, as in the engine.
 */
export function simulateDidLife(options: DidLifeOptions): SimulatedDidLife {
  const { profile, random, judge, maxPlaced } = options;
  const inFlightMax = options.inFlight ?? 3;
  const windowSize = options.windowSize ?? DEFAULT_HEALTH_POLICY.windowSize;
  const life: SimulatedDidLife = {
    placed: 0,
    leftRotationAfter: null,
    firstCooledAfter: null,
    burnedAfter: null,
    cooldowns: 0,
    warnings: 0,
  };
  const window: TimedScoredCall[] = []; // newest first, as the engine's query returns them
  const inFlight: Array<Omit<TimedScoredCall, 'at'>> = [];
  let state: DidLifecycleState = 'active';
  let previousVerdict: HealthVerdict = 'unrated';
  let scoreSince: Date | null = null;
  let clock = 0;

  for (;;) {
    if (state === 'active' && inFlight.length < inFlightMax && life.placed < maxPlaced) {
      inFlight.push(drawCallScript(profile, random));
      life.placed += 1;
      continue;
    }
    const outcome = inFlight.shift();
    if (!outcome) {
      if (state !== 'cooling') break; // burned, or out of calls to place
      // The cooldown has passed: back in rotation, judged on calls from now on.
      clock += 1;
      state = 'active';
      scoreSince = new Date(clock * SECOND);
      previousVerdict = 'unrated';
      continue;
    }
    clock += 1;
    window.unshift({ ...outcome, at: new Date(clock * SECOND) });
    if (window.length > windowSize) window.pop();
    const verdict = judge(window, scoreSince);
    const action = decideHealthAction({
      previousState: state,
      verdict,
      previousVerdict,
      now: new Date(clock * SECOND),
      ...(options.policy ? { policy: options.policy } : {}),
    });
    if (action.event === 'did.health.cooldown') {
      life.cooldowns += 1;
      life.firstCooledAfter ??= life.placed;
    }
    if (action.event === 'did.health.burned') life.burnedAfter = life.placed;
    if (action.event === 'did.health.warning') life.warnings += 1;
    if (state === 'active' && action.nextState !== 'active') life.leftRotationAfter ??= life.placed;
    state = action.nextState;
    previousVerdict = verdict;
  }
  return life;
}
