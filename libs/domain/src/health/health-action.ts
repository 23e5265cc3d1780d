import type { HealthPolicy } from './health-policy';
import { DEFAULT_HEALTH_POLICY } from './health-policy';
import type { HealthVerdict } from './health-verdict';

/**
 * A DID's lifecycle states as health decisions see them (the same values as the `dids.state`
 * column). Named apart from the database lib's `DidStates` so both can be imported together.
 */
export const DidLifecycleStates = ['active', 'warming', 'cooling', 'burned', 'retired'] as const;

/** One lifecycle state; see {@link DidLifecycleStates}. */
export type DidLifecycleState = (typeof DidLifecycleStates)[number];

/** Events a health decision publishes (channel and storage are the caller's business). */
export const HealthEventTypes = ['did.health.warning', 'did.health.cooldown', 'did.health.burned'] as const;

/** One health event type; see {@link HealthEventTypes}. */
export type HealthEventType = (typeof HealthEventTypes)[number];

/** Input of {@link decideHealthAction}. */
export interface HealthActionInput {
  /** The DID's state before this score was computed. */
  readonly previousState: DidLifecycleState;
  /** The verdict on the new score (from {@link healthVerdict}). */
  readonly verdict: HealthVerdict;
  /** The verdict stored from the previous computation, if any; used to avoid repeating warnings. */
  readonly previousVerdict?: HealthVerdict | undefined;
  /** The caller's clock (the workflow clock in workflow code); the cooldown is measured from it. */
  readonly now: Date;
  readonly policy?: HealthPolicy | undefined;
}

/** What to do with the DID: its next state, when a new cooldown ends and which event to publish. */
export interface HealthAction {
  readonly nextState: DidLifecycleState;
  /** Set only when this decision starts a cooldown. */
  readonly cooldownUntil?: Date;
  /** Set only when something worth telling the customer happened. */
  readonly event?: HealthEventType;
}

/**
 * Decides what a verdict does to a DID. Pure: the caller applies the state change, stores the
 * verdict (pass it back as `previousVerdict` next time) and publishes the event.
 *
 * - `burned` and `retired` DIDs stay as they are whatever the verdict: a burned number never
 *   comes back by itself (only an operator can put it back).
 * - `burned` verdict: the DID is burned (`did.health.burned`), also from `warming` or `cooling`,
 *   because the calls behind that score really were placed with this number.
 * - `cooldown` verdict on an `active` or `warming` DID: `cooling` until `now + cooldownMs`
 *   (`did.health.cooldown`). On a DID that is already `cooling` it does nothing: outcomes that
 *   arrive late for calls placed before the cooldown must not extend it again and again.
 * - `warning` verdict: no state change; `did.health.warning` only when the previous verdict was
 *   not already `warning` and the DID is in rotation (`active` / `warming`), so a DID hovering in
 *   the band does not emit an event on every call.
 * - `unrated` verdict (too few fresh calls to judge): nothing, and no event.
 * - `ok` verdict: nothing. Returning a `cooling` DID to `active` is the lifecycle schedule's job
 *   once `cooldownUntil` has passed, not the score's.
 *
 * After a cooldown ends, judge the DID on the calls placed since then (see
 * {@link assessDidHealth}); it is `unrated` until there is fresh evidence, instead of being
 * re-cooled on the calls that cooled it.
 */
export function decideHealthAction(input: HealthActionInput): HealthAction {
  const { previousState, verdict, previousVerdict, now } = input;
  const policy = input.policy ?? DEFAULT_HEALTH_POLICY;

  if (previousState === 'burned' || previousState === 'retired') return { nextState: previousState };

  switch (verdict) {
    case 'burned':
      return { nextState: 'burned', event: 'did.health.burned' };
    case 'cooldown':
      if (previousState === 'cooling') return { nextState: 'cooling' };
      return {
        nextState: 'cooling',
        cooldownUntil: new Date(now.getTime() + policy.cooldownMs),
        event: 'did.health.cooldown',
      };
    case 'warning':
      if (previousState === 'cooling' || previousVerdict === 'warning') return { nextState: previousState };
      return { nextState: previousState, event: 'did.health.warning' };
    case 'unrated':
    case 'ok':
      return { nextState: previousState };
  }
}
