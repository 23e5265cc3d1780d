import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export const SmsStatuses = ['queued', 'sending', 'sent', 'delivered', 'failed', 'cancelled'] as const;
export type SmsStatus = (typeof SmsStatuses)[number];

export interface SmsMessagesTable {
  id: string;
  prospect_id: number;
  campaign_id: string;
  attempt_number: number;
  did_id: string | null;
  from_number: string | null;
  to_number: string;
  body: string;
  encoding: 'gsm7' | 'ucs2';
  segments: number;
  status: Generated<SmsStatus>;
  provider: string | null;
  /** The carrier account the text went through; null: the environment's account. */
  carrier_account_id: string | null;
  provider_message_id: string | null;
  error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
  status_updated_at: Date | null;
}

export type SmsMessage = Selectable<SmsMessagesTable>;
export type NewSmsMessage = Insertable<SmsMessagesTable>;
export type SmsMessageUpdate = Updateable<SmsMessagesTable>;
