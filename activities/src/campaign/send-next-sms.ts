import { sql } from 'kysely';
import type { EngineEvent, SmsTickInput, SmsTickResult } from '@engine/contracts';
import type { ClaimedProspect } from '@engine/db';
import {
  claimEligibleProspects,
  countUsableDids,
  findClaimed,
  isSuppressed,
  nextDueAt,
  requeueProspects,
  selectDidForSms,
} from '@engine/db';
import {
  analyseSms,
  areaCodeOf,
  isCallable,
  nextWindowOpen,
  renderTemplate,
  resolveRecipientZones,
  MessageTooLongError,
} from '@engine/domain';
import { ProviderRequestError } from '@engine/providers';
import { attemptIdFor } from './attempt-id';
import type { CampaignActivityDeps } from './campaign-deps';
import { dncEvent } from './dnc-event';

/**
 * One tick of an SMS drip: claims the next due prospect and texts it. Suppressed numbers are
 * cancelled (`campaign.prospect.dnc`); outside 07:00–19:00 in the recipient's zone the prospect
 * waits for the window; the template is rendered (a missing variable without fallback skips the
 * prospect with the reason) and encoded (GSM-7 where possible); a DID is picked under the per-DID
 * gap. The message row is written (`sending`) before the carrier is called, and a message found
 * `sending` on a retry is looked up at the carrier, never sent blind a second time.
 */
