import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Voice and SMS prospect statuses (DESIGN.md section 5). */
export const ProspectStatuses = [
  'queued',
  'dialing',
  'sending',
  'sent',
  'human_connected',
  'human_hangup',
  'voicemail',
  'no_answer',
  'busy',
  'delivered',
  'failed',
  'cancelled',
] as const;
export type ProspectStatus = (typeof ProspectStatuses)[number];

/** Statuses a prospect never leaves (no_answer is terminal once its attempts are used up). */
export const TerminalProspectStatuses = [
  'human_connected',
  'human_hangup',
  'voicemail',
  'no_answer',
  'busy',
  'delivered',
  'failed',
  'cancelled',
] as const satisfies readonly ProspectStatus[];

export interface ProspectsTable {
  id: Generated<number>;
  campaign_id: string;
  phone: string;
  area_code: string | null;
  timezone: string | null;
  /** The number's region, ISO 3166-2 ('US-FL', 'CA-ON'), as imported; null: not given. */
  state: ColumnType<string | null, string | null | undefined, string | null>;
  /** US ZIP (5 or ZIP+4 as 12345-6789) or Canadian postal code (A1A 1A1), as imported. */
  postal_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the person consented to be contacted; the Reassigned Numbers Database is asked since then. */
  consented_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  variables: ColumnType<
    Record<string, string>,
    Record<string, string> | string | undefined,
    Record<string, string> | string
  >;
  /** Claim order, higher first: a queued call's priority rank; 0 in campaigns. */
  priority: Generated<number>;
  /** Overrides the campaign's `max_attempts` (a queued call's `max_retries` + 1). */
  max_attempts: ColumnType<number | null, number | null | undefined, number | null>;
  /** A queued call's own `call_config` (agent, answer URL, limits, variables); null in campaigns. */
  call_config: ColumnType<
    Record<string, unknown> | null,
    Record<string, unknown> | string | null | undefined,
    Record<string, unknown> | string | null
  >;
  /** A queued call: it may call a number the queue called before. */
  ad_hoc: Generated<boolean>;
  status: Generated<ProspectStatus>;
  attempt_count: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_outcome: string | null;
  status_reason: string | null;
  claim_token: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type Prospect = Selectable<ProspectsTable>;
export type NewProspect = Insertable<ProspectsTable>;
export type ProspectUpdate = Updateable<ProspectsTable>;
