import type { Generated, Insertable, Selectable } from 'kysely';

export interface InboundMessagesTable {
  id: Generated<string>;
  provider: string;
  provider_message_id: string;
  customer_id: string | null;
  from_number: string;
  to_number: string;
  body: string;
  keyword: string;
  reply_sent_at: Date | null;
  created_at: Generated<Date>;
}

export type InboundMessage = Selectable<InboundMessagesTable>;
export type NewInboundMessage = Insertable<InboundMessagesTable>;
