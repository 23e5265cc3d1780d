import type { SmsTickResult } from '@engine/contracts';
import type { ClaimedProspect, SmsMessage } from '@engine/db';
import {
  cancelProspect,
  cancelUnsentMessage,
  deleteUnsentMessage,
  failMessage,
  failProspect,
  insertSendingMessage,
  isSuppressed,
  markMessageSent,
  markProspectSent,
  recordOptOut,
  releaseContact,
  requeueProspects,
  selectDidForSms,
} from '@engine/db';
import type { ContactWindow } from '@engine/domain';
import { areaCodeOf } from '@engine/domain';
import { reopensAt } from '../recipient-window';
import type { CarrierHandle } from '@engine/providers';
import { DEFAULT_CARRIER_ACCOUNT_ID, ProviderRequestError, smsStatusUrl } from '@engine/providers';
import type { ComposedMessage } from './compose-message';
import type { SmsTick } from './sms-tick';
import { activityNow } from '../campaign-deps';
import { reserveSmsContact } from './sms-contact-cap';

/** The prospect of a tick with everything known about its message so far. */
export interface Outgoing {
  prospect: ClaimedProspect;
  messageId: string;
  existing: SmsMessage | undefined;
  message: ComposedMessage;
  /** When the recipient may be texted (federal, state, holiday and campaign rules). */
  window: ContactWindow;
}

/** Who sends a message: the caller ID and its carrier account (null: the environment's). */
export interface Sender {
  from: string;
  accountId: string | null;
}

/**
 * Records a new message as `sending` under a caller ID free of its gap (written before the carrier
 * is called, so a retry finds it). Returns the sender, or the tick's outcome when no DID may send:
 * every DID inside its gap is a short wait; no DID able to send at all pauses the campaign.
 */
export async function recordMessage(tick: SmsTick, out: Outgoing): Promise<Sender | SmsTickResult> {
  if (out.existing?.from_number) {
    return { from: out.existing.from_number, accountId: out.existing.carrier_account_id };
  }
  const { deps, settings, now } = tick;
  const did = await selectDidForSms(deps.db, {
    customerId: settings.customerId,
    areaCode: areaCodeOf(out.prospect.phone) ?? null,
    callerIds: settings.callerIds,
    minScore: settings.minDidScore,
    now,
    gapMs: settings.smsGapMinutes * 60_000,
    ...(deps.didCaps ? { caps: deps.didCaps } : {}),
  });
  if (!did) {
    const anyUsable = (await tick.usableDids()) > 0;
    const gapWait = new Date(now.getTime() + Math.max(5_000, (settings.smsGapMinutes * 60_000) / 10));
    await requeueProspects(deps.db, [
      { id: out.prospect.id, at: anyUsable ? gapWait : now, refundAttempt: true, reason: 'no_did_free' },
    ]);
    return tick.finish(anyUsable ? 'no_did_free' : 'no_dids', false, !anyUsable);
  }
  await insertSendingMessage(deps.db, {
    id: out.messageId,
    prospect_id: out.prospect.id,
    campaign_id: settings.campaignId,
    attempt_number: out.prospect.attempt_count,
    did_id: did.id,
    from_number: did.number,
    to_number: out.prospect.phone,
    body: out.message.body,
    encoding: out.message.encoding,
    segments: out.message.segments,
    provider: (await deps.carriers.forAccount(did.carrier_account_id)).carrier.name,
    carrier_account_id: did.carrier_account_id,
  });
  return { from: did.number, accountId: did.carrier_account_id };
}

/**
 * A message left `sending` (its answer was lost): found at the carrier, it was sent; not found, it
 * may be sent now, but only once the carrier's message list is sure to show it (`findSettleMs`).
 * Until then the tick fails and its retry asks again: never sent blind a second time.
 */
async function findEarlierSend(carrier: CarrierHandle['carrier'], out: Outgoing, from: string, now: Date) {
  const existing = out.existing;
  if (existing?.status !== 'sending') return undefined;
  const settlesAt = existing.created_at.getTime() + carrier.findSettleMs;
  if (!carrier.sendIdempotent && now.getTime() < settlesAt) {
    throw new Error(
      `message ${out.messageId} may have reached ${carrier.name}; asked again after ${new Date(settlesAt).toISOString()}`,
    );
  }
  return carrier.findMessage({
    messageId: out.messageId,
    to: out.prospect.phone,
    from,
    body: out.message.body,
    sentAfter: existing.created_at,
    ...(existing.provider_message_id ? { providerMessageId: existing.provider_message_id } : {}),
  });
}

/**
 * Hands the message to the carrier and records the result. A message found `sending` (an earlier
 * try may have reached the carrier) is looked up first and never sent blind a second time; one
 * the carrier never got was written maybe minutes ago, so suppression and the window are checked
 * again first; then the text takes its place in the number's contact caps (at the cap it waits,
 * see `reserveSmsContact`). A refusal fails message and prospect for good (its contact released:
 * nothing was sent); anything else is thrown, and the activity's retry looks the message up before
 * sending again.
 */
