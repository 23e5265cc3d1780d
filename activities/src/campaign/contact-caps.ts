import type { CampaignSettings, EngineEvent } from '@engine/contracts';
import type { ContactCapLimit, ContactChannel, ContactReservation, StoredContactCaps } from '@engine/db';
import { getContactCaps, reserveContacts } from '@engine/db';
import type { ContactCaps } from '@engine/domain';
import { effectiveContactCaps, jurisdictionContactCap, resolveRecipientPlace } from '@engine/domain';
import type { CampaignActivityDeps } from './campaign-deps';
import type { ProspectWhereabouts } from './recipient-window';

/** A contact about to be handed to the carrier, as the tick knows it. */
export interface PendingContact {
  attemptId: string;
  prospect: ProspectWhereabouts;
}

/** The customer's own caps, read once per tick (null fields: the defaults). */
export async function loadContactCaps(
  deps: CampaignActivityDeps,
  customerId: string,
): Promise<StoredContactCaps> {
  return (await getContactCaps(deps.db, customerId)) ?? { per24h: null, per7d: null };
}

/**
 * The caps binding one recipient: the customer's, narrowed by the strictest daily cap of the
 * regions it may be in (area code, state, postal code: Florida's 3 per 24 h).
 */
export function capsForRecipient(
  customer: StoredContactCaps,
  contact: PendingContact,
  channel: ContactChannel,
  at: Date,
): ContactCaps {
  const { phone, state, postal_code } = contact.prospect;
  const place = resolveRecipientPlace({ e164: phone, state, postalCode: postal_code });
  return effectiveContactCaps(customer, jurisdictionContactCap(place, channel, at));
}

/**
 * Reserves the contacts of a tick in the ledger, in one transaction (see `reserveContacts`):
 * answers in the order given. Called right before the carrier, after the last checks of the
 * calling window and suppression.
 */
export async function reserveTickContacts(
  deps: CampaignActivityDeps,
  settings: Pick<CampaignSettings, 'customerId' | 'campaignId'>,
  channel: ContactChannel,
  contacts: readonly PendingContact[],
  at: Date,
): Promise<ContactReservation[]> {
  if (contacts.length === 0) return [];
  const customerCaps = await loadContactCaps(deps, settings.customerId);
  return reserveContacts(
    deps.db,
    contacts.map((c) => ({
      attemptId: c.attemptId,
      customerId: settings.customerId,
      phone: c.prospect.phone,
      channel,
      campaignId: settings.campaignId,
      at,
      ...capsForRecipient(customerCaps, c, channel, at),
    })),
  );
}

/**
 * `campaign.prospect.capped`: the number reached its contact cap and the prospect waits until
 * `allowedAt`. Keyed by the attempt, so a retried tick publishes it once.
 */
export function cappedEvent(
  settings: Pick<CampaignSettings, 'customerId' | 'campaignId'>,
  contact: { attemptId: string; prospect: { id: number; phone: string } },
  refusal: { allowedAt: Date; limit: ContactCapLimit },
): { event: EngineEvent; dedupeKey: string } {
  return {
    event: {
      type: 'campaign.prospect.capped',
      customerId: settings.customerId,
      campaignId: settings.campaignId,
      payload: {
        prospectId: contact.prospect.id,
        phone: contact.prospect.phone,
        allowedAt: refusal.allowedAt.toISOString(),
        limit: refusal.limit,
      },
    },
    dedupeKey: `capped:${contact.attemptId}`,
  };
}
