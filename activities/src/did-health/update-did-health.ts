import type { EngineEvent } from '@engine/contracts';
import type { DidHealthUpdate, Executor } from '@engine/db';
import { lockDidsForHealthUpdate, recentCallsOfDids, recordDidsHealth } from '@engine/db';
import type { DidHealthAssessment, HealthAction, HealthPolicy } from '@engine/domain';
import {
  assessDidHealth,
  decideHealthAction,
  DEFAULT_HEALTH_POLICY,
  isHealthVerdict,
  upperBoundAt,
} from '@engine/domain';

type PendingHealthEvent = { event: EngineEvent; dedupeKey: string };
type HealthContext = { customerId: string; campaignId: string | null; now: Date; policy?: HealthPolicy };

/**
 * Recomputes a DID's health from its last calls and applies the verdict (cooldown, burn); see
 * {@link updateDidsHealth}.
 */
export async function updateDidHealth(
  tx: Executor,
  didId: string,
  context: HealthContext,
): Promise<PendingHealthEvent[]> {
  return updateDidsHealth(tx, [didId], context);
}

/**
 * Recomputes the health of DIDs from their last calls and applies each verdict (cooldown, burn).
 * Locks the DID rows (in id order) so concurrent outcome recorders serialise per DID instead of
 * overwriting each other's score. Reads each DID's last `windowSize` calls regardless of
 * `score_since`: the domain judges a DID on the fresh ones (since its last cooldown ended, so a DID
 * back from cooldown is not re-cooled on the calls that cooled it) and lets a burn also rest on
 * the older ones (see `assessDidHealth`). Stores the fresh score, its bounds, sample size and
 * verdict. Three statements whatever the number of DIDs: a batch of outcomes spread over 200
 * caller IDs (as selection spreads them) must not cost 600 round trips inside the transaction.
 *
 * Returns the health events to publish (after the caller's transaction commits); an `unrated`
 * DID never emits one.
 */
export async function updateDidsHealth(
  tx: Executor,
  didIds: readonly string[],
  context: HealthContext,
): Promise<PendingHealthEvent[]> {
  const policy = context.policy ?? DEFAULT_HEALTH_POLICY;
  const dids = await lockDidsForHealthUpdate(tx, [...new Set(didIds)]);
  if (dids.length === 0) return [];
  const callsOf = await recentCallsOfDids(
    tx,
    dids.map((d) => d.id),
    policy.windowSize,
  );
  const updates: Array<{ didId: string } & DidHealthUpdate> = [];
  const events: PendingHealthEvent[] = [];
  for (const did of dids) {
    const assessment = assessDidHealth(callsOf.get(did.id) ?? [], did.score_since, policy);
    const { fresh, verdict } = assessment;
    const action = decideHealthAction({
      previousState: did.state,
      verdict,
      previousVerdict: isHealthVerdict(did.health_verdict) ? did.health_verdict : undefined,
      now: context.now,
      policy,
    });
    updates.push({
      didId: did.id,
      score: fresh.score,
      upperBound: fresh.upperBound,
      lowerBound: fresh.lowerBound,
      sampleSize: fresh.sampleSize,
      verdict,
      state: action.nextState,
      ...(action.cooldownUntil ? { cooldownUntil: action.cooldownUntil } : {}),
      now: context.now,
    });
    events.push(
      ...healthEvents(action, assessment, { didId: did.id, number: did.number, policy, ...context }),
    );
  }
  await recordDidsHealth(tx, updates);
  return events;
}

/** The event a health action publishes, if any, with its dedupe key. */
function healthEvents(
  action: HealthAction,
  { verdict, fresh, recent }: DidHealthAssessment,
  context: {
    didId: string;
    number: string;
    customerId: string;
    campaignId: string | null;
    now: Date;
    policy: HealthPolicy;
  },
): Array<{ event: EngineEvent; dedupeKey: string }> {
  if (!action.event) return [];
  const { didId, now } = context;
  const payload = {
    didId,
    number: context.number,
    verdict,
    score: fresh.score,
    upperBound: fresh.upperBound,
    lowerBound: fresh.lowerBound,
    sampleSize: fresh.sampleSize,
  };
  const base = { customerId: context.customerId, campaignId: context.campaignId };
  const stamp = `${didId}:${now.toISOString()}`;
  switch (action.event) {
    case 'did.health.cooldown': {
      const cooldownUntil = (action.cooldownUntil ?? now).toISOString();
      return [
        {
          event: { ...base, type: 'did.health.cooldown', payload: { ...payload, cooldownUntil } },
          dedupeKey: `did.health.cooldown:${stamp}`,
        },
      ];
    }
    case 'did.health.burned': {
      const evidence = {
        score: recent.score,
        upperBound: upperBoundAt(recent, context.policy.burnZ),
        sampleSize: recent.sampleSize,
      };
      return [
        {
          event: { ...base, type: 'did.health.burned', payload: { ...payload, recent: evidence } },
          dedupeKey: `did.health.burned:${didId}`,
        },
      ];
    }
    case 'did.health.warning':
      return [
        { event: { ...base, type: 'did.health.warning', payload }, dedupeKey: `did.health.warning:${stamp}` },
      ];
  }
}
