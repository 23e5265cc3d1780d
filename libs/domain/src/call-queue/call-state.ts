/** A queued call's state as seed 001's status endpoint reports it. */
export const CallStates = [
  'queued',
  'scheduled',
  'dialing',
  'in_progress',
  'completed',
  'failed',
  'cancelled',
] as const;
export type CallState = (typeof CallStates)[number];

/** Outcomes after which a queued call is `completed`: somebody or something answered. */
const COMPLETED_OUTCOMES: ReadonlySet<string> = new Set(['human_connected', 'human_hangup', 'voicemail']);

/** What the state is derived from: the call's prospect row and its latest attempt. */
export interface CallStateSource {
  /** The prospect's status (`queued`, `dialing`, an outcome, `failed`, `cancelled`). */
  prospectStatus: string;
  /** When the prospect is next due (scheduled time, retry time or the next calling window). */
  nextAttemptAt: Date;
  /** The latest attempt's status (`originating`, `in_progress`, `completed`, `failed`), if any. */
  latestAttemptStatus: string | null;
}

/**
 * Maps the engine's prospect and attempt to the seed's states: a queued call due later (its
 * scheduled time, a retry's backoff or the recipient's next calling window) is `scheduled`; a
 * claimed one is `dialing` until the carrier reports it ringing or answered (`in_progress`); an
 * answered outcome is `completed`; `busy`, `no_answer` and `failed` with no attempt left are
 * `failed`; a cancelled or suppressed call is `cancelled`.
 */
export function callStateOf(source: CallStateSource, now: Date): CallState {
  const { prospectStatus } = source;
  if (prospectStatus === 'queued')
    return source.nextAttemptAt.getTime() > now.getTime() ? 'scheduled' : 'queued';
  if (prospectStatus === 'dialing')
    return source.latestAttemptStatus === 'in_progress' ? 'in_progress' : 'dialing';
  if (prospectStatus === 'cancelled') return 'cancelled';
  if (COMPLETED_OUTCOMES.has(prospectStatus)) return 'completed';
  return 'failed';
}

/** States a call never leaves. */
export const TerminalCallStates: readonly CallState[] = ['completed', 'failed', 'cancelled'];
