import type { EngineEvent } from '@engine/contracts';
import type { Executor } from '@engine/db';
import { recentDidHealthEvents } from '@engine/db';
import type { CallOutcome, HealthPolicy } from '@engine/domain';
import { computeHealthScore, decideHealthAction, DEFAULT_HEALTH_POLICY, healthVerdict } from '@engine/domain';

/**
 * Recomputes a DID's health from its recent calls and applies the verdict (cooldown, burn).
 * Locks the DID row so concurrent outcome recorders serialise per DID instead of overwriting
 * each other's score. Only calls since `score_since` count: a DID back from cooldown is judged
 * on its new calls, not on the ones that cooled it (the seed's oscillation bug).
 *
 * Returns the health events to publish (after the caller's transaction commits).
 */
export async function updateDidHealth(
  tx: Executor,
  didId: string,
  context: { customerId: string; campaignId: string | null; now: Date; policy?: HealthPolicy },
): Promise<Array<{ event: EngineEvent; dedupeKey: string }>> {
  const policy = context.policy ?? DEFAULT_HEALTH_POLICY;
  const did = await tx.selectFrom('dids').selectAll().where('id', '=', didId).forUpdate().executeTakeFirst();
  if (!did) return [];
  const calls = await recentDidHealthEvents(tx, didId, policy.windowSize, did.score_since);
  const health = computeHealthScore(
    calls.map((c) => ({
      outcome: c.outcome as CallOutcome,
      durationSeconds: c.duration_seconds,
      spamFlagged: c.spam_flagged,
    })),
    policy,
  );
  const verdict = healthVerdict(health.score, health.sampleSize, policy);
  const action = decideHealthAction({
    previousState: did.state,
    verdict: verdict.verdict,
    previousVerdict: did.health_verdict as typeof verdict.verdict,
    now: context.now,
    policy,
  });
  await tx
    .updateTable('dids')
    .set({
      health_score: health.score,
      health_sample_size: health.sampleSize,
      health_verdict: verdict.verdict,
      state: action.nextState,
      ...(action.cooldownUntil ? { cooldown_until: action.cooldownUntil } : {}),
      updated_at: context.now,
    })
    .where('id', '=', didId)
    .execute();
  if (!action.event) return [];
  const payload = { didId, number: did.number, score: health.score, sampleSize: health.sampleSize };
  const base = { customerId: context.customerId, campaignId: context.campaignId };
  const stamp = `${didId}:${context.now.toISOString()}`;
  switch (action.event) {
    case 'did.health.cooldown':
      return [
        {
          event: {
            ...base,
            type: 'did.health.cooldown',
            payload: { ...payload, cooldownUntil: (action.cooldownUntil ?? context.now).toISOString() },
          },
          dedupeKey: `did.health.cooldown:${stamp}`,
        },
      ];
    case 'did.health.burned':
      return [
        { event: { ...base, type: 'did.health.burned', payload }, dedupeKey: `did.health.burned:${didId}` },
      ];
    case 'did.health.warning':
      return [
        { event: { ...base, type: 'did.health.warning', payload }, dedupeKey: `did.health.warning:${stamp}` },
      ];
  }
}
