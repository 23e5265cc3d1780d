import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStateView, CampaignWorkflowResult } from '@engine/contracts';
import { CampaignDefaults, stateQuery } from '@engine/contracts';
import { TerminalProspectStatuses } from '@engine/db';
import { isCallable, nextWindowOpen, resolveRecipientZones } from '@engine/domain';
import type { CampaignStack } from '@engine/test-stack';
import {
  createTimeSkippingEnv,
  seedCampaign,
  seedCustomer,
  seedDids,
  seedProspects,
  zoneWithLocalHour,
} from '@engine/testing';
import { startCampaignStack } from '@engine/test-stack';

const NIGHT = 12;
const DAY = 4;

const waitFor = async <T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/**
 * Invariant 3 (DESIGN.md section 10) on the time-skipping server: prospects whose local time is
 * night are not dialed, go back to the queue at their zone's next window opening (spread per
 * prospect), and the workflow waits for that instant on a durable timer, which the server skips
 * to. Activities read the server's clock, so "now" is the same for the workflow and the windows.
 */
describe('calling windows: night-time prospects wait for their opening on a durable timer', () => {
  let env: TestWorkflowEnvironment;
  let stack: CampaignStack;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    stack = await startCampaignStack({ timeSkipping: env, timeScale: 0.001 });
    await stack.startWorker();
  });
  afterAll(async () => {
    await stack?.close();
    await env?.teardown();
  });

  const db = () => stack.database.db;
  const simCallsTo = async (phones: string[]) => {
    const { calls } = (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as {
      calls: Array<{ attemptId: string; to: string; receivedAt: string }>;
    };
    return calls.filter((c) => phones.includes(c.to));
  };

  it('re-queues them to nextWindowOpen and dials them once the skipped time reaches it', async () => {
    const serverStart = new Date(await env.currentTimeMs());
    const nightZone = zoneWithLocalHour(serverStart, 0, 5);
    const dayZone = zoneWithLocalHour(serverStart, 9, 19);
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 4);
    const campaign = await seedCampaign(db(), customer.id, {
      mode: { calls_per_second: 10, max_attempts: 1 },
    });
    const night = await seedProspects(db(), campaign.id, NIGHT, { timezone: nightZone, startAt: 3_100_000 });
    const day = await seedProspects(db(), campaign.id, DAY, { timezone: dayZone, startAt: 3_200_000 });
    const nightIds = night.map((p) => p.id);
    const nightPhones = night.map((p) => p.phone);
    const zonesOf = (phone: string) =>
      resolveRecipientZones({ prospectZone: nightZone, e164: phone, campaignZone: CampaignDefaults.timezone })
        .zones;

    const workflowId = await stack.startCampaign(campaign.id);
    const handle = stack.temporal.client.workflow.getHandle(workflowId);

    // Phase 1, time not skipping yet (the server's clock runs at wall speed until a result is
    // awaited): the daytime prospects are dialed and settled, the night-time ones re-queued.
    await waitFor(
      async () => {
        const rows = await db()
          .selectFrom('prospects')
          .selectAll()
          .where('campaign_id', '=', campaign.id)
          .execute();
        const nightRows = rows.filter((r) => nightIds.includes(r.id));
        const dayRows = rows.filter((r) => !nightIds.includes(r.id));
        const terminal: readonly string[] = TerminalProspectStatuses;
        return (
          nightRows.every((r) => r.status === 'queued' && r.status_reason === 'outside_window') &&
          dayRows.every((r) => terminal.includes(r.status))
        );
      },
      30_000,
      'the first batch',
    );
    const queuedAt = new Date(await env.currentTimeMs());
    expect(queuedAt.getTime() - serverStart.getTime()).toBeLessThan(5 * 60_000);

    const requeued = await db()
      .selectFrom('prospects')
      .select(['id', 'phone', 'next_attempt_at', 'attempt_count'])
      .where('id', 'in', nightIds)
      .orderBy('id')
      .execute();
    const expected = new Map<number, Date>();
    for (const p of requeued) {
      const zones = zonesOf(p.phone);
      expect(isCallable(queuedAt, 'voice', zones)).toBe(false);
      const at = nextWindowOpen(queuedAt, 'voice', zones, { spreadKey: String(p.id) });
      expected.set(p.id, at);
      expect({ id: p.id, at: p.next_attempt_at.toISOString() }).toEqual({ id: p.id, at: at.toISOString() });
      // The attempt they did not get is given back: each still has all of its attempts.
      expect(p.attempt_count).toBe(0);
    }
    const earliest = Math.min(...[...expected.values()].map((d) => d.getTime()));
    // Nothing reached the carrier or the attempts table for them.
    expect(await simCallsTo(nightPhones)).toEqual([]);
    expect(
      await db().selectFrom('call_attempts').select('id').where('prospect_id', 'in', nightIds).execute(),
    ).toEqual([]);
    expect((await simCallsTo(day.map((p) => p.phone))).length).toBe(DAY);

    // The workflow sleeps on a durable timer that fires at the earliest opening.
    const timer = await waitFor(
      async () => {
        const history = await handle.fetchHistory();
        const started = (history.events ?? []).filter((e) => e.timerStartedEventAttributes);
        const last = started[started.length - 1];
        if (!last?.eventTime || !last.timerStartedEventAttributes?.startToFireTimeout) return undefined;
        const fireAt =
          Number(last.eventTime.seconds) * 1000 +
          Math.floor((last.eventTime.nanos ?? 0) / 1e6) +
          Number(last.timerStartedEventAttributes.startToFireTimeout.seconds) * 1000 +
          Math.floor((last.timerStartedEventAttributes.startToFireTimeout.nanos ?? 0) / 1e6);
        return Math.abs(fireAt - earliest) < 5_000 ? { eventId: String(last.eventId), fireAt } : undefined;
      },
      30_000,
      'a timer until the earliest window opening',
    );
    const state = (await handle.query(stateQuery)) as CampaignStateView;
    expect(state.status).toBe('dialing');
    expect(state.inFlight).toBe(0);
    expect(state.counters.outsideWindow).toBe(NIGHT);
    const unlockedAtWall = Date.now();

    // Phase 2: awaiting the result lets the server skip hours of idle time.
    const result = (await handle.result()) as CampaignWorkflowResult;
    expect(result.status).toBe('completed');
    expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(earliest);

    const history = await handle.fetchHistory();
    const fired = (history.events ?? []).find(
      (e) => String(e.timerFiredEventAttributes?.startedEventId ?? '') === timer.eventId,
    );
    expect(fired, 'the window-opening timer fired').toBeDefined();

    // Each night-time prospect was dialed once, at or after its opening by the server's clock.
    const attempts = await db()
      .selectFrom('call_attempts')
      .select(['id', 'prospect_id', 'to_number', 'originated_at', 'status'])
      .where('prospect_id', 'in', nightIds)
      .execute();
    expect(attempts.map((a) => a.prospect_id).sort()).toEqual([...nightIds].sort());
    for (const a of attempts) {
      const due = expected.get(a.prospect_id)!;
      const opening = nextWindowOpen(queuedAt, 'voice', zonesOf(a.to_number));
      expect(a.status).toBe('completed');
      expect(a.originated_at, `attempt ${a.id}`).not.toBeNull();
      expect(a.originated_at!.getTime()).toBeGreaterThanOrEqual(due.getTime());
      expect(a.originated_at!.getTime()).toBeGreaterThanOrEqual(opening.getTime());
      expect(isCallable(a.originated_at!, 'voice', zonesOf(a.to_number))).toBe(true);
    }
    // The carrier saw each of them once, and only after the skipping began.
    const calls = await simCallsTo(nightPhones);
    expect(calls.map((c) => c.to).sort()).toEqual([...nightPhones].sort());
    expect(calls.every((c) => Date.parse(c.receivedAt) >= unlockedAtWall)).toBe(true);

    const finalRows = await db()
      .selectFrom('prospects')
      .select('status')
      .where('campaign_id', '=', campaign.id)
      .execute();
    const terminal: readonly string[] = TerminalProspectStatuses;
    expect(finalRows.every((r) => terminal.includes(r.status))).toBe(true);
    expect((await stack.deps.semaphore.usage('campaign')).inUse).toBe(0);
  }, 170_000);
});
