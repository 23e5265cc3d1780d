/** The six AMD outcomes a carrier reports for a call (DESIGN.md section 5). */
export const CallOutcomeValues = [
  'human_connected',
  'human_hangup',
  'voicemail',
  'no_answer',
  'busy',
  'failed',
] as const;
export type CallOutcomeValue = (typeof CallOutcomeValues)[number];

/** A call's outcome as delivered to the campaign workflow (by the status webhook, or a resolver). */
export interface CallOutcomeReport {
  attemptId: string;
  outcome: CallOutcomeValue;
  durationSeconds: number;
  spamFlagged: boolean;
  /** Why the engine decided the outcome itself (e.g. `callback_timeout`), when the carrier did not. */
  resolution?: string;
  occurredAt: string;
}
