import type { CallInstance } from 'twilio/lib/rest/api/v2010/account/call';
import type { CallProbe, ProviderCallStatus } from '../voice-provider';
import type { TwilioClient } from './twilio-client';
import { callOutcome, callState } from './twilio-call-status';
import { isTwilioNotFound, toProviderError, twilioRequest } from './twilio-errors';

/**
 * How much earlier than `placedAfter` a call may look created: our clock and Twilio's differ a
 * little. Kept short because an older call to the same callee from the same DID would be another
 * attempt's.
 */
export const CALL_CLOCK_SKEW_MS = 30_000;

/** At most this many of a callee's calls from one DID are read: far more than one prospect gets. */
const MAX_CALLS_READ = 200;

/** The probe's call among a callee's calls from the DID (see {@link findTwilioCall}). */
export function pickProbedCall(calls: readonly CallInstance[], placedAfter: Date): CallInstance | undefined {
  const earliest = placedAfter.getTime() - CALL_CLOCK_SKEW_MS;
  const candidates = calls
    .filter((call) => call.dateCreated instanceof Date && call.dateCreated.getTime() >= earliest)
    .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime());
  // The first call created after the attempt was recorded is the attempt's; one inside the skew
  // window only counts when there is none after.
  return candidates.find((call) => call.dateCreated.getTime() >= placedAfter.getTime()) ?? candidates.at(-1);
}

function toStatus(call: CallInstance, attemptId: string): ProviderCallStatus {
  const state = callState(call.status);
  const durationSeconds = Number(call.duration ?? 0) || 0;
  const outcome =
    state === 'completed' ? callOutcome(call.status, call.answeredBy, durationSeconds) : undefined;
  return {
    providerCallId: call.sid,
    attemptId,
    state,
    ...(outcome === undefined ? {} : { outcome, durationSeconds, spamFlagged: false }),
  };
}

/**
 * Finds the attempt's call without dialing: by SID when the originate answer was recorded, else
 * in the calls to the callee from the DID, by creation time. The list is not filtered by
 * `StartTime` at Twilio: that filter is day-granular and a queued call has no start time yet, so
 * it would hide exactly the call a lost answer left queued; `To` + `From` already narrow the list
 * to one prospect's calls from one number, and `dateCreated` is compared here.
 */
export async function findTwilioCall(
  client: TwilioClient,
  probe: CallProbe,
): Promise<ProviderCallStatus | undefined> {
  if (probe.providerCallId !== undefined) {
    const sid = probe.providerCallId;
    try {
      return toStatus(await client.calls(sid).fetch(), probe.attemptId);
    } catch (error) {
      if (isTwilioNotFound(error)) return undefined;
      throw toProviderError('findCall', error);
    }
  }
  const calls = await twilioRequest('findCall', () =>
    client.calls.list({ to: probe.to, from: probe.from, pageSize: 100, limit: MAX_CALLS_READ }),
  );
  const call = pickProbedCall(calls, probe.placedAfter);
  return call === undefined ? undefined : toStatus(call, probe.attemptId);
}
