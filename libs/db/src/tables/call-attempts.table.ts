import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * `pending`: recorded, not yet sent to the carrier. `originating`: the request may have reached
 * the carrier (a crash here leaves the outcome unknown: resolve it, never redial).
 */
export const CallAttemptStatuses = [
  'pending',
  'originating',
  'in_progress',
  'completed',
  'failed',
  'unknown',
] as const;
export type CallAttemptStatus = (typeof CallAttemptStatuses)[number];

export interface CallAttemptsTable {
  id: string;
  prospect_id: number;
  campaign_id: string;
  attempt_number: number;
  did_id: string | null;
  from_number: string | null;
  to_number: string;
  status: Generated<CallAttemptStatus>;
  provider: string | null;
  /** The carrier account the call went through; null: the environment's account. */
  carrier_account_id: string | null;
  /** AMD heard the beep and the campaign's recording was played. */
  voicemail_dropped: Generated<boolean>;
  /** AMD's verdict from a live call event (`human`, `machine`, `unknown`), when one came. */
  answered_by: string | null;
  provider_call_id: string | null;
  outcome: string | null;
  duration_seconds: number | null;
  spam_flagged: Generated<boolean>;
  error: string | null;
  created_at: Generated<Date>;
  originated_at: Date | null;
  completed_at: Date | null;
}

export type CallAttempt = Selectable<CallAttemptsTable>;
export type NewCallAttempt = Insertable<CallAttemptsTable>;
export type CallAttemptUpdate = Updateable<CallAttemptsTable>;
