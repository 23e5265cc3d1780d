import { sql } from 'kysely';
import type { DialBatchInput, DialBatchResult, EngineEvent } from '@engine/contracts';
import type { CallAttempt, ClaimedProspect, Did } from '@engine/db';
import {
  claimEligibleProspects,
  findClaimed,
  nextDueAt,
  requeueProspects,
  selectDidForCall,
  suppressedAmong,
} from '@engine/db';
import { areaCodeOf, isCallable, nextWindowOpen, resolveRecipientZones } from '@engine/domain';
import { ProviderRequestError } from '@engine/providers';
import { attemptIdFor } from './attempt-id';
import type { CampaignActivityDeps } from './campaign-deps';
import { dncEvent } from './dnc-event';

/** A carrier that cannot answer a lookup: try the prospect again after this long. */
const UNRESOLVED_RETRY_MS = 30_000;
/** Marks an attempt the carrier confirmed it never received, so the same attempt id may be reused. */
const NOT_ORIGINATED = 'not_originated';

interface Requeue {
  id: number;
  at: Date;
  refundAttempt: boolean;
  reason?: string;
}

interface ReadyCall {
  prospect: ClaimedProspect;
  attemptId: string;
  attemptNumber: number;
  did: Pick<Did, 'id' | 'number'>;
  /** An attempt row already exists (a retried batch, or a reused not-originated attempt). */
  existing: CallAttempt | undefined;
  /** The recipient's possible zones (calling window). */
  zones: readonly string[];
}

/**
 * One paced tick of a voice campaign, idempotent across retries:
 *
 * 1. claim the next due prospects (or, on a retry, find the ones this batch token claimed);
 *    suppressed numbers are cancelled in the same statement (`campaign.prospect.dnc`);
 * 2. outside the recipient's calling window: back to the queue at the next opening, spread;
 * 3. a channel lease keyed by the attempt id (pool full: back in 5 s, not a failure);
 * 4. a DID (none usable: back to the queue and the campaign pauses);
 * 5. the attempt is recorded (`originating`) before the carrier is called, and an attempt found
 *    `originating` on a retry is resolved with the carrier, never dialed blind a second time.
 */
