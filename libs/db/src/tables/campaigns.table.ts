import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export const CampaignStatuses = ['created', 'dialing', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CampaignStatuses)[number];

/** `call_queue`: a customer's ad-hoc call queue (seed 001), never listed as a campaign. */
export const CampaignKinds = ['campaign', 'call_queue'] as const;
export type CampaignKind = (typeof CampaignKinds)[number];

export const CampaignChannels = ['voice', 'sms'] as const;
export type CampaignChannel = (typeof CampaignChannels)[number];

/** `mode` as stored (snake_case, as the public API spells it). */
export interface CampaignModeJson {
  calls_per_second?: number;
  max_attempts?: number;
  retry_delay_seconds?: number;
  agent?: 'ai' | 'plain';
  voicemail_drop_url?: string;
  /** `plain` agent: bridge the answered call here (E.164 or SIP URI) instead of speaking the message. */
  transfer_to?: string;
  auto_resume?: boolean;
  [key: string]: unknown;
}

export interface CampaignScheduleJson {
  timezone?: string;
  /** The campaign's own hours (`{ start, end, days? }`), narrowing the legal window. */
  calling_hours?: { start: string; end: string; days?: string[] };
  [key: string]: unknown;
}

// jsonb: read as objects; written as objects or JSON text; defaulted to {} when omitted.
type Json<T> = ColumnType<T, T | string | undefined, T | string>;

export interface CampaignsTable {
  id: Generated<string>;
  customer_id: string;
  name: string;
  channel: CampaignChannel;
  kind: Generated<CampaignKind>;
  status: Generated<CampaignStatus>;
  pause_reason: string | null;
  mode: Json<CampaignModeJson>;
  schedule: Json<CampaignScheduleJson>;
  caller_ids: string[] | null;
  message: string | null;
  workflow_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
}

export type Campaign = Selectable<CampaignsTable>;
export type NewCampaign = Insertable<CampaignsTable>;
export type CampaignUpdate = Updateable<CampaignsTable>;
