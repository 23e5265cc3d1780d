import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database } from '@engine/db';
import { applyReceiptStatus, applyReceiptToProspect, lockMessagesNamedByReceipt } from '@engine/db';
import type { SmsDeliveryUpdate } from '@engine/providers';
import type { EventBus } from '@engine/redis';
import { DB, EVENT_BUS } from '../infrastructure/tokens';
import { matchWebhookTarget } from './webhook-target';

export type SmsStatusDisposition =
  | 'applied'
  | 'ignored_stale'
  | 'unknown_message'
  /** The message id and the carrier's id name different messages: applied to neither. */
  | 'message_mismatch';

/** Order of message states; a receipt only ever moves a message forward. */
const RANK = { queued: 0, sending: 1, sent: 2, delivered: 3, failed: 3, cancelled: 3 } as const;

/**
 * Applies an SMS delivery receipt. Receipts arrive out of order and more than once: a `sent`
 * after `delivered` is ignored, a second `delivered` changes nothing, and a final state is final.
 * The prospect follows its message (`sent` → `delivered` / `failed`), so the campaign completes
 * once every message is final.
 */
@Injectable()
export class SmsStatusService {
  private readonly logger = new Logger('webhooks');

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(EVENT_BUS) private readonly events: EventBus,
  ) {}

  /** `carrierAccountId`: the account whose secret verified the receipt; only its messages qualify. */
  async apply(update: SmsDeliveryUpdate, carrierAccountId?: string | null): Promise<SmsStatusDisposition> {
    const rank = RANK[update.status];
    const at = new Date(update.occurredAt);
    const result = await this.db.transaction().execute(async (tx) => {
      // Only messages sent through the carrier that sent the receipt qualify, whichever id matched.
      const candidates = await lockMessagesNamedByReceipt(tx, {
        ...update,
        ...(carrierAccountId === undefined ? {} : { carrierAccountId }),
      });
      const target = matchWebhookTarget(
        candidates,
        { ourId: update.messageId, carrierId: update.providerMessageId },
        (m) => m.provider_message_id,
      );
      if (target.kind === 'unknown') return { disposition: 'unknown_message' as const };
      if (target.kind === 'mismatch') return { disposition: 'message_mismatch' as const };
      const message = target.row;
      if (RANK[message.status] >= rank) return { disposition: 'ignored_stale' as const };
      await applyReceiptStatus(tx, message.id, update.status, at, update.errorCode ?? null);
      if (update.status !== 'sent') {
        await applyReceiptToProspect(
          tx,
          message.prospect_id,
          update.status,
          update.errorCode ?? null,
          new Date(),
        );
      }
      return { disposition: 'applied' as const, message };
    });
    if (result.disposition === 'unknown_message') {
      this.logger.warn(
        `delivery receipt for unknown message ${update.messageId} (${update.provider} ${update.providerMessageId})`,
      );
    }
    if (result.disposition === 'message_mismatch') {
      this.logger.warn(
        `delivery receipt names message ${update.messageId} and ${update.provider} message ${update.providerMessageId}, which disagree: ignored`,
      );
    }
    if (result.disposition === 'applied' && result.message && update.status !== 'sent') {
      const m = result.message;
      const base = { customerId: m.customer_id, campaignId: m.campaign_id };
      await this.events.publish(
        update.status === 'delivered'
          ? {
              ...base,
              type: 'campaign.sms.delivered',
              payload: { prospectId: m.prospect_id, messageId: m.id },
            }
          : {
              ...base,
              type: 'campaign.sms.delivery_failed',
              payload: {
                prospectId: m.prospect_id,
                messageId: m.id,
                error: update.errorCode ?? 'delivery_failed',
              },
            },
        `sms.final:${m.id}`,
      );
    }
    return result.disposition;
  }
}