export function createSendNextSms(deps: CampaignActivityDeps) {
  const { db, events } = deps;
  return async function sendNextSms(input: SmsTickInput): Promise<SmsTickResult> {
    const { settings, batchToken } = input;
    const now = deps.now?.() ?? new Date();
    const sms = deps.sms;
    const usable = () =>
      countUsableDids(db, settings.customerId, settings.minDidScore, settings.callerIds, {
        now,
        ...(deps.didCaps ? { caps: deps.didCaps } : {}),
      });
    const finish = async (
      outcome: SmsTickResult['outcome'],
      sent = false,
      noDids = false,
    ): Promise<SmsTickResult> => {
      const due = await nextDueAt(db, settings.campaignId);
      const awaiting = await db
        .selectFrom('prospects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', settings.campaignId)
        .where('status', 'in', ['sending', 'sent'])
        .executeTakeFirst();
      return {
        sent,
        outcome,
        usableDids: await usable(),
        noDids,
        hasQueued: due !== undefined,
        nextDueAt: due ? due.toISOString() : null,
        awaitingReceipts: Number(awaiting?.n ?? 0),
      };
    };

    const retried = await findClaimed(db, settings.campaignId, batchToken);
    const claimed: ClaimedProspect[] =
      retried.length > 0
        ? retried
        : await claimEligibleProspects(db, {
            campaignId: settings.campaignId,
            customerId: settings.customerId,
            limit: 1,
            now,
            claimAs: 'sending',
            claimToken: batchToken,
          });
    const prospect = claimed[0];
    if (!prospect) return finish('nothing_due');
    const base = { customerId: settings.customerId, campaignId: settings.campaignId };
    const publishDnc = () => {
      const { event, dedupeKey } = dncEvent(settings, prospect);
      return events.publish(event, dedupeKey);
    };
    if (prospect.suppressed) {
      await publishDnc();
      return finish('dnc');
    }
    if (prospect.status !== 'sending')
      return finish(prospect.status === 'sent' ? 'sent' : 'skipped', prospect.status === 'sent');

    const messageId = attemptIdFor(prospect.id, prospect.attempt_count);
    const existing = await db
      .selectFrom('sms_messages')
      .selectAll()
      .where('id', '=', messageId)
      .executeTakeFirst();

    const zones = resolveRecipientZones({
      prospectZone: prospect.timezone,
      e164: prospect.phone,
      campaignZone: settings.timezone,
    }).zones;
    if (!existing) {
      if (!isCallable(now, 'sms', zones)) {
        const at = nextWindowOpen(now, 'sms', zones, { spreadKey: String(prospect.id) });
        await requeueProspects(db, [{ id: prospect.id, at, refundAttempt: true, reason: 'outside_window' }]);
        return finish('outside_window');
      }
    }

    let body = existing?.body;
    let encoding = existing?.encoding;
    let segments = existing?.segments;
    if (!existing) {
      const rendered = renderTemplate(
        settings.message ?? '',
        prospect.variables ?? {},
        settings.templateFallbacks,
      );
      if (!rendered.ok) {
        await skip(prospect.id, `missing_variable:${rendered.variable}`, now);
        return finish('skipped');
      }
      try {
        const analysis = analyseSms(rendered.body, {
          transliterate: settings.transliterate,
          maxSegments: settings.maxSegments,
        });
        body = analysis.body;
        encoding = analysis.encoding;
        segments = analysis.segments;
      } catch (err) {
        if (!(err instanceof MessageTooLongError)) throw err;
        await skip(prospect.id, `message_too_long: ${err.segments} segments, limit ${err.limit}`, now);
        return finish('skipped');
      }
    }

    let from = existing?.from_number ?? null;
    if (!from) {
      const did = await selectDidForSms(db, {
        customerId: settings.customerId,
        areaCode: areaCodeOf(prospect.phone) ?? null,
        callerIds: settings.callerIds,
        minScore: settings.minDidScore,
        now,
        gapMs: settings.smsGapMinutes * 60_000,
        ...(deps.didCaps ? { caps: deps.didCaps } : {}),
      });
      if (!did) {
        // Every DID inside its gap is a wait; no DID able to send at all pauses the campaign.
        const anyUsable = (await usable()) > 0;
        const gapWait = new Date(now.getTime() + Math.max(5_000, (settings.smsGapMinutes * 60_000) / 10));
        await requeueProspects(db, [
          { id: prospect.id, at: anyUsable ? gapWait : now, refundAttempt: true, reason: 'no_did_free' },
        ]);
        return finish(anyUsable ? 'no_did_free' : 'no_dids', false, !anyUsable);
      }
      from = did.number;
      await db
        .insertInto('sms_messages')
        .values({
          id: messageId,
          prospect_id: prospect.id,
          campaign_id: settings.campaignId,
          attempt_number: prospect.attempt_count,
          did_id: did.id,
          from_number: did.number,
          to_number: prospect.phone,
          body: body!,
          encoding: encoding!,
          segments: segments!,
          status: 'sending',
          provider: sms.name,
        })
        .onConflict((oc) => oc.columns(['prospect_id', 'attempt_number']).doNothing())
        .execute();
    }

    /**
     * Suppressed since: the message is cancelled and so is the prospect (`campaign.prospect.dnc`).
     * Outside the window now: the unsent message is dropped and the prospect waits for the
     * opening (a fresh message, and a fresh DID within its gap, then).
     */
    const recheckBeforeSending = async (): Promise<'dnc' | 'outside_window' | null> => {
      const at = deps.now?.() ?? new Date();
      const unsent = ['queued', 'sending'] as const;
      if (await isSuppressed(db, settings.customerId, prospect.phone)) {
        await db.transaction().execute(async (tx) => {
          await tx
            .updateTable('sms_messages')
            .set({ status: 'cancelled', error: 'dnc', status_updated_at: at })
            .where('id', '=', messageId)
            .where('status', 'in', unsent)
            .execute();
          await tx
            .updateTable('prospects')
            .set({ status: 'cancelled', status_reason: 'dnc', updated_at: at })
            .where('id', '=', prospect.id)
            .where('status', '=', 'sending')
            .execute();
        });
        await publishDnc();
        return 'dnc';
      }
      if (isCallable(at, 'sms', zones)) return null;
      await db.deleteFrom('sms_messages').where('id', '=', messageId).where('status', 'in', unsent).execute();
      const opening = nextWindowOpen(at, 'sms', zones, { spreadKey: String(prospect.id) });
      await requeueProspects(db, [
        { id: prospect.id, at: opening, refundAttempt: true, reason: 'outside_window' },
      ]);
      return 'outside_window';
    };

    let providerMessageId: string;
    try {
      const known = existing?.status === 'sending' ? await sms.lookupMessage(messageId) : undefined;
      if (existing && (existing.status === 'queued' || existing.status === 'sending') && !known) {
        // Written by an earlier try that never reached the carrier, maybe minutes ago: the
        // recipient may have opted out or left the window since. Check both again, now.
        const withheld = await recheckBeforeSending();
        if (withheld) return finish(withheld);
      }
      providerMessageId =
        known?.providerMessageId ??
        (
          await sms.sendSms({
            messageId,
            to: prospect.phone,
            from: from!,
            body: body!,
            callbackUrl: deps.smsStatusCallbackUrl,
          })
        ).providerMessageId;
    } catch (err) {
      if (err instanceof ProviderRequestError && !err.retryable) {
        await db.transaction().execute(async (tx) => {
          await tx
            .updateTable('sms_messages')
            .set({ status: 'failed', error: err.message, status_updated_at: now })
            .where('id', '=', messageId)
            .execute();
          await tx
            .updateTable('prospects')
            .set({
              status: 'failed',
              status_reason: `carrier refused: ${err.message}`.slice(0, 300),
              updated_at: now,
            })
            .where('id', '=', prospect.id)
            .where('status', '=', 'sending')
            .execute();
        });
        await events.publish(
          {
            ...base,
            type: 'campaign.sms.failed',
            payload: { prospectId: prospect.id, messageId, error: err.message },
          },
          `sms.failed:${messageId}`,
        );
        return finish('failed');
      }
      // Unknown: the retry of this activity looks the message up before sending again.
      throw err;
    }

    await db.transaction().execute(async (tx) => {
      await sql`
        update sms_messages
        set provider_message_id = coalesce(provider_message_id, ${providerMessageId}),
            sent_at = coalesce(sent_at, ${now}),
            -- A fast receipt may already have moved it on: never move it back.
            status = case when status in ('queued', 'sending') then 'sent' else status end,
            status_updated_at = case when status in ('queued', 'sending') then ${now} else status_updated_at end
        where id = ${messageId}`.execute(tx);
      await tx
        .updateTable('prospects')
        .set({ status: 'sent', last_outcome: 'sent', updated_at: now })
        .where('id', '=', prospect.id)
        .where('status', '=', 'sending')
        .execute();
    });
    const sentEvent: EngineEvent = {
      ...base,
      type: 'campaign.sms.sent',
      payload: { prospectId: prospect.id, messageId, to: prospect.phone, from: from!, segments: segments! },
    };
    await events.publish(sentEvent, `sms.sent:${messageId}`);
    return finish('sent', true);
  };

  async function skip(prospectId: number, reason: string, now: Date): Promise<void> {
    await db
      .updateTable('prospects')
      .set({ status: 'cancelled', status_reason: reason, updated_at: now })
      .where('id', '=', prospectId)
      .where('status', '=', 'sending')
      .execute();
  }
}