export function createDialNextBatch(deps: CampaignActivityDeps) {
  const { db, semaphore, voice, events } = deps;
  const clock = () => deps.now?.() ?? new Date();

  return async function dialNextBatch(input: DialBatchInput): Promise<DialBatchResult> {
    const { settings, batchToken, limit } = input;
    const now = clock();
    const result: DialBatchResult = {
      dialed: [],
      settled: 0,
      counts: { claimed: 0, dnc: 0, outsideWindow: 0, poolFull: 0, noDid: 0, originateFailed: 0 },
      noDids: false,
      hasQueued: false,
      nextDueAt: null,
    };

    const retried = await findClaimed(db, settings.campaignId, batchToken);
    const claimed =
      retried.length > 0
        ? retried
        : await claimEligibleProspects(db, {
            campaignId: settings.campaignId,
            customerId: settings.customerId,
            limit,
            now,
            claimAs: 'dialing',
            claimToken: batchToken,
          });
    result.counts.claimed = claimed.length;

    const suppressed = claimed.filter((p) => p.suppressed);
    result.counts.dnc = suppressed.length;
    const pendingEvents: Array<{ event: EngineEvent; dedupeKey: string }> = suppressed.map((p) =>
      dncEvent(settings, p),
    );

    const live = claimed.filter((p) => !p.suppressed && p.status === 'dialing');
    const existingAttempts = await loadAttempts(
      live.map((p) => ({ prospectId: p.id, attemptNumber: p.attempt_count })),
    );

    const requeues: Requeue[] = [];
    const ready: ReadyCall[] = [];
    for (const prospect of live) {
      const attemptNumber = prospect.attempt_count;
      const attemptId = attemptIdFor(prospect.id, attemptNumber);
      const existing = existingAttempts.get(attemptId);
      if (existing && existing.status === 'in_progress') {
        // Dialed by an earlier try of this batch: report it, do not dial again.
        result.dialed.push({ attemptId, prospectId: prospect.id, didId: existing.did_id });
        continue;
      }
      if (
        existing &&
        (existing.status === 'completed' ||
          (existing.status === 'failed' && existing.error !== NOT_ORIGINATED))
      ) {
        result.settled += 1;
        continue;
      }

      const zones = resolveRecipientZones({
        prospectZone: prospect.timezone,
        e164: prospect.phone,
        campaignZone: settings.timezone,
      }).zones;
      if (!existing && !isCallable(now, 'voice', zones)) {
        const at = nextWindowOpen(now, 'voice', zones, { spreadKey: String(prospect.id) });
        requeues.push({ id: prospect.id, at, refundAttempt: true, reason: 'outside_window' });
        result.counts.outsideWindow += 1;
        continue;
      }

      const lease = await semaphore.acquire(
        'campaign',
        attemptId,
        leaseTtlMs(settings.callbackTimeoutSeconds),
      );
      if (!lease.acquired) {
        requeues.push({
          id: prospect.id,
          at: new Date(now.getTime() + lease.retryAfterMs),
          refundAttempt: !existing,
          reason: 'pool_full',
        });
        result.counts.poolFull += 1;
        continue;
      }

      let did: Pick<Did, 'id' | 'number'> | undefined =
        existing?.did_id && existing.from_number
          ? { id: existing.did_id, number: existing.from_number }
          : undefined;
      if (!did && !result.noDids) {
        did = await selectDidForCall(db, {
          customerId: settings.customerId,
          areaCode: areaCodeOf(prospect.phone) ?? null,
          callerIds: settings.callerIds,
          minScore: settings.minDidScore,
          now,
          ...(deps.didCaps ? { caps: deps.didCaps } : {}),
        });
      }
      if (!did) {
        result.noDids = true;
        await semaphore.release('campaign', attemptId);
        requeues.push({ id: prospect.id, at: now, refundAttempt: !existing, reason: 'no_dids' });
        result.counts.noDid += 1;
        continue;
      }
      ready.push({ prospect, attemptId, attemptNumber, did, existing, zones });
    }

    // Record every attempt before anything reaches the carrier.
    const fresh = ready.filter((r) => !r.existing);
    if (fresh.length > 0) {
      await db
        .insertInto('call_attempts')
        .values(
          fresh.map((r) => ({
            id: r.attemptId,
            prospect_id: r.prospect.id,
            campaign_id: settings.campaignId,
            attempt_number: r.attemptNumber,
            did_id: r.did.id,
            from_number: r.did.number,
            to_number: r.prospect.phone,
            status: 'originating' as const,
            provider: voice.name,
          })),
        )
        .onConflict((oc) => oc.columns(['prospect_id', 'attempt_number']).doNothing())
        .execute();
    }
    const reused = ready.filter((r) => r.existing && r.existing.status === 'failed');
    if (reused.length > 0) {
      await db
        .updateTable('call_attempts')
        .set({ status: 'originating', error: null })
        .where(
          'id',
          'in',
          reused.map((r) => r.attemptId),
        )
        .execute();
    }

    // An attempt that already existed (this batch retried, or one the carrier never got, reused)
    // passed its DNC and window checks on an earlier try, maybe minutes ago: check both again
    // before it reaches the carrier (invariant 3: never outside the window, never suppressed).
    const nowSuppressed = await suppressedAmong(
      db,
      settings.customerId,
      ready.filter((c) => c.existing).map((c) => c.prospect.phone),
    );
    const withheld: Array<{ call: ReadyCall; reason: 'dnc' | 'outside_window' }> = [];
    const dialed: Array<{ call: ReadyCall; providerCallId: string }> = [];
    const failures: Array<{ call: ReadyCall; error: string; retryable: boolean }> = [];
    await Promise.all(
      ready.map(async (call) => {
        try {
          if (call.existing?.status === 'originating') {
            // A previous try may or may not have reached the carrier: ask before dialing.
            const known = await voice.lookupCall(call.attemptId);
            if (known) {
              dialed.push({ call, providerCallId: known.providerCallId });
              return;
            }
          }
          if (call.existing) {
            if (nowSuppressed.has(call.prospect.phone)) {
              withheld.push({ call, reason: 'dnc' });
              return;
            }
            if (!isCallable(clock(), 'voice', call.zones)) {
              withheld.push({ call, reason: 'outside_window' });
              return;
            }
          }
          const accepted = await voice.originate({
            attemptId: call.attemptId,
            to: call.prospect.phone,
            from: call.did.number,
            callbackUrl: deps.callStatusCallbackUrl,
            agent: settings.agent,
            amd: true,
            ...(settings.voicemailDropUrl ? { voicemailDropUrl: settings.voicemailDropUrl } : {}),
            campaignId: settings.campaignId,
          });
          dialed.push({ call, providerCallId: accepted.providerCallId });
        } catch (err) {
          const retryable = !(err instanceof ProviderRequestError) || err.retryable;
          failures.push({ call, error: (err as Error).message, retryable });
        }
      }),
    );

    if (dialed.length > 0) {
      await sql`
        update call_attempts a
        set status = 'in_progress', provider_call_id = d.provider_call_id, originated_at = ${now}
        from unnest(${sql.val(dialed.map((d) => d.call.attemptId))}::uuid[],
                    ${sql.val(dialed.map((d) => d.providerCallId))}::text[]) as d(id, provider_call_id)
        where a.id = d.id and a.status = 'originating'`.execute(db);
      for (const { call } of dialed) {
        result.dialed.push({ attemptId: call.attemptId, prospectId: call.prospect.id, didId: call.did.id });
        pendingEvents.push({
          event: {
            type: 'campaign.call.initiated',
            customerId: settings.customerId,
            campaignId: settings.campaignId,
            payload: {
              prospectId: call.prospect.id,
              attemptId: call.attemptId,
              attempt: call.attemptNumber,
              to: call.prospect.phone,
              from: call.did.number,
              didId: call.did.id,
            },
          },
          dedupeKey: `initiated:${call.attemptId}`,
        });
      }
    }

    for (const { call, reason } of withheld) {
      await withholdCall(settings, call, reason, requeues, pendingEvents);
      if (reason === 'dnc') result.counts.dnc += 1;
      else result.counts.outsideWindow += 1;
    }

    for (const failure of failures) {
      await settleFailedOriginate(
        settings,
        failure.call,
        failure.error,
        failure.retryable,
        requeues,
        pendingEvents,
        now,
      );
    }
    result.counts.originateFailed = failures.filter((f) => !f.retryable).length;

    await requeueProspects(db, requeues);
    await events.publishMany(pendingEvents);

    const due = await nextDueAt(db, settings.campaignId);
    result.hasQueued = due !== undefined;
    result.nextDueAt = due ? due.toISOString() : null;
    return result;
  };

  async function loadAttempts(
    keys: Array<{ prospectId: number; attemptNumber: number }>,
  ): Promise<Map<string, CallAttempt>> {
    if (keys.length === 0) return new Map();
    const rows = await db
      .selectFrom('call_attempts')
      .selectAll()
      .where(
        'id',
        'in',
        keys.map((k) => attemptIdFor(k.prospectId, k.attemptNumber)),
      )
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * An existing attempt that may no longer be dialed (suppressed since, or its window closed): it
   * never reached the carrier, so it is marked reusable and its channel freed; a suppressed
   * prospect is cancelled (`campaign.prospect.dnc`), one outside its window waits for the opening
   * and will reuse the same attempt id.
   */
  async function withholdCall(
    settings: DialBatchInput['settings'],
    call: ReadyCall,
    reason: 'dnc' | 'outside_window',
    requeues: Requeue[],
    pendingEvents: Array<{ event: EngineEvent; dedupeKey: string }>,
  ): Promise<void> {
    await semaphore.release('campaign', call.attemptId);
    await db
      .updateTable('call_attempts')
      .set({ status: 'failed', error: NOT_ORIGINATED })
      .where('id', '=', call.attemptId)
      .where('status', 'in', ['originating', 'failed'])
      .execute();
    const now = clock();
    if (reason === 'dnc') {
      await db
        .updateTable('prospects')
        .set({ status: 'cancelled', status_reason: 'dnc', updated_at: now })
        .where('id', '=', call.prospect.id)
        .where('status', '=', 'dialing')
        .execute();
      pendingEvents.push(dncEvent(settings, call.prospect));
      return;
    }
    requeues.push({
      id: call.prospect.id,
      at: nextWindowOpen(now, 'voice', call.zones, { spreadKey: String(call.prospect.id) }),
      refundAttempt: true,
      reason: 'outside_window',
    });
  }

  /**
   * The carrier refused or did not answer. Refused (4xx): the attempt and the prospect fail for
   * good. No answer: if a lookup shows the carrier never got it, the same attempt may be tried
   * again later; if even the lookup fails, the attempt stays `originating` and is resolved first
   * when the prospect comes round again.
   */
  async function settleFailedOriginate(
    settings: DialBatchInput['settings'],
    call: ReadyCall,
    error: string,
    retryable: boolean,
    requeues: Requeue[],
    pendingEvents: Array<{ event: EngineEvent; dedupeKey: string }>,
    now: Date,
  ): Promise<void> {
    await semaphore.release('campaign', call.attemptId);
    if (!retryable) {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('call_attempts')
          .set({ status: 'failed', outcome: 'failed', error, completed_at: now })
          .where('id', '=', call.attemptId)
          .execute();
        await tx
          .updateTable('prospects')
          .set({
            status: 'failed',
            last_outcome: 'failed',
            status_reason: `carrier refused: ${error}`.slice(0, 500),
            updated_at: now,
          })
          .where('id', '=', call.prospect.id)
          .where('status', '=', 'dialing')
          .execute();
      });
      pendingEvents.push({
        event: {
          type: 'campaign.call.failed',
          customerId: settings.customerId,
          campaignId: settings.campaignId,
          payload: {
            prospectId: call.prospect.id,
            attemptId: call.attemptId,
            didId: call.did.id,
            durationSeconds: 0,
            error,
          },
        },
        dedupeKey: `outcome:${call.attemptId}`,
      });
      return;
    }
    let known: Awaited<ReturnType<typeof voice.lookupCall>> | 'unknown';
    try {
      known = await voice.lookupCall(call.attemptId);
    } catch {
      known = 'unknown';
    }
    if (known === undefined) {
      await db
        .updateTable('call_attempts')
        .set({ status: 'failed', error: NOT_ORIGINATED })
        .where('id', '=', call.attemptId)
        .execute();
    }
    // Either way the prospect keeps this attempt number: the attempt is reused or resolved later.
    requeues.push({
      id: call.prospect.id,
      at: new Date(now.getTime() + UNRESOLVED_RETRY_MS),
      refundAttempt: true,
      reason: 'carrier_unavailable',
    });
  }
}

/** A lease outlives the longest call plus the callback timeout, so only a lost callback expires it. */
function leaseTtlMs(callbackTimeoutSeconds: number): number {
  return (callbackTimeoutSeconds + 300) * 1000;
}
