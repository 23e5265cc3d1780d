import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignWorkflowResult } from '@engine/contracts';
import { contactsOf, insertProspects, setContactCaps, TerminalProspectStatuses } from '@engine/db';
import type { CampaignStack } from '@engine/test-stack';
import { startCampaignStack } from '@engine/test-stack';
import {
  createTimeSkippingEnv,
  seedCampaign,
  seedCustomer,
  seedDids,
  zoneWithLocalHour,
} from '@engine/testing';

const NUMBERS = 5;
const DAY_MS = 24 * 3_600_000;

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
 * Frequency caps under a race: two campaigns of one customer hold the same numbers and run at
 * once, with a cap of one contact per number per 24 hours. On the time-skipping server (activities
 * read its clock), the first phase runs at wall speed: each number must reach the carrier once,
 * whichever campaign got there first, the other campaign's prospect waiting for the cap. The
 * server then skips the day, and the waiting prospects are called.
 */
describe('contact caps: two campaigns racing on the same numbers', () => {
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
  const simCallsTo = async (phones: readonly string[]) => {
    const { calls } = (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as {
      calls: Array<{ attemptId: string; to: string }>;
    };
    return calls.filter((c) => phones.includes(c.to));
  };
  const prospectRows = (campaignIds: string[]) =>
    db().selectFrom('prospects').selectAll().where('campaign_id', 'in', campaignIds).orderBy('id').execute();

  it('never contacts a number more than the cap within 24 h; the loser waits for the cap, then is called', async () => {
    const serverStart = new Date(await env.currentTimeMs());
    // Callable now and at the same hour a day later.
    const zone = zoneWithLocalHour(serverStart, 10, 17);
    const { customer } = await seedCustomer(db());
    await setContactCaps(db(), customer.id, { per24h: 1, per7d: null });
    await seedDids(db(), customer.id, 4);
    const campaigns = await Promise.all(
      [0, 1].map(() => seedCampaign(db(), customer.id, { mode: { calls_per_second: 20, max_attempts: 1 } })),
    );
    const campaignIds = campaigns.map((c) => c.id);
    const phones = Array.from({ length: NUMBERS }, (_, i) => `+1415${String(4_100_000 + i)}`);
    for (const c of campaigns)
      await insertProspects(
        db(),
        phones.map((phone) => ({ campaign_id: c.id, phone, area_code: '415', timezone: zone })),
      );

    const handles = await Promise.all(
      campaignIds.map(async (id) => stack.temporal.client.workflow.getHandle(await stack.startCampaign(id))),
    );

    // Phase 1 (wall speed): one contact per number; the other prospect of each number waits for the cap.
    const capped = (r: { status: string; status_reason: string | null }) =>
      r.status === 'queued' && r.status_reason === 'contact_cap';
    const terminal: readonly string[] = TerminalProspectStatuses;
    const phase1 = await waitFor(
      async () => {
        const rows = await prospectRows(campaignIds);
        return rows.every((r) => terminal.includes(r.status) || capped(r)) && rows;
      },
      60_000,
      'every number contacted once and the other prospect capped',
    );
    expect(phase1.filter(capped)).toHaveLength(NUMBERS);
    expect(phase1.filter((r) => terminal.includes(r.status))).toHaveLength(NUMBERS);
    // One prospect of each number was called, the other capped (whichever campaign won the race).
    for (const phone of phones) {
      expect(
        phase1
          .filter((r) => r.phone === phone)
          .map((r) => capped(r))
          .sort(),
      ).toEqual([false, true]);
    }
    // The carrier itself saw one call per number.
    const firstCalls = await simCallsTo(phones);
    expect(firstCalls.map((c) => c.to).sort()).toEqual([...phones].sort());

    // Each capped prospect: given back its attempt, due when the cap allows, with its event.
    const events = await db()
      .selectFrom('events')
      .select(['campaign_id', 'payload'])
      .where('type', '=', 'campaign.prospect.capped')
      .where('campaign_id', 'in', campaignIds)
      .execute();
    expect(events).toHaveLength(NUMBERS);
    for (const row of phase1.filter(capped)) {
      const [first] = await contactsOf(db(), customer.id, row.phone, new Date(0));
      const allowedAt = new Date(first!.contacted_at.getTime() + DAY_MS);
      expect(row.attempt_count).toBe(0);
      expect(row.next_attempt_at).toEqual(allowedAt);
      const event = events.find((e) => (e.payload as { prospectId: number }).prospectId === row.id);
      expect(event?.payload).toEqual({
        prospectId: row.id,
        phone: row.phone,
        allowedAt: allowedAt.toISOString(),
        limit: '24h',
      });
    }

    // Phase 2: the server skips the day (a fixed skip: awaiting the results instead would let it
    // skip on whenever the worker is slow to pick up a task); the capped prospects are called.
    await env.sleep(DAY_MS + 60_000);
    await waitFor(
      async () =>
        (await Promise.all(handles.map((h) => h.describe()))).every((d) => d.status.name === 'COMPLETED'),
      90_000,
      'both campaigns completed',
    );
    const results = (await Promise.all(handles.map((h) => h.result()))) as CampaignWorkflowResult[];
    expect(results.map((r) => r.status)).toEqual(['completed', 'completed']);
    const allCalls = await simCallsTo(phones);
    expect(allCalls).toHaveLength(2 * NUMBERS);
    for (const phone of phones) {
      const contacts = await contactsOf(db(), customer.id, phone, new Date(0));
      expect(contacts.map((c) => c.attempt_id).sort()).toEqual(
        allCalls
          .filter((c) => c.to === phone)
          .map((c) => c.attemptId)
          .sort(),
      );
      expect(
        contacts[1]!.contacted_at.getTime() - contacts[0]!.contacted_at.getTime(),
      ).toBeGreaterThanOrEqual(DAY_MS);
      // The call itself left the engine no earlier than the cap allowed (the attempt's own record).
      const attempts = await db()
        .selectFrom('call_attempts')
        .select(['originated_at'])
        .where(
          'id',
          'in',
          contacts.map((c) => c.attempt_id),
        )
        .orderBy('originated_at')
        .execute();
      expect(attempts[1]!.originated_at!.getTime()).toBeGreaterThanOrEqual(
        contacts[0]!.contacted_at.getTime() + DAY_MS,
      );
    }

    // The counts add up: every prospect dialed once, five of them after waiting for the cap.
    const finalRows = await prospectRows(campaignIds);
    expect(finalRows.every((r) => terminal.includes(r.status) && r.attempt_count === 1)).toBe(true);
    expect(results.reduce((n, r) => n + r.counters.dialed, 0)).toBe(2 * NUMBERS);
    expect(results.reduce((n, r) => n + (r.counters.capped ?? 0), 0)).toBe(NUMBERS);
    expect(results.reduce((n, r) => n + r.counters.originateFailed, 0)).toBe(0);
  }, 170_000);
});
