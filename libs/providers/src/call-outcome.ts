/**
 * Every outcome a carrier reports for a voice call. It must stay equal, in content and order, to
 * `CallOutcomes` in `@engine/domain` (a test checks it): providers translate carrier vocabularies
 * into this list, and the domain scores and routes on it. Providers keep their own copy so that a
 * carrier adapter depends on nothing but its wire format.
 */
export const CallOutcomes = [
  'human_connected',
  'human_hangup',
  'voicemail',
  'no_answer',
  'busy',
  'failed',
] as const;

/** One call's final outcome; see {@link CallOutcomes}. */
export type CallOutcome = (typeof CallOutcomes)[number];

/** Narrows untrusted input (a webhook field, a lookup answer) to a {@link CallOutcome}. */
export function isCallOutcome(value: unknown): value is CallOutcome {
  return typeof value === 'string' && (CallOutcomes as readonly string[]).includes(value);
}

/**
 * A person who answered and hung up within this many seconds is `human_hangup` (seed 000: "human
 * answered but hung up quickly"); longer is `human_connected`. Every adapter uses this one line.
 */
export const QUICK_HANGUP_SECONDS = 6;

/** The outcome of a call a person answered, by how long it lasted. */
export function humanOutcome(durationSeconds: number): 'human_connected' | 'human_hangup' {
  return durationSeconds < QUICK_HANGUP_SECONDS ? 'human_hangup' : 'human_connected';
}
