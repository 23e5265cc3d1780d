import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '@engine/db';
import type { SmsDeliveryUpdate } from '@engine/providers';
import type { EventBus } from '@engine/redis';
import { DB, EVENT_BUS } from '../infrastructure/tokens';
import { asOurId, matchWebhookTarget } from './webhook-target';

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

  async apply(update: SmsDeliveryUpdate): Promise<SmsStatusDisposition> {
    const rank = RANK[update.status];
    const at = new Date(update.occurredAt);
    const result = await this.db.transaction().execute(async (tx) => {
      // sms_messages is queried in place here (its repository is being written elsewhere). Only
      // messages sent through the carrier that sent the receipt qualify, whichever id matched.
      const candidates = await tx
        .selectFrom('sms_messages')
        .innerJoin('campaigns', 'campaigns.id', 'sms_messages.campaign_id')
        .select([
          'sms_messages.id',
          'sms_messages.status',
          'sms_messages.prospect_id',
          'sms_messages.campaign_id',
          'sms_messages.provider_message_id',
          'campaigns.customer_id',
        ])
        .where('sms_messages.provider', '=', update.provider)
        .where((eb) =>
          eb.or([
            eb('sms_messages.provider_message_id', '=', update.providerMessageId),
            eb('sms_messages.id', '=', asOurId(update.messageId)),
          ]),
        )
        .limit(2)
        .forUpdate('sms_messages')
        .execute();
      const target = matchWebhookTarget(
        candidates,
        { ourId: update.messageId, carrierId: update.providerMessageId },
        (m) => m.provider_message_id,
      );
      if (target.kind === 'unknown') return { disposition: 'unknown_message' as const };
      if (target.kind === 'mismatch') return { disposition: 'message_mismatch' as const };
      const message = target.row;
      if (RANK[message.status] >= rank) return { disposition: 'ignored_stale' as const };
      await tx
        .updateTable('sms_messages')
        .set({
          status: update.status,
          status_updated_at: at,
          ...(update.errorCode ? { error: update.errorCode } : {}),
        })
        .where('id', '=', message.id)
        .execute();
      if (update.status !== 'sent') {
        await sql`
          update prospects set status = ${update.status}, last_outcome = ${update.status}, updated_at = now(),
                 status_reason = ${update.errorCode ?? null}
          where id = ${message.prospect_id} and status in ('sending', 'sent')`.execute(tx);
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
