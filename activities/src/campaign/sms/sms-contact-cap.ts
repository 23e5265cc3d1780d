import type { SmsTickResult } from '@engine/contracts';
import { deleteUnsentMessage, requeueProspects } from '@engine/db';
import { activityNow } from '../campaign-deps';
import type { PendingContact } from '../contact-caps';
import { cappedEvent, reserveTickContacts } from '../contact-caps';
import type { SmsTick } from './sms-tick';

/**
 * Reserves the text's place in its number's contact caps, right before the carrier. At the cap:
 * the unsent message is dropped and the prospect waits, its attempt given back, until the cap
 * allows (`campaign.prospect.capped`); the tick's outcome is `capped`. Null: go ahead and send.
 */
export async function reserveSmsContact(
  tick: SmsTick,
  contact: PendingContact,
): Promise<SmsTickResult | null> {
  const { deps, settings } = tick;
  const [reservation] = await reserveTickContacts(deps, settings, 'sms', [contact], activityNow(deps));
  if (!reservation || reservation.reserved) return null;
  await deleteUnsentMessage(deps.db, contact.attemptId);
  await requeueProspects(deps.db, [
    { id: contact.prospect.id, at: reservation.allowedAt, refundAttempt: true, reason: 'contact_cap' },
  ]);
  const { event, dedupeKey } = cappedEvent(settings, contact, reservation);
  await tick.publish(event, dedupeKey);
  return tick.finish('capped');
}
