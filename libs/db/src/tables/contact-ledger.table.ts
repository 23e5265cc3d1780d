import type { Insertable, Selectable } from 'kysely';

/** The channels a contact is made on. */
export type ContactChannel = 'voice' | 'sms';

/**
 * One contact of a number: a call or a text reserved right before it went to the carrier. The
 * frequency caps count these rows; the compliance report reads them.
 */
export interface ContactLedgerTable {
  /** The call attempt id or the SMS message id (deterministic per prospect and attempt). */
  attempt_id: string;
  customer_id: string;
  /** E.164. */
  phone: string;
  channel: ContactChannel;
  campaign_id: string;
  contacted_at: Date;
}

export type ContactLedgerEntry = Selectable<ContactLedgerTable>;
export type NewContactLedgerEntry = Insertable<ContactLedgerTable>;
