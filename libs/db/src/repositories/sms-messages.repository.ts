import { sql } from 'kysely';
import type { Executor } from '../database';
import type { NewSmsMessage, SmsMessage, SmsStatus } from '../tables/sms-messages.table';
import { uuidOrNil } from '../uuid';

/** Statuses of a message that has not reached the carrier (as far as we know). */
const UNSENT = ['queued', 'sending'] as const;

export async function findSmsMessage(db: Executor, messageId: string): Promise<SmsMessage | undefined> {
  return db.selectFrom('sms_messages').selectAll().where('id', '=', messageId).executeTakeFirst();
}

/**
 * Records a message as `sending` before it is handed to the carrier; a message that exists for
 * the same prospect and attempt is left as it is (a retried tick).
 */
export async function insertSendingMessage(
  db: Executor,
  message: Omit<NewSmsMessage, 'status'>,
): Promise<void> {
  await db
    .insertInto('sms_messages')
    .values({ ...message, status: 'sending' })
    .onConflict((oc) => oc.columns(['prospect_id', 'attempt_number']).doNothing())
    .execute();
}

/** A message that never reached the carrier is cancelled (e.g. the recipient opted out since). */
export async function cancelUnsentMessage(
  db: Executor,
  messageId: string,
  reason: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('sms_messages')
    .set({ status: 'cancelled', error: reason, status_updated_at: at })
    .where('id', '=', messageId)
    .where('status', 'in', UNSENT)
    .execute();
}

/** A message that never reached the carrier is dropped: the prospect gets a fresh one later. */
export async function deleteUnsentMessage(db: Executor, messageId: string): Promise<void> {
  await db.deleteFrom('sms_messages').where('id', '=', messageId).where('status', 'in', UNSENT).execute();
}

/** The carrier refused the message for good. */
export async function failMessage(db: Executor, messageId: string, error: string, at: Date): Promise<void> {
  await db
    .updateTable('sms_messages')
    .set({ status: 'failed', error, status_updated_at: at })
    .where('id', '=', messageId)
    .execute();
}

/**
 * The carrier accepted the message: `sent` with its id. A receipt that arrived faster than this
 * write may already have moved it on: the status never moves back, the first id and time stay.
 */
export async function markMessageSent(
  db: Executor,
  messageId: string,
  providerMessageId: string,
  at: Date,
): Promise<void> {
  await sql`
    update sms_messages
    set provider_message_id = coalesce(provider_message_id, ${providerMessageId}),
        sent_at = coalesce(sent_at, ${at}),
        status = case when status in ('queued', 'sending') then 'sent' else status end,
        status_updated_at = case when status in ('queued', 'sending') then ${at} else status_updated_at end
    where id = ${messageId}`.execute(db);
}

/** `sent` messages of a campaign sent before `cutoff` end `failed` (`receipt_timeout`); returns them. */
export async function expireAwaitedReceipts(
  db: Executor,
  campaignId: string,
  cutoff: Date,
  at: Date,
): Promise<Array<Pick<SmsMessage, 'id' | 'prospect_id'>>> {
  return db
    .updateTable('sms_messages')
    .set({ status: 'failed', error: 'receipt_timeout', status_updated_at: at })
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'sent')
    .where('sent_at', '<=', cutoff)
    .returning(['id', 'prospect_id'])
    .execute();
}

/** A message a delivery receipt names, with its campaign's customer. */
export interface ReceiptTarget {
  id: string;
  status: SmsStatus;
  prospect_id: number;
  campaign_id: string;
  provider_message_id: string | null;
  customer_id: string;
}

/**
 * Finds and locks the messages a delivery receipt names: by the carrier's message id or by our
 * message id, only among messages sent through that carrier. At most two rows: two means the ids
 * disagree. Call it inside the transaction that applies the receipt.
 */
export async function lockMessagesNamedByReceipt(
  db: Executor,
  receipt: {
    messageId: string;
    provider: string;
    providerMessageId: string;
    carrierAccountId?: string | null;
  },
): Promise<ReceiptTarget[]> {
  let query = db
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
    .where('sms_messages.provider', '=', receipt.provider);
  // A receipt verified with one account's secret may only name that account's messages.
  if (receipt.carrierAccountId !== undefined) {
    query =
      receipt.carrierAccountId === null
        ? query.where('sms_messages.carrier_account_id', 'is', null)
        : query.where('sms_messages.carrier_account_id', '=', receipt.carrierAccountId);
  }
  return query
    .where((eb) =>
      eb.or([
        eb('sms_messages.provider_message_id', '=', receipt.providerMessageId),
        eb('sms_messages.id', '=', uuidOrNil(receipt.messageId)),
      ]),
    )
    .limit(2)
    .forUpdate('sms_messages')
    .execute();
}

/** Moves a message to the receipt's status (the caller checked it is a step forward). */
export async function applyReceiptStatus(
  db: Executor,
  messageId: string,
  status: SmsStatus,
  at: Date,
  errorCode: string | null,
): Promise<void> {
  await db
    .updateTable('sms_messages')
    .set({ status, status_updated_at: at, ...(errorCode ? { error: errorCode } : {}) })
    .where('id', '=', messageId)
    .execute();
}
