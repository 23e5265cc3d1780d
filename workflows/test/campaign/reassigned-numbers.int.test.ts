import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReassignedAnswer, ReassignedNumbersDatabase, ReassignedQuery } from '@engine/providers';
import { ListedReassignedNumbers } from '@engine/providers';
import type { CampaignStack } from '@engine/test-stack';
import { seedCampaign, seedCustomer, seedDids, seedProspects, zoneWithLocalHour } from '@engine/testing';
import { startCampaignStack } from '@engine/test-stack';

const CONSENT = new Date('2025-01-10T00:00:00Z');
const REASSIGNED = '+14158500001';
const DISCONNECTED_BEFORE_CONSENT = '+14158500002';
const FLAKY = '+14158600001';

/**
 * The stub database, failing its first `failures` questions about a number (the RND unreachable),
 * and counting what it was asked.
 */
class CountingDatabase implements ReassignedNumbersDatabase {
  readonly asked: ReassignedQuery[] = [];
  constructor(
    private readonly inner: ReassignedNumbersDatabase,
    private failures: number,
  ) {}
  async check(queries: readonly ReassignedQuery[]): Promise<Map<string, ReassignedAnswer>> {
    this.asked.push(...queries);
    if (queries.some((q) => q.phone === FLAKY) && this.failures > 0) {
      this.failures -= 1;
      throw new Error('reassigned numbers database unreachable');
    }
    return this.inner.check(queries);
  }
}

describe('reassigned numbers: a prospect reported disconnected since its consent is not contacted', () => {
  let stack: CampaignStack;
  const rnd = new CountingDatabase(
    new ListedReassignedNumbers([
      { phone: REASSIGNED, disconnectedAt: new Date('2025-06-01T00:00:00Z') },
      { phone: DISCONNECTED_BEFORE_CONSENT, disconnectedAt: new Date('2024-06-01T00:00:00Z') },
      { phone: FLAKY, disconnectedAt: new Date('2025-06-01T00:00:00Z') },
    ]),
    2,
  );
  const zone = zoneWithLocalHour(new Date(), 9, 17);

  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.0005, reassignedNumbers: rnd });
    await stack.startWorker();
  });
  afterAll(() => stack?.close());

  const db = () => stack.database.db;
  const consentTo = (ids: number[]) =>
    db().updateTable('prospects').set({ consented_at: CONSENT }).where('id', 'in', ids).execute();
  const runToEnd = async (campaignId: string) =>
    stack.temporal.client.workflow.getHandle(await stack.startCampaign(campaignId)).result();
  const rows = (campaignId: string) =>
    db()
      .selectFrom('prospects')
      .select(['phone', 'status', 'status_reason'])
      .where('campaign_id', '=', campaignId)
      .orderBy('phone')
      .execute();
  const eventsOf = (campaignId: string) =>
    db()
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('campaign_id', '=', campaignId)
      .where('type', '=', 'campaign.prospect.reassigned')
      .execute();
  const sim = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${stack.sim.url}${path}`)).json()) as T;

  it('a voice campaign skips the reassigned prospect and calls the rest', async () => {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 2);
    const campaign = await seedCampaign(db(), customer.id, {
      mode: { calls_per_second: 20, retry_delay_seconds: 1, max_attempts: 1 },
    });
    // 8500001: reassigned since consent; 8500002: disconnected before it (the consent is newer);
    // 8500003: consent, not listed; 8500004: no consent date, so not asked.
    const prospects = await seedProspects(db(), campaign.id, 4, { timezone: zone, startAt: 8_500_001 });
    await consentTo(prospects.slice(0, 3).map((p) => p.id));

    await runToEnd(campaign.id);

    const calls = await sim<{ calls: Array<{ to: string }> }>('/sim/calls');
    const called = new Set(calls.calls.map((c) => c.to));
    expect(called.has(REASSIGNED)).toBe(false);
    for (const p of prospects.slice(1)) expect(called.has(p.phone)).toBe(true);
    const stored = await rows(campaign.id);
    expect(stored[0]).toEqual({ phone: REASSIGNED, status: 'cancelled', status_reason: 'reassigned' });
    expect(stored.slice(1).every((r) => r.status !== 'cancelled')).toBe(true);
    expect(await eventsOf(campaign.id)).toEqual([
      {
        type: 'campaign.prospect.reassigned',
        payload: { prospectId: prospects[0]!.id, phone: REASSIGNED, consentedAt: CONSENT.toISOString() },
      },
    ]);
    // Only prospects with a consent date are asked about.
    expect(rnd.asked.some((q) => q.phone === prospects[3]!.phone)).toBe(false);
  });

  it('an SMS campaign skips the reassigned prospect; a failed check is retried, never read as "no"', async () => {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 2);
    const campaign = await seedCampaign(db(), customer.id, { channel: 'sms', message: 'Your order shipped' });
    const prospects = await seedProspects(db(), campaign.id, 2, { timezone: zone, startAt: 8_600_001 });
    await consentTo(prospects.map((p) => p.id));

    await runToEnd(campaign.id);

    const texts = await sim<{ messages: Array<{ to: string }> }>('/sim/messages');
    const texted = new Set(texts.messages.map((m) => m.to));
    expect(texted.has(FLAKY)).toBe(false);
    expect(texted.has(prospects[1]!.phone)).toBe(true);
    expect((await rows(campaign.id))[0]).toEqual({
      phone: FLAKY,
      status: 'cancelled',
      status_reason: 'reassigned',
    });
    // Two failed questions, then the answer: asked three times, reported once.
    expect(rnd.asked.filter((q) => q.phone === FLAKY)).toHaveLength(3);
    expect(await eventsOf(campaign.id)).toHaveLength(1);
  });
});
