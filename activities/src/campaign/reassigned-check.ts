import type { CampaignSettings } from '@engine/contracts';
import type { ClaimedProspect } from '@engine/db';
import { cancelProspect } from '@engine/db';
import type { CampaignActivityDeps } from './campaign-deps';

/**
 * Asks the Reassigned Numbers Database about the prospects that have a consent date (the others
 * are not asked: there is no date to ask about) and cancels those reported permanently
 * disconnected since (`yes`): status `cancelled`, reason `reassigned`, event
 * `campaign.prospect.reassigned`. `no` and `no_data` proceed. Returns the ids cancelled. Called
 * once per attempt, before its first call or text (not for an attempt an earlier try already
 * recorded: that one passed). A failure of the database is thrown, so the activity is retried:
 * an unanswered question is never taken for `no`.
 *
 * The event is published before the prospect is cancelled, under a key of its own: a try that dies
 * in between publishes it again (once, by the key) and cancels on the retry.
 */
export async function cancelReassigned(
  deps: Pick<CampaignActivityDeps, 'db' | 'events' | 'reassignedNumbers'>,
  settings: Pick<CampaignSettings, 'customerId' | 'campaignId'>,
  prospects: readonly ClaimedProspect[],
  claimedAs: 'dialing' | 'sending',
  now: Date,
): Promise<Set<number>> {
  const reassigned = new Set<number>();
  const consented = prospects.filter(
    (p): p is ClaimedProspect & { consented_at: Date } => p.consented_at !== null,
  );
  if (!deps.reassignedNumbers || consented.length === 0) return reassigned;
  const answers = await deps.reassignedNumbers.check(
    consented.map((p) => ({ phone: p.phone, consentedAt: p.consented_at })),
  );
  for (const prospect of consented) {
    if (answers.get(prospect.phone) !== 'yes') continue;
    await deps.events.publish(
      {
        type: 'campaign.prospect.reassigned',
        customerId: settings.customerId,
        campaignId: settings.campaignId,
        payload: {
          prospectId: prospect.id,
          phone: prospect.phone,
          consentedAt: prospect.consented_at.toISOString(),
        },
      },
      `reassigned:${prospect.id}`,
    );
    await cancelProspect(deps.db, prospect.id, 'reassigned', claimedAs, now);
    reassigned.add(prospect.id);
  }
  return reassigned;
}
