import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export const DidStates = ['active', 'warming', 'cooling', 'burned', 'retired'] as const;
export type DidState = (typeof DidStates)[number];

export interface DidsTable {
  id: Generated<string>;
  customer_id: string;
  number: string;
  /** The carrier account that owns the number; null: the account configured from the environment. */
  carrier_account_id: string | null;
  /** Set when the carrier refused the number as caller ID: out of rotation until reinstated. */
  suspended_at: Date | null;
  suspended_reason: string | null;
  area_code: string | null;
  state: Generated<DidState>;
  /** The score over the calls since `score_since` (1 with none). */
  health_score: Generated<number>;
  /**
   * The score's confidence bounds at the policy's `z` (0 and 1 with no calls): selection skips a
   * DID only when its upper bound is under the line.
   */
  health_score_upper: Generated<number>;
  health_score_lower: Generated<number>;
  /** A domain `HealthVerdict`: `unrated` until the DID has enough fresh calls to judge. */
  health_verdict: Generated<string>;
  /** Calls since `score_since` behind the score (at most the window, 50). */
  health_sample_size: Generated<number>;
  last_call_at: Date | null;
  last_sms_at: Date | null;
  cooldown_until: Date | null;
  warming_until: Date | null;
  score_since: Date | null;
  /** Back from cooldown: its hourly cap grows from a fraction to full between these instants. */
  ramp_started_at: Date | null;
  ramp_until: Date | null;
  /** Calls in the current hour and day (UTC), maintained by the selection query. */
  hour_bucket: Date | null;
  hour_calls: Generated<number>;
  day_bucket: Date | null;
  day_calls: Generated<number>;
  /** When it was retired (null unless `retired`): a reply to a number nobody holds goes to its last holder. */
  retired_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type Did = Selectable<DidsTable>;
export type NewDid = Insertable<DidsTable>;
export type DidUpdate = Updateable<DidsTable>;
