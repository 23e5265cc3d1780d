import type { CallOutcome } from '@engine/providers';

/** An inclusive range of simulated call seconds. */
export interface SecondsRange {
  min: number;
  max: number;
}

/**
 * How calls from a DID or to an area code turn out. Every field is optional in a profile; a
 * profile is merged field by field over the less specific ones (see `resolveProfile`). `weights`
 * is one unit: a profile that gives weights gives all of them (a missing outcome weighs 0).
 */
export interface OutcomeProfile {
  /** Relative weights of the six outcomes (they need not sum to 1). */
  weights?: Partial<Record<CallOutcome, number>>;
  /** Probability (0..1) that a call is labelled spam, whatever its outcome. */
  spamFlagRate?: number;
  /** Talk time of a `human_connected` call, uniformly drawn. */
  talkSeconds?: SecondsRange;
  /** Talk time of a `human_hangup` call (the person hangs up at once). */
  hangupSeconds?: SecondsRange;
  /** Length of a `voicemail` call (greeting plus drop). */
  voicemailSeconds?: number;
}

/** Built-in profiles that a configuration may name instead of spelling one out (`"bad"`). */
export const ProfilePresetNames = ['default', 'bad', 'good', 'mediocre'] as const;
export type ProfilePresetName = (typeof ProfilePresetNames)[number];

/** A profile with every field set: what a call is drawn from. */
export type ResolvedProfile = Required<OutcomeProfile> & { weights: Record<CallOutcome, number> };

/**
 * Faults to inject. Rates are probabilities (0..1) per request or per call; times are wall-clock
 * milliseconds and are NOT multiplied by `timeScale`: they model the network, which a demo
 * running at 100x does not speed up (and a provider timeout must still be reachable).
 */
export interface SimFaults {
  /** Refuse an originate with 503 before creating the call (safe to retry). */
  originateErrorRate: number;
  /**
   * Create the call but answer 504, as when a gateway loses the answer: the caller must resolve
   * it with a lookup, or a retry that the simulator records as a duplicate.
   */
  originateLostAnswerRate: number;
  /** Delay every originate answer by this long (the call exists from the start). */
  originateDelayMs: number;
  /** Never send the call's status webhook (the call still completes, lookups see it). */
  dropCallbackRate: number;
  /** Send the call's status webhook twice. */
  duplicateCallbackRate: number;
  /** Extra delay before a status webhook is sent. */
  callbackDelayMs: number;
}

/** SMS behaviour. Delays are simulated time (scaled by `timeScale`); rates are per message. */
export interface SmsSimConfig {
  /** Share of messages that end `delivered`; the rest end `failed`. */
  deliveredRate: number;
  /** Time from acceptance to the `sent` receipt. */
  sentDelayMs: number;
  /** Time from `sent` to the final receipt, uniformly drawn. */
  deliveryDelayMs: { min: number; max: number };
  /** Refuse a send with 503 before accepting it. */
  sendErrorRate: number;
  /** Never send the final receipt. */
  dropReceiptRate: number;
  /** Send the final receipt twice. */
  duplicateReceiptRate: number;
  /** Send the final receipt before the `sent` one. */
  outOfOrderRate: number;
  /** Where `POST /sim/inbound` posts when the request names no `callbackUrl`. */
  inboundCallbackUrl?: string;
}

/** How webhooks are delivered: at least once, with retries like a real carrier. */
export interface WebhookDeliveryConfig {
  /** Attempts per webhook, the first included. */
  maxAttempts: number;
  /** Wait before the second attempt; doubles each time. Wall-clock, not scaled. */
  retryBaseDelayMs: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
}

/** The simulator's whole, effective configuration (`GET /sim/config`). */
export interface SimConfig {
  /**
   * Multiplies every simulated duration (ring, talk, SMS receipts): 1 is real time, 0.01 runs
   * calls 100x faster. `durationSeconds` in webhooks stays in unscaled call seconds.
   */
  timeScale: number;
  /** Ring time before the outcome is known, simulated ms. */
  ringMs: number;
  /**
   * Makes draws reproducible: each attempt's outcome and faults come from a PRNG keyed by
   * seed + attempt id, so they do not depend on request order. Unset: `Math.random`.
   */
  seed?: number | string;
  defaults: ResolvedProfile;
  /** Profiles by caller ID (E.164), the most specific match. */
  byDid: Record<string, OutcomeProfile>;
  /** Profiles by the callee's NANP area code (3 digits). */
  byAreaCode: Record<string, OutcomeProfile>;
  faults: SimFaults;
  sms: SmsSimConfig;
  webhooks: WebhookDeliveryConfig;
}

/**
 * A change to the configuration (`PUT /sim/config`, `configure(patch)`): given fields replace the
 * current ones; `defaults`, `faults`, `sms` and `webhooks` merge field by field; `byDid` and
 * `byAreaCode` merge per key, an entry may name a preset (`"bad"`) and a `null` entry removes
 * that key; `seed: null` unsets the seed.
 */
export interface SimConfigPatch {
  timeScale?: number;
  ringMs?: number;
  seed?: number | string | null;
  defaults?: OutcomeProfile;
  byDid?: Record<string, OutcomeProfile | ProfilePresetName | null>;
  byAreaCode?: Record<string, OutcomeProfile | ProfilePresetName | null>;
  faults?: Partial<SimFaults>;
  sms?: Partial<SmsSimConfig>;
  webhooks?: Partial<WebhookDeliveryConfig>;
}
