import type { ListAllCallsResponse } from 'plivo/dist/resources/call';
import type { CallOutcome } from '../call-outcome';
import type { CallProbe, ProviderCallStatus } from '../voice-provider';
import { humanOutcome } from '../call-outcome';
import type { PlivoClient } from './plivo-client';
import { plivoCall } from './plivo-errors';
import { PlivoHttpError } from './plivo-transport';
import { parsePlivoTime, plivoFilterTime, sameNumber, seconds, toPlivoNumber } from './plivo-wire';

/** Clock difference allowed between the engine and Plivo when comparing a call's start. */
export const CLOCK_SKEW_MS = 30_000;
/**
 * The CDR filter's `end_time__gte` is read in the account's time zone, which can be up to 14 h
 * from UTC: the filter asks that much earlier, and the exact bound is applied to each record.
 */
const TIME_ZONE_MARGIN_MS = 14 * 3_600_000;
/** Plivo's page size limit for list endpoints. */
const PAGE = 20;

interface Found {
  providerCallId: string;
  state: ProviderCallStatus['state'];
  outcome?: CallOutcome;
  durationSeconds?: number;
}

/** CDR `call_state` (and, failing that, the hangup cause) → outcome; see the adapter's table. */
export function cdrOutcome(
  callState: string | undefined,
  cause: string | undefined,
  duration: number,
): CallOutcome {
  const state = (callState ?? '').toUpperCase().replace(/[^A-Z]/g, '');
  const text = `${state} ${(cause ?? '').toUpperCase()}`;
  if (state === 'ANSWER' || state === 'ANSWERED' || state === 'COMPLETED') return humanOutcome(duration);
  if (/BUSY/.test(text)) return 'busy';
  if (/NOANSWER|NO ANSWER|TIMEOUT|CANCEL|RING TIMEOUT/.test(text)) return 'no_answer';
  return 'failed';
}

function notFound(err: unknown): boolean {
  return err instanceof PlivoHttpError && err.status === 404;
}

/** A queued call (not dialing yet), by request UUID or by numbers. */
async function findQueued(client: PlivoClient, probe: CallProbe): Promise<Found | undefined> {
  const ids: string[] = probe.providerCallId
    ? [probe.providerCallId]
    : (await plivoCall('findCall', () => client.calls.listQueuedCalls())).map((c: { id: string }) => c.id);
  for (const id of ids) {
    let call;
    try {
      call = await plivoCall('findCall', () => client.calls.getQueuedCall(id));
    } catch (err) {
      if (err instanceof Error && notFound(err.cause)) continue;
      throw err;
    }
    if (sameNumber(call.to, probe.to) && sameNumber(call.from, probe.from)) {
      return { providerCallId: call.requestUuid ?? id, state: 'ringing' };
    }
  }
  return undefined;
}

/** A live call (ringing or answered): its details carry the request UUID. */
async function findLive(client: PlivoClient, probe: CallProbe): Promise<Found | undefined> {
  const filters = { fromNumber: toPlivoNumber(probe.from), toNumber: toPlivoNumber(probe.to) };
  const live = await plivoCall('findCall', () => client.calls.listLiveCalls(filters));
  const earliest = probe.placedAfter.getTime() - CLOCK_SKEW_MS;
  for (const entry of live as Array<{ id: string }>) {
    let call;
    try {
      call = await plivoCall('findCall', () => client.calls.getLiveCall(entry.id));
    } catch (err) {
      if (err instanceof Error && notFound(err.cause)) continue;
      throw err;
    }
    if (!sameNumber(call.to, probe.to) || !sameNumber(call.from, probe.from)) continue;
    if (probe.providerCallId && call.requestUuid !== probe.providerCallId) continue;
    const started = parsePlivoTime(call.sessionStart);
    if (started && started.getTime() < earliest) continue;
    const state = String(call.callStatus).toLowerCase() === 'in-progress' ? 'in_progress' : 'ringing';
    return { providerCallId: call.requestUuid ?? probe.providerCallId ?? entry.id, state };
  }
  return undefined;
}

/**
 * A completed call's record (CDR). CDRs carry no request UUID: the first outbound call between
 * the numbers initiated after the attempt was recorded is the attempt's (one call per attempt).
 */
async function findCompleted(client: PlivoClient, probe: CallProbe): Promise<Found | undefined> {
  const earliest = probe.placedAfter.getTime() - CLOCK_SKEW_MS;
  const filters = {
    fromNumber: toPlivoNumber(probe.from),
    toNumber: toPlivoNumber(probe.to),
    end_time__gte: plivoFilterTime(new Date(earliest - TIME_ZONE_MARGIN_MS)),
    limit: PAGE,
  };
  const candidates = [];
  for (let offset = 0; offset < 10 * PAGE; offset += PAGE) {
    // The SDK resolves an array of records (its typings say one record).
    const page = (await plivoCall('findCall', () =>
      client.calls.list({ ...filters, offset }),
    )) as unknown as ListAllCallsResponse[];
    for (const cdr of page) {
      const initiated = parsePlivoTime(cdr.initiationTime);
      const outbound = (cdr.callDirection ?? 'outbound') === 'outbound';
      if (!outbound || !sameNumber(cdr.toNumber, probe.to) || !sameNumber(cdr.fromNumber, probe.from))
        continue;
      if (initiated && initiated.getTime() >= earliest) candidates.push({ cdr, at: initiated.getTime() });
    }
    if (page.length < PAGE) break;
  }
  const first = candidates.sort((a, b) => a.at - b.at)[0];
  if (!first) return undefined;
  const duration = seconds(first.cdr.callDuration);
  const outcome = cdrOutcome(first.cdr.callState, first.cdr.hangupCauseName, duration);
  return {
    // Known request UUID wins: webhooks name the call by it. Otherwise the CDR's CallUUID is all.
    providerCallId: probe.providerCallId ?? String(first.cdr.callUuid),
    state: 'completed',
    outcome,
    durationSeconds: outcome === 'human_connected' || outcome === 'human_hangup' ? duration : 0,
  };
}

/**
 * Finds an attempt's call without dialing: queued, then live, then completed. The order follows a
 * call's life, so a call that moves on between two lookups is still seen by the next one.
 */
export async function findPlivoCall(
  client: PlivoClient,
  probe: CallProbe,
): Promise<ProviderCallStatus | undefined> {
  const found =
    (await findQueued(client, probe)) ??
    (await findLive(client, probe)) ??
    (await findCompleted(client, probe));
  if (!found) return undefined;
  return {
    attemptId: probe.attemptId,
    ...found,
    ...(found.state === 'completed' ? { spamFlagged: false } : {}),
  };
}
