import type { Telnyx } from 'telnyx';
import type { CallProbe, ProviderCallStatus } from '../voice-provider';
import { amdVerdict } from './telnyx-call-events';
import { decodeClientState } from './telnyx-client-state';
import { telnyxCallOutcome } from './telnyx-call-outcome';
import { callTelnyx } from './telnyx-errors';

/** Clock skew allowed between our `placedAfter` and Telnyx's event times. */
export const FIND_CALL_SKEW_MS = 60_000;
const PAGE_SIZE = 250;

/** One call event as `GET /v2/call_events` lists it. */
interface ListedCallEvent {
  call_leg_id: string;
  name: string;
  event_timestamp: string;
  metadata: Record<string, unknown>;
}

/**
 * The event's payload inside `metadata`. Telnyx documents `metadata` only as "the raw event and
 * extra information", so the payload is looked for where the raw webhook keeps it.
 */
function eventPayload(metadata: Record<string, unknown>): Record<string, unknown> {
  for (const candidate of [
    metadata['payload'],
    (metadata['data'] as Record<string, unknown> | undefined)?.['payload'],
  ]) {
    if (candidate && typeof candidate === 'object') return candidate as Record<string, unknown>;
  }
  return metadata;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A live call of the attempt, from the Call Control application's active calls. */
async function findActiveCall(
  client: Telnyx,
  connectionId: string,
  probe: CallProbe,
): Promise<ProviderCallStatus | undefined> {
  return callTelnyx('findCall', async () => {
    for await (const call of client.connections.listActiveCalls(connectionId, { 'page[size]': PAGE_SIZE })) {
      const state = decodeClientState(call.client_state);
      if (state?.attemptId !== probe.attemptId && call.call_control_id !== probe.providerCallId) continue;
      return {
        providerCallId: call.call_control_id,
        attemptId: probe.attemptId,
        state: state?.answeredAt ? 'in_progress' : 'ringing',
      } satisfies ProviderCallStatus;
    }
    return undefined;
  });
}

/** The events of the attempt's call leg among the probe's numbers and time window. */
async function attemptEvents(client: Telnyx, probe: CallProbe): Promise<ListedCallEvent[]> {
  const since = new Date(probe.placedAfter.getTime() - FIND_CALL_SKEW_MS).toISOString();
  const byLeg = new Map<string, ListedCallEvent[]>();
  let attemptLeg: string | undefined;
  await callTelnyx('findCall', async () => {
    const filter = { to: probe.to, from: probe.from, type: 'webhook' as const, occurred_at: { gte: since } };
    for await (const event of client.callEvents.list({ filter, 'page[size]': PAGE_SIZE })) {
      const listed: ListedCallEvent = { ...event, metadata: event.metadata ?? {} };
      byLeg.set(event.call_leg_id, [...(byLeg.get(event.call_leg_id) ?? []), listed]);
      const payload = eventPayload(listed.metadata);
      const state = decodeClientState(text(payload['client_state']));
      const ours =
        state?.attemptId === probe.attemptId ||
        (probe.providerCallId !== undefined && payload['call_control_id'] === probe.providerCallId);
      if (ours) attemptLeg = event.call_leg_id;
    }
  });
  return attemptLeg === undefined ? [] : (byLeg.get(attemptLeg) ?? []);
}

/** The call's status from its events: ended with `call.hangup`, live otherwise. */
function statusFromEvents(events: ListedCallEvent[], probe: CallProbe): ProviderCallStatus | undefined {
  const first = events[0];
  if (!first) return undefined;
  const named = (...names: string[]) => events.find((e) => names.includes(e.name));
  const callId = text(eventPayload(first.metadata)['call_control_id']) ?? first.call_leg_id;
  const answered = named('call.answered');
  const hangup = named('call.hangup');
  if (!hangup)
    return {
      providerCallId: callId,
      attemptId: probe.attemptId,
      state: answered ? 'in_progress' : 'ringing',
    };
  const machine = events.some((e) => {
    const payload = eventPayload(e.metadata);
    if (e.name.startsWith('call.machine.') && e.name.endsWith('.greeting.ended')) return true;
    return e.name.endsWith('detection.ended') && amdVerdict(text(payload['result'])) === 'machine';
  });
  const hangupPayload = eventPayload(hangup.metadata);
  const { outcome, durationSeconds } = telnyxCallOutcome({
    hangupCause: text(hangupPayload['hangup_cause']),
    answeredAt: answered?.event_timestamp,
    startTime: text(hangupPayload['start_time']),
    endedAt: hangup.event_timestamp,
    machine,
  });
  return {
    providerCallId: callId,
    attemptId: probe.attemptId,
    state: 'completed',
    outcome,
    durationSeconds,
    spamFlagged: false,
  };
}

/**
 * Finds the attempt's call without dialing: first among the application's active calls (by the
 * attempt id in `client_state`), then in the call-event log (`GET /v2/call_events` filtered by
 * the numbers and the time window; a leg is the attempt's when one of its events carries the
 * attempt's `client_state` or the known call id). Nothing found: the call was never placed.
 */
export async function findTelnyxCall(
  client: Telnyx,
  connectionId: string,
  probe: CallProbe,
): Promise<ProviderCallStatus | undefined> {
  const active = await findActiveCall(client, connectionId, probe);
  if (active) return active;
  return statusFromEvents(await attemptEvents(client, probe), probe);
}
