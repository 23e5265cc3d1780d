import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The append-only event log behind the SSE stream (a trigger refuses UPDATE and DELETE). */
export interface EventsTable {
  id: Generated<number>;
  channel: string;
  customer_id: string;
  campaign_id: string | null;
  type: string;
  payload: ColumnType<Record<string, unknown>, Record<string, unknown> | string, never>;
  dedupe_key: string | null;
  created_at: Generated<Date>;
}

export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
