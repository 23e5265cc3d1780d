import type { CallOutcome } from '../call-outcome';
import { humanOutcome } from '../call-outcome';
import type { CallState } from '../voice-provider';

/** Twilio's call statuses that end a call. */
export const TWILIO_FINAL_CALL_STATUSES = ['completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;

/** AMD verdicts (`AnsweredBy`) as the engine sees them. */
export type AmdVerdict = 'human' | 'machine' | 'unknown';

/**
 * Twilio's `AnsweredBy` as an AMD verdict: `machine_start`, `machine_end_beep`,
 * `machine_end_silence`, `machine_end_other` and `fax` are machines; `human` a person; anything
 * else (`unknown`, absent) unknown.
 */
export function amdVerdict(answeredBy: string | undefined | null): AmdVerdict {
  if (!answeredBy) return 'unknown';
  if (answeredBy === 'human') return 'human';
  if (answeredBy.startsWith('machine_') || answeredBy === 'fax') return 'machine';
  return 'unknown';
}

/** True when Twilio heard the end of a voicemail greeting: the moment to drop a message. */
export function isEndOfGreeting(answeredBy: string | undefined | null): boolean {
  return (
    answeredBy === 'machine_end_beep' ||
    answeredBy === 'machine_end_silence' ||
    answeredBy === 'machine_end_other'
  );
}

/** Where a call is in its life, from Twilio's status. */
export function callState(status: string): CallState {
  if ((TWILIO_FINAL_CALL_STATUSES as readonly string[]).includes(status)) return 'completed';
  return status === 'in-progress' ? 'in_progress' : 'ringing';
}

/**
 * A finished call's outcome from Twilio's final status, `AnsweredBy` and duration (seconds):
 *
 * | status      | AnsweredBy                    | outcome                                   |
 * | ----------- | ----------------------------- | ----------------------------------------- |
 * | `completed` | `machine_*`                   | `voicemail`                               |
 * | `completed` | `fax`                         | `failed` (no person will ever answer)     |
 * | `completed` | `human`, `unknown`, absent    | `humanOutcome(duration)`                  |
 * | `busy`      |                               | `busy`                                    |
 * | `no-answer` |                               | `no_answer`                               |
 * | `canceled`  |                               | `no_answer` (ended before it was answered) |
 * | `failed`    |                               | `failed`                                  |
 *
 * Without `AnsweredBy` the human outcome is returned: the engine overrides it with the AMD verdict
 * it stored from the earlier AMD callback. Returns `undefined` for a status that is not final.
 */
export function callOutcome(
  status: string,
  answeredBy: string | undefined | null,
  durationSeconds: number,
): CallOutcome | undefined {
  switch (status) {
    case 'completed':
      if (answeredBy === 'fax') return 'failed';
      return amdVerdict(answeredBy) === 'machine' ? 'voicemail' : humanOutcome(durationSeconds);
    case 'busy':
      return 'busy';
    case 'no-answer':
    case 'canceled':
      return 'no_answer';
    case 'failed':
      return 'failed';
    default:
      return undefined;
  }
}
