import type { Executor } from '../database';
import type { InboundMessage, NewInboundMessage } from '../tables/inbound-messages.table';

/**
 * Stores an inbound text once per carrier message id. `isNew` is false when the carrier delivered
 * the same webhook again; `message` is then the row stored the first time.
 */
export async function recordInboundMessage(
  db: Executor,
  message: NewInboundMessage,
): Promise<{ message: InboundMessage; isNew: boolean }> {
  const inserted = await db
    .insertInto('inbound_messages')
    .values(message)
    .onConflict((oc) => oc.columns(['provider', 'provider_message_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { message: inserted, isNew: true };
  const existing = await db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('provider', '=', message.provider)
    .where('provider_message_id', '=', message.provider_message_id)
    .executeTakeFirstOrThrow();
  return { message: existing, isNew: false };
}

/** Notes that the automatic reply (opt-out confirmation, help text) went out. */
export async function markInboundReplySent(db: Executor, id: string, at = new Date()): Promise<void> {
  await db.updateTable('inbound_messages').set({ reply_sent_at: at }).where('id', '=', id).execute();
}
