import type { Generated, Insertable, Selectable } from 'kysely';

export interface DidHealthEventsTable {
  id: Generated<number>;
  did_id: string;
  campaign_id: string | null;
  call_attempt_id: string | null;
  outcome: string;
  duration_seconds: Generated<number>;
  spam_flagged: Generated<boolean>;
  score_after: number | null;
  created_at: Generated<Date>;
}

export type DidHealthEvent = Selectable<DidHealthEventsTable>;
export type NewDidHealthEvent = Insertable<DidHealthEventsTable>;
