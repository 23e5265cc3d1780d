/**
 * Every outcome a voice call can end with, as reported by the carrier and answering-machine
 * detection. The order is stable: it is the order used in reports and in the database.
 */
export const CallOutcomes = [
  'human_connected',
  'human_hangup',
  'voicemail',
  'no_answer',
  'busy',
  'failed',
] as const;

/** One call's outcome; see {@link CallOutcomes}. */
export type CallOutcome = (typeof CallOutcomes)[number];

/** Outcomes where a person (not a machine) picked up, whether or not they stayed on the line. */
const HUMAN: ReadonlySet<CallOutcome> = new Set(['human_connected', 'human_hangup']);

/** Narrows untrusted input (a webhook body, a database row) to a {@link CallOutcome}. */
export function isCallOutcome(value: unknown): value is CallOutcome {
  return typeof value === 'string' && (CallOutcomes as readonly string[]).includes(value);
}

/**
 * True when the call connected: `human_connected`, `human_hangup` or `voicemail`. `no_answer`,
 * `busy` and `failed` never reached anyone.
 */
export function isAnswered(outcome: CallOutcome): boolean {
  // Compared directly rather than through ANSWERED: the health score calls this for every call of
  // its window after every outcome, and string comparisons are several times faster than a lookup.
  return outcome === 'human_connected' || outcome === 'human_hangup' || outcome === 'voicemail';
}

/**
 * True when a person answered: `human_connected` or `human_hangup` (a voicemail is a machine).
 * Note that the health score's "human engagement" counts only `human_connected`: a person who
 * hangs up at once is a sign the number looks like spam, not engagement.
 */
export function isHuman(outcome: CallOutcome): boolean {
  return HUMAN.has(outcome);
}
