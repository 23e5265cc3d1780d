import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Database } from '@engine/db';
import {
  findNumberOwner,
  isSuppressed,
  liftOptOut,
  markInboundReplySent,
  recordInboundMessage,
  recordOptOut,
  suppressedBefore,
} from '@engine/db';
import type { InboundSmsIntent } from '@engine/domain';
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
 * Inbound texts. An opt-out (the keyword STOP, UNSUBSCRIBE, ... or a sentence with one: "please
 * stop texting me", see `classifyInboundKeyword`) suppresses the sender for the customer that owns
 * the number texted (its holder, or whoever retired it last: never two customers), for every
 * channel (suppressions are per phone: voice campaigns stop calling it too), cancels its queued
 * prospects in every campaign of that customer at once, and sends one confirmation: none when the
 * number was already suppressed for the customer before this message (a second STOP, or an
 * operator's suppression). HELP/INFO gets the help text; START/UNSTOP lifts an opt-out (never a
 * suppression an operator added: then no reply, the number stays unreachable). Idempotent on the
 * carrier's message id: a repeated webhook sends no second reply.
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

    const reply = await this.act(keyword, customerId, inbound, row.created_at);
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

  /** Applies what the text asks for; returns the automatic reply it earns, if any. */
  private async act(
    keyword: InboundSmsIntent,
    customerId: string,
    inbound: InboundSms,
    receivedAt: Date,
  ): Promise<string | null> {
    if (keyword === 'opt_out') {
      const already = await suppressedBefore(this.db, customerId, inbound.from, receivedAt);
      await recordOptOut(this.db, customerId, inbound.from, `replied ${inbound.body.trim().slice(0, 40)}`);
      return already ? null : OPT_OUT_REPLY;
    }
    if (keyword === 'opt_in') {
      await liftOptOut(this.db, customerId, inbound.from);
      // Still suppressed: an operator's entry, which a START does not lift.
      return (await isSuppressed(this.db, customerId, inbound.from)) ? null : OPT_IN_REPLY;
    }
    return keyword === 'help' ? HELP_REPLY : null;
  }
}

function uuidFrom(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
