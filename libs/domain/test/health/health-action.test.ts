import { describe, expect, it } from 'vitest';
import type { DidLifecycleState, HealthPolicy, HealthVerdict } from '../../src/health';
import {
  decideHealthAction,
  DEFAULT_HEALTH_POLICY,
  DidLifecycleStates,
  HealthVerdicts,
} from '../../src/health';

const now = new Date('2026-03-02T15:00:00.000Z');
const twoHoursLater = new Date('2026-03-02T17:00:00.000Z');

describe('decideHealthAction', () => {
  it('cools an active DID down for 2 h on a cooldown verdict', () => {
    expect(decideHealthAction({ previousState: 'active', verdict: 'cooldown', now })).toEqual({
      nextState: 'cooling',
      cooldownUntil: twoHoursLater,
      event: 'did.health.cooldown',
    });
  });

  it('cools a warming DID down too', () => {
    expect(decideHealthAction({ previousState: 'warming', verdict: 'cooldown', now })).toMatchObject({
      nextState: 'cooling',
      event: 'did.health.cooldown',
    });
  });

  it('takes the cooldown length from the policy', () => {
    const policy: HealthPolicy = { ...DEFAULT_HEALTH_POLICY, cooldownMs: 60_000 };
    const action = decideHealthAction({ previousState: 'active', verdict: 'cooldown', now, policy });
    expect(action.cooldownUntil).toEqual(new Date(now.getTime() + 60_000));
  });

  it('does not extend a cooldown that is running (late outcomes of old calls)', () => {
    expect(
      decideHealthAction({ previousState: 'cooling', verdict: 'cooldown', previousVerdict: 'cooldown', now }),
    ).toEqual({ nextState: 'cooling' });
  });

  it.each(['active', 'warming', 'cooling'] as const)(
    'burns a %s DID on a burned verdict',
    (previousState) => {
      expect(decideHealthAction({ previousState, verdict: 'burned', now })).toEqual({
        nextState: 'burned',
        event: 'did.health.burned',
      });
    },
  );

  it.each(HealthVerdicts)('keeps a burned DID burned and silent on a(n) %s verdict', (verdict) => {
    expect(decideHealthAction({ previousState: 'burned', verdict, previousVerdict: 'burned', now })).toEqual({
      nextState: 'burned',
    });
  });

  it.each(HealthVerdicts)('keeps a retired DID retired and silent on a(n) %s verdict', (verdict) => {
    expect(decideHealthAction({ previousState: 'retired', verdict, now })).toEqual({ nextState: 'retired' });
  });

  it('warns once when a DID enters the warning band, without changing its state', () => {
    expect(
      decideHealthAction({ previousState: 'active', verdict: 'warning', previousVerdict: 'ok', now }),
    ).toEqual({
      nextState: 'active',
      event: 'did.health.warning',
    });
    expect(decideHealthAction({ previousState: 'warming', verdict: 'warning', now })).toEqual({
      nextState: 'warming',
      event: 'did.health.warning',
    });
  });

  it('does not repeat the warning while the DID stays in the band', () => {
    expect(
      decideHealthAction({ previousState: 'active', verdict: 'warning', previousVerdict: 'warning', now }),
    ).toEqual({ nextState: 'active' });
  });

  it('warns again after the DID left the band and came back', () => {
    const sequence: HealthVerdict[] = ['warning', 'warning', 'ok', 'warning', 'warning'];
    let previousVerdict: HealthVerdict | undefined;
    const events = sequence.map((verdict) => {
      const { event } = decideHealthAction({ previousState: 'active', verdict, previousVerdict, now });
      previousVerdict = verdict;
      return event;
    });
    expect(events).toEqual(['did.health.warning', undefined, undefined, 'did.health.warning', undefined]);
  });

  it('does not warn about a DID that is cooling (it is out of rotation already)', () => {
    expect(
      decideHealthAction({ previousState: 'cooling', verdict: 'warning', previousVerdict: 'cooldown', now }),
    ).toEqual({ nextState: 'cooling' });
  });

  it.each(['active', 'warming', 'cooling'] as const)(
    'does nothing to a %s DID on an ok verdict',
    (previousState) => {
      expect(decideHealthAction({ previousState, verdict: 'ok', previousVerdict: 'warning', now })).toEqual({
        nextState: previousState,
      });
    },
  );

  it.each(['active', 'warming', 'cooling'] as const)(
    'does nothing and tells nobody about a %s DID with too few fresh calls (unrated)',
    (previousState) => {
      for (const previousVerdict of [undefined, ...HealthVerdicts]) {
        expect(decideHealthAction({ previousState, verdict: 'unrated', previousVerdict, now })).toEqual({
          nextState: previousState,
        });
      }
    },
  );

  it('warns again when a DID back from cooldown (unrated) enters the warning band', () => {
    expect(
      decideHealthAction({ previousState: 'active', verdict: 'warning', previousVerdict: 'unrated', now }),
    ).toEqual({ nextState: 'active', event: 'did.health.warning' });
  });

  it('never moves a DID out of burned or retired, and only ever moves to cooling or burned', () => {
    for (const previousState of DidLifecycleStates) {
      for (const verdict of HealthVerdicts) {
        for (const previousVerdict of [undefined, ...HealthVerdicts]) {
          const { nextState, cooldownUntil, event } = decideHealthAction({
            previousState,
            verdict,
            previousVerdict,
            now,
          });
          const allowed: DidLifecycleState[] =
            previousState === 'burned' || previousState === 'retired'
              ? [previousState]
              : [previousState, 'cooling', 'burned'];
          expect(allowed).toContain(nextState);
          expect(cooldownUntil !== undefined).toBe(event === 'did.health.cooldown');
          if (nextState !== previousState) expect(event).toBeDefined();
        }
      }
    }
  });

  it('does not read the clock: the same input gives the same answer', () => {
    const input = { previousState: 'active', verdict: 'cooldown', now } as const;
    expect(decideHealthAction(input)).toEqual(decideHealthAction(input));
  });
});
