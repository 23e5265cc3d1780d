import type { CallAttempt, QueuedCallRow } from '@engine/db';
import type { CallState } from '@engine/domain';
import { callStateOf, TerminalCallStates } from '@engine/domain';
import type { CallAttemptView, CallStatusView, QueuedCallView } from './call.view';

/** The seed's state of a stored call at `now`. */
export function stateOfRow(row: QueuedCallRow, now: Date): CallState {
  return callStateOf(
    {
      prospectStatus: row.prospect_status,
      nextAttemptAt: row.next_attempt_at,
      latestAttemptStatus: row.latest_attempt_status,
    },
    now,
  );
}

export function toQueuedCallView(row: QueuedCallRow, now: Date): QueuedCallView {
  return {
    call_id: row.id,
    custom_call_id: row.custom_call_id,
    batch_id: row.batch_id,
    campaign_id: row.campaign_id,
    phone_number: row.phone,
    priority: row.priority,
    state: stateOfRow(row, now),
    scheduled_at: row.scheduled_at?.toISOString() ?? null,
    max_retries: row.max_retries,
    created_at: row.created_at.toISOString(),
  };
}

function toAttemptView(a: CallAttempt): CallAttemptView {
  return {
    attempt: a.attempt_number,
    attempt_id: a.id,
    status: a.status,
    outcome: a.outcome,
    duration_seconds: a.duration_seconds,
    caller_id: a.from_number,
    started_at: (a.originated_at ?? a.created_at).toISOString(),
    ended_at: a.completed_at?.toISOString() ?? null,
    error: a.error,
  };
}

/**
 * The status answer. `retries_left`: the first attempt is not a retry, so a call with
 * `max_retries` 3 has 3 left until its second attempt is made; none once it has ended.
 */
export function toCallStatusView(
  row: QueuedCallRow,
  attempts: readonly CallAttempt[],
  now: Date,
): CallStatusView {
  const view = toQueuedCallView(row, now);
  const retriesUsed = Math.max(0, row.attempt_count - 1);
  return {
    ...view,
    reason: row.cancel_reason ?? row.status_reason,
    next_attempt_at: row.next_attempt_at.toISOString(),
    retries_left: TerminalCallStates.includes(view.state) ? 0 : Math.max(0, row.max_retries - retriesUsed),
    attempts: attempts.map(toAttemptView),
  };
}
