import type { SmsTickInput } from '@engine/contracts';
import { countAwaitingReceipts, expireAwaitedReceipts, expireSentProspects } from '@engine/db';
import type { CampaignActivityDeps } from '../campaign-deps';
import { activityNow } from '../campaign-deps';

/**
 * `sent` messages whose final receipt never came end `failed` (`receipt_timeout`), so that the
 * campaign can complete; returns how many still await a receipt.
 */
export function createExpireSmsReceipts(deps: CampaignActivityDeps) {
  const { db, events } = deps;
  return async function expireSmsReceipts(
    settings: SmsTickInput['settings'],
  ): Promise<{ expired: number; awaiting: number }> {
    const now = activityNow(deps);
    const cutoff = new Date(now.getTime() - settings.receiptTimeoutSeconds * 1000);
    const expired = await db.transaction().execute(async (tx) => {
      const rows = await expireAwaitedReceipts(tx, settings.campaignId, cutoff, now);
      await expireSentProspects(
        tx,
        rows.map((r) => r.prospect_id),
        now,
      );
      return rows;
    });
    await events.publishMany(
      expired.map((r) => ({
        event: {
          type: 'campaign.sms.delivery_failed' as const,
          customerId: settings.customerId,
          campaignId: settings.campaignId,
          payload: { prospectId: r.prospect_id, messageId: r.id, error: 'receipt_timeout' },
        },
        dedupeKey: `sms.final:${r.id}`,
      })),
    );
    return { expired: expired.length, awaiting: await countAwaitingReceipts(db, settings.campaignId) };
  };
}
