/** What a campaign run needs to know about its campaign, loaded once when the run starts. */
export interface CampaignSettings {
  campaignId: string;
  customerId: string;
  channel: 'voice' | 'sms';
  /**
   * `call_queue`: the customer's ad-hoc call queue (seed 001): it never completes (it waits for
   * calls when empty), dials from the `api` channel pool and retries with backoff. Absent in
   * settings recorded before queues existed: a campaign.
   */
  kind?: 'campaign' | 'call_queue';
  /** The channel pool calls lease from; absent: `campaign`. */
  channelPool?: 'campaign' | 'ivr' | 'api';
  /**
   * Which outcomes go back to the queue while attempts are left; absent: `no_answer` only.
   * A prospect's own `max_attempts` overrides `maxAttempts`.
   */
  retryOn?: ('no_answer' | 'busy' | 'failed')[];
  /** Exponential backoff between attempts; absent: the fixed `retryDelaySeconds`. */
  retryBackoff?: RetryBackoff | null;
  /** Dials per second the workflow paces to (fractional rates such as 0.2 allowed). */
  callsPerSecond: number;
  /** Attempts per prospect, counting the first; `no_answer` is retried until this is reached. */
  maxAttempts: number;
  retryDelaySeconds: number;
  agent: 'ai' | 'plain';
  voicemailDropUrl: string | null;
  /** When set, only these caller IDs (E.164) may be used. */
  callerIds: string[] | null;
  /** Fallback zone for prospects with neither an explicit zone nor a NANP number. */
  timezone: string;
  /**
   * The campaign's own hours in each recipient's local time (`days` Monday-first names); they
   * narrow the legal window and never widen it. Absent in settings recorded before they existed.
   */
  callingHours?: {
    start: string;
    end: string;
    days?: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
  } | null;
  /** Minimum DID health score for selection. */
  minDidScore: number;
  /** How long an originated call may go without a status callback before it is resolved. */
  callbackTimeoutSeconds: number;
  /** Resume by itself after an automatic `no_dids` pause once a DID is usable again. */
  autoResume: boolean;
  /** SMS: the message template (`{{first_name}}` variables), checked when the campaign is created. */
  message: string | null;
  /** SMS: fallbacks for template variables a prospect has no value for. */
  templateFallbacks: Record<string, string>;
  /** SMS: replace smart quotes, long dashes and the like so a message stays GSM-7. */
  transliterate: boolean;
  /** SMS: refuse a rendered message longer than this many segments. */
  maxSegments: number;
  /** SMS: a DID sends at most one message per this many minutes (drip gap). */
  smsGapMinutes: number;
  /** SMS: a `sent` message with no final receipt after this long ends `failed` (`receipt_timeout`). */
  receiptTimeoutSeconds: number;
}

/** Delay before attempt n+1: `baseSeconds · factor^(n-1)`, at most `maxSeconds`, ± `jitter` (a fraction). */
export interface RetryBackoff {
  baseSeconds: number;
  factor: number;
  maxSeconds: number;
  jitter: number;
}

/** Defaults for the fields of `mode` the API leaves out (DESIGN.md section 5). */
export const CampaignDefaults = {
  callsPerSecond: 1,
  maxAttempts: 3,
  retryDelaySeconds: 3600,
  agent: 'plain',
  timezone: 'America/Los_Angeles',
  minDidScore: 0.7,
  callbackTimeoutSeconds: 600,
  autoResume: false,
  transliterate: true,
  maxSegments: 6,
  smsGapMinutes: 15,
  receiptTimeoutSeconds: 3600,
} as const;

/** A customer's call queue (seed 001) when the customer set no pace of its own. */
export const CallQueueDefaults = {
  /** Seed 001's `RATE_LIMIT_PER_SECOND` example. */
  callsPerSecond: 10,
  /** Bounds of a pace a customer may set. */
  minCallsPerSecond: 0.1,
  maxCallsPerSecond: 100,
} as const;

/** `campaign-<campaignId>`, fixed by the design; starting a second one is refused. */
export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;

export const CAMPAIGN_WORKFLOW_TYPE = 'campaignWorkflow';
