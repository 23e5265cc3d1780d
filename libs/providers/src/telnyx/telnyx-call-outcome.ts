import type { CallOutcome } from '../call-outcome';
import { humanOutcome } from '../call-outcome';

/**
 * What each `call.hangup` `hangup_cause` means for a call nobody is known to have answered.
 * `answered` marks causes that end a connected call (its outcome then depends on talk time).
 */
export const TelnyxHangupCauseOutcomes: Readonly<Record<string, CallOutcome | 'answered'>> = {
  normal_clearing: 'answered',
  time_limit: 'answered',
  user_busy: 'busy',
  // The callee declined (SIP 603): like busy, worth another try later.
  call_rejected: 'busy',
  timeout: 'no_answer',
  no_answer: 'no_answer',
  // We gave up while it rang (our own hangup before the answer).
  originator_cancel: 'no_answer',
  not_found: 'failed',
  unspecified: 'failed',
};

/** The facts of an ended call that decide its outcome. */
export interface TelnyxCallEnd {
  hangupCause: string | undefined;
  /** When the callee answered (stamped in `client_state`, or the `call.answered` event). */
  answeredAt?: string;
  /** The call's `start_time` (when it was dialed). */
  startTime?: string;
  /** When it ended (the `call.hangup` event's time). */
  endedAt: string;
  /** An AMD verdict seen on the call, when the caller knows one (`findCall`). */
  machine?: boolean;
}

function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

/**
 * The outcome and talk time of an ended call. Answered calls are `humanOutcome(talk time)` (the
 * engine replaces it with `voicemail` when AMD said machine) unless `machine` is known here.
 * A connected call whose answer time is unknown (the stamp was lost) is measured from
 * `start_time`, which includes the ringing: an overestimate, never a missed answer.
 */
export function telnyxCallOutcome(end: TelnyxCallEnd): { outcome: CallOutcome; durationSeconds: number } {
  const mapped = TelnyxHangupCauseOutcomes[end.hangupCause ?? 'unspecified'] ?? 'failed';
  let talkSeconds: number | undefined;
  if (end.answeredAt) talkSeconds = secondsBetween(end.answeredAt, end.endedAt);
  else if (mapped === 'answered')
    talkSeconds = end.startTime ? secondsBetween(end.startTime, end.endedAt) : 0;
  if (talkSeconds === undefined)
    return { outcome: mapped === 'answered' ? 'failed' : mapped, durationSeconds: 0 };
  return { outcome: end.machine ? 'voicemail' : humanOutcome(talkSeconds), durationSeconds: talkSeconds };
}
