import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database } from '@engine/db';
import {
  findNumberOwner,
  liftOptOut,
  markInboundReplySent,
  recordInboundMessage,
  recordOptOut,
} from '@engine/db';
import { classifyInboundKeyword } from '@engine/domain';
import type { CarrierHandle, InboundSms } from '@engine/providers';
import { DEFAULT_CARRIER_ACCOUNT_ID, ProviderRequestError, smsStatusUrl } from '@engine/providers';
import { publicApiUrl } from '@engine/activities';
import { DB, ENGINE_CONFIG } from '../infrastructure/tokens';
import type { EngineConfig } from '@engine/config';

export const OPT_OUT_REPLY =
  'You have been unsubscribed and will receive no more messages. Reply START to resubscribe.';
export const OPT_IN_REPLY = 'You have been resubscribed. Reply STOP to unsubscribe, HELP for help.';
export const HELP_REPLY = 'Reply STOP to unsubscribe from these messages. Msg & data rates may apply.';

export type InboundDisposition = 'opt_out' | 'opt_in' | 'help' | 'other' | 'duplicate' | 'unknown_number';

/**
 * Inbound texts. An opt-out keyword (STOP, UNSUBSCRIBE, ... in any case, punctuation ignored)
 * suppresses the sender for the customer that owns the number texted (its holder, or whoever
 * retired it last: never two customers), cancels their queued messages in every campaign of that
 * customer at once, and sends exactly one confirmation;
 * HELP/INFO gets the help text; START/UNSTOP lifts an opt-out (never a suppression an operator
 * added). Idempotent on the carrier's message id: a repeated webhook sends no second reply.
 */
@Injectable()
export class InboundSmsService {
  private readonly logger = new Logger('webhooks');

  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /** `via`: the carrier account the text came through; the reply goes out through it too. */
  async handle(inbound: InboundSms, via: CarrierHandle): Promise<InboundDisposition> {
    // One customer only: the number's holder, or whoever retired it last (never two).
    const owner = await findNumberOwner(this.db, inbound.to);
    if (!owner) {
      this.logger.warn(`inbound SMS to ${inbound.to}, which is no customer's DID`);
      return 'unknown_number';
    }
    const keyword = classifyInboundKeyword(inbound.body);
    const { message: row, isNew } = await recordInboundMessage(this.db, {
      provider: inbound.provider,
      provider_message_id: inbound.providerMessageId,
      customer_id: owner.customerId,
      from_number: inbound.from,
      to_number: inbound.to,
      body: inbound.body,
      keyword,
    });
    // A repeated webhook acts for the customer recorded the first time, even if the number has
    // changed hands in between.
    const customerId = row.customer_id ?? owner.customerId;

    if (keyword === 'opt_out') {
      await recordOptOut(this.db, customerId, inbound.from, `replied ${inbound.body.trim().slice(0, 40)}`);
    } else if (keyword === 'opt_in') {
      await liftOptOut(this.db, customerId, inbound.from);
    }
    const reply =
      keyword === 'opt_out'
        ? OPT_OUT_REPLY
        : keyword === 'opt_in'
          ? OPT_IN_REPLY
          : keyword === 'help'
            ? HELP_REPLY
            : null;
    if (reply && !row.reply_sent_at) {
      const sms = via.carrier;
      const apiUrl = publicApiUrl(this.config.env);
      const accountId = via.account.id === DEFAULT_CARRIER_ACCOUNT_ID ? null : via.account.id;
      // The reply's id derives from the inbound message (the simulator dedupes a resend of it).
      const messageId = uuidFrom(`reply:${row.id}`);
      try {
        await sms.sendSms({
          messageId,
          to: inbound.from,
          from: inbound.to,
          body: reply,
          callbackUrl: smsStatusUrl(apiUrl, sms.name, accountId, messageId),
        });
      } catch (err) {
        // Carriers with their own opt-out handling (Twilio's Advanced Opt-Out) confirm a STOP
        // themselves and refuse any text to the number after it: the confirmation went out.
        if (!(err instanceof ProviderRequestError && err.reason === 'opted_out' && keyword === 'opt_out'))
          throw err;
        this.logger.log(`${sms.name} confirmed the opt-out of ${inbound.from} itself`);
      }
      await markInboundReplySent(this.db, row.id);
    }
    return isNew ? keyword : 'duplicate';
  }
}

function uuidFrom(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