/**
 * `sent` messages whose final receipt never came end `failed` (`receipt_timeout`), so that the
 * campaign can complete; returns how many still await a receipt.
 */
export function createExpireSmsReceipts(deps: CampaignActivityDeps) {
  const { db, events } = deps;
  return async function expireSmsReceipts(
    settings: SmsTickInput['settings'],
  ): Promise<{ expired: number; awaiting: number }> {
    const now = deps.now?.() ?? new Date();
    const cutoff = new Date(now.getTime() - settings.receiptTimeoutSeconds * 1000);
    const expired = await db.transaction().execute(async (tx) => {
      const rows = await tx
        .updateTable('sms_messages')
        .set({ status: 'failed', error: 'receipt_timeout', status_updated_at: now })
        .where('campaign_id', '=', settings.campaignId)
        .where('status', '=', 'sent')
        .where('sent_at', '<=', cutoff)
        .returning(['id', 'prospect_id'])
        .execute();
      if (rows.length > 0) {
        await tx
          .updateTable('prospects')
          .set({ status: 'failed', status_reason: 'receipt_timeout', updated_at: now })
          .where(
            'id',
            'in',
            rows.map((r) => r.prospect_id),
          )
          .where('status', '=', 'sent')
          .execute();
      }
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
    const awaiting = await db
      .selectFrom('prospects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', settings.campaignId)
      .where('status', 'in', ['sending', 'sent'])
      .executeTakeFirst();
    return { expired: expired.length, awaiting: Number(awaiting?.n ?? 0) };
  };
}