export async function sendMessage(tick: SmsTick, out: Outgoing, sender: Sender): Promise<SmsTickResult> {
  const { deps } = tick;
  const { from } = sender;
  const handle = await deps.carriers.forAccount(sender.accountId);
  const sms = handle.carrier;
  let providerMessageId: string;
  try {
    const known = await findEarlierSend(sms, out, from, activityNow(deps));
    if (out.existing && (out.existing.status === 'queued' || out.existing.status === 'sending') && !known) {
      const withheld = await recheckBeforeSending(tick, out);
      if (withheld) return tick.finish(withheld);
    }
    if (!known) {
      const capped = await reserveSmsContact(tick, {
        attemptId: out.messageId,
        prospect: out.prospect,
      });
      if (capped) return capped;
    }
    providerMessageId =
      known?.providerMessageId ??
      (
        await sms.sendSms({
          messageId: out.messageId,
          to: out.prospect.phone,
          from,
          body: out.message.body,
          callbackUrl: smsStatusUrl(
            deps.publicApiUrl,
            sms.name,
            handle.account.id === DEFAULT_CARRIER_ACCOUNT_ID ? null : handle.account.id,
            out.messageId,
          ),
        })
      ).providerMessageId;
  } catch (err) {
    if (err instanceof ProviderRequestError && !err.retryable) return refusedBy(tick, out, handle, err);
    throw err;
  }
  await deps.db.transaction().execute(async (tx) => {
    await markMessageSent(tx, out.messageId, providerMessageId, tick.now);
    await markProspectSent(tx, out.prospect.id, tick.now);
  });
  await tick.publish(
    {
      customerId: tick.settings.customerId,
      campaignId: tick.settings.campaignId,
      type: 'campaign.sms.sent',
      payload: {
        prospectId: out.prospect.id,
        messageId: out.messageId,
        to: out.prospect.phone,
        from,
        segments: out.message.segments,
      },
    },
    `sms.sent:${out.messageId}`,
  );
  return tick.finish('sent', true);
}

/**
 * Suppressed since: the message is cancelled and so is the prospect (`campaign.prospect.dnc`).
 * Outside the window now: the unsent message is dropped and the prospect waits for the opening
 * (a fresh message, and a fresh DID within its gap, then).
 */
async function recheckBeforeSending(tick: SmsTick, out: Outgoing): Promise<'dnc' | 'outside_window' | null> {
  const { db } = tick.deps;
  const at = activityNow(tick.deps);
  // Neither sends now: a contact an earlier try reserved does not count.
  if (await isSuppressed(db, tick.settings.customerId, out.prospect.phone)) {
    await releaseContact(db, out.messageId);
    await db.transaction().execute(async (tx) => {
      await cancelUnsentMessage(tx, out.messageId, 'dnc', at);
      await cancelProspect(tx, out.prospect.id, 'dnc', 'sending', at);
    });
    await tick.publishDnc(out.prospect);
    return 'dnc';
  }
  if (out.window.isAllowed(at)) return null;
  await releaseContact(db, out.messageId);
  await deleteUnsentMessage(db, out.messageId);
  const opening = reopensAt(out.window, at, out.prospect);
  await requeueProspects(db, [
    { id: out.prospect.id, at: opening, refundAttempt: true, reason: 'outside_window' },
  ]);
  return 'outside_window';
}

async function refused(tick: SmsTick, out: Outgoing, error: string): Promise<SmsTickResult> {
  await tick.deps.db.transaction().execute(async (tx) => {
    await releaseContact(tx, out.messageId);
    await failMessage(tx, out.messageId, error, tick.now);
    await failProspect(tx, out.prospect.id, `carrier refused: ${error}`.slice(0, 300), 'sending', tick.now);
  });
  await tick.publish(
    {
      customerId: tick.settings.customerId,
      campaignId: tick.settings.campaignId,
      type: 'campaign.sms.failed',
      payload: { prospectId: out.prospect.id, messageId: out.messageId, error },
    },
    `sms.failed:${out.messageId}`,
  );
  return tick.finish('failed');
}

/**
 * The carrier refused the text. Bad credentials: nothing was sent, the prospect waits and the
 * campaign pauses (`carrier_auth`). Anything else: the message and the prospect fail with the reason.
 */
async function refusedBy(
  tick: SmsTick,
  out: Outgoing,
  handle: CarrierHandle,
  err: ProviderRequestError,
): Promise<SmsTickResult> {
  const code = err.carrierCode ? ` ${err.carrierCode}` : '';
  if (err.reason === 'opted_out') {
    // The carrier knows the recipient opted out (a STOP it handled itself): honour it everywhere.
    await recordOptOut(
      tick.deps.db,
      tick.settings.customerId,
      out.prospect.phone,
      `carrier: ${err.message}`.slice(0, 200),
    );
  }
  if (err.reason !== 'auth') return refused(tick, out, `${err.reason}${code}: ${err.message}`.slice(0, 480));
  await releaseContact(tick.deps.db, out.messageId);
  await deleteUnsentMessage(tick.deps.db, out.messageId);
  await requeueProspects(tick.deps.db, [
    { id: out.prospect.id, at: tick.now, refundAttempt: true, reason: 'carrier_auth' },
  ]);
  const result = await tick.finish('skipped');
  return {
    ...result,
    carrierPause: {
      reason: 'carrier_auth',
      message: `${handle.carrier.name} refused the credentials of carrier account ${handle.account.id}: ${err.message}`,
    },
  };
}
