import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptIdFor, settingsFromCampaign } from '@engine/activities';
import type { Did } from '@engine/db';
import { addSuppressions, claimEligibleProspects } from '@engine/db';
import { SIGNATURE_HEADER, signWebhook } from '@engine/providers';
import type { CampaignStack } from '@engine/test-stack';
import { seedCampaign, seedCustomer, seedDids, seedProspects, zoneWithLocalHour } from '@engine/testing';
import { startCampaignStack, TEST_WEBHOOK_SECRET } from '@engine/test-stack';
import { createDialNextBatch } from '../src/campaign/dial/dial-next-batch';

/**
 * An attempt that already exists when a batch runs (the batch is a retry of one that died, or the
 * carrier never got the attempt and it is reused) passed its DNC and window checks on an earlier
 * try. Before it reaches the carrier it must pass them again, now.
 */
describe('dialNextBatch re-checks DNC and the calling window for attempts from an earlier try', () => {
  let stack: CampaignStack;
  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.001 });
  });
  afterAll(() => stack?.close());

  const db = () => stack.database.db;
  const simAttemptIds = async () =>
    new Set(
      (
        (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as { calls: Array<{ attemptId: string }> }
      ).calls.map((c) => c.attemptId),
    );

  const leaseHeld = async (attemptId: string) =>
    (await stack.deps.semaphore.leases('campaign')).some((l) => l.leaseId === attemptId);

  async function setup(timezone: string) {
    const { customer } = await seedCustomer(db());
    const [did] = (await seedDids(db(), customer.id, 1)) as [Did];
    const campaign = await seedCampaign(db(), customer.id, { mode: { calls_per_second: 5 } });
    const [prospect] = (await seedProspects(db(), campaign.id, 1, { timezone })) as [
      { id: number; phone: string },
    ];
    return { customer, did, campaign, prospect, settings: settingsFromCampaign(campaign) };
  }

  /**
   * Attempt 1 as an earlier try left it: `originating` (it died before the carrier answered) or
   * `failed` / `not_originated` (the carrier confirmed it never received it).
   */
  async function earlierAttempt(
    campaignId: string,
    prospect: { id: number; phone: string },
    did: Did,
    left: 'originating' | 'not_originated',
  ) {
    const id = attemptIdFor(prospect.id, 1);
    await db()
      .insertInto('call_attempts')
      .values({
        id,
        prospect_id: prospect.id,
        campaign_id: campaignId,
        attempt_number: 1,
        did_id: did.id,
        from_number: did.number,
        to_number: prospect.phone,
        ...(left === 'originating'
          ? { status: 'originating' }
          : { status: 'failed', error: 'not_originated' }),
        provider: 'sim',
      })
      .execute();
    return id;
  }

  it('a reused attempt whose window has closed waits for the opening instead of being dialed', async () => {
    const now = new Date();
    const { campaign, prospect, did, settings } = await setup(zoneWithLocalHour(now, 0, 7));
    const attemptId = await earlierAttempt(campaign.id, prospect, did, 'not_originated');

    const result = await createDialNextBatch(stack.deps)({ settings, batchToken: 'closed-1', limit: 5 });

    expect(result.dialed).toEqual([]);
    expect(result.counts.outsideWindow).toBe(1);
    expect((await simAttemptIds()).has(attemptId)).toBe(false);
    const row = await db()
      .selectFrom('prospects')
      .selectAll()
      .where('id', '=', prospect.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('queued');
    expect(row.status_reason).toBe('outside_window');
    // The attempt number is kept, so the same attempt id is reused when the window opens.
    expect(row.attempt_count).toBe(0);
    expect(row.next_attempt_at!.getTime()).toBeGreaterThan(now.getTime() + 60 * 60_000);
    const attempt = await db()
      .selectFrom('call_attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect([attempt.status, attempt.error]).toEqual(['failed', 'not_originated']);
    expect(await leaseHeld(attemptId)).toBe(false);
  });

  it('a reused attempt inside its window is dialed with the same attempt id (control)', async () => {
    const { campaign, prospect, did, settings } = await setup(zoneWithLocalHour(new Date(), 9, 19));
    const attemptId = await earlierAttempt(campaign.id, prospect, did, 'not_originated');

    const result = await createDialNextBatch(stack.deps)({ settings, batchToken: 'open-1', limit: 5 });

    expect(result.dialed.map((d) => d.attemptId)).toEqual([attemptId]);
    expect((await simAttemptIds()).has(attemptId)).toBe(true);
    expect(await leaseHeld(attemptId)).toBe(true);
  });

  it('a retried batch does not dial a prospect suppressed since its first try', async () => {
    const { customer, campaign, prospect, did, settings } = await setup(zoneWithLocalHour(new Date(), 9, 19));
    // The first try claimed the prospect and recorded the attempt, then its worker died.
    const claimed = await claimEligibleProspects(db(), {
      campaignId: campaign.id,
      customerId: customer.id,
      limit: 5,
      // A second ahead: the row's default next_attempt_at is PostgreSQL's now(), in microseconds.
      now: new Date(Date.now() + 1000),
      claimAs: 'dialing',
      claimToken: 'retried-1',
    });
    expect(claimed.map((p) => p.id)).toEqual([prospect.id]);
    const attemptId = await earlierAttempt(campaign.id, prospect, did, 'originating');
    await addSuppressions(db(), customer.id, [{ phone: prospect.phone }]);

    const result = await createDialNextBatch(stack.deps)({ settings, batchToken: 'retried-1', limit: 5 });

    expect(result.dialed).toEqual([]);
    expect(result.counts.dnc).toBe(1);
    expect((await simAttemptIds()).has(attemptId)).toBe(false);
    const row = await db()
      .selectFrom('prospects')
      .selectAll()
      .where('id', '=', prospect.id)
      .executeTakeFirstOrThrow();
    expect([row.status, row.status_reason]).toEqual(['cancelled', 'dnc']);
    const attempt = await db()
      .selectFrom('call_attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect([attempt.status, attempt.error]).toEqual(['failed', 'not_originated']);
    const events = await db()
      .selectFrom('events')
      .select('type')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(events.map((e) => e.type)).toContain('campaign.prospect.dnc');
    expect(await leaseHeld(attemptId)).toBe(false);
  });

  it('a prospect claimed before its number texted an opt-out sentence is not dialed by the retried batch', async () => {
    const { customer, campaign, prospect, did, settings } = await setup(zoneWithLocalHour(new Date(), 9, 19));
    await claimEligibleProspects(db(), {
      campaignId: campaign.id,
      customerId: customer.id,
      limit: 5,
      now: new Date(Date.now() + 1000),
      claimAs: 'dialing',
      claimToken: 'revoked-1',
    });
    const attemptId = await earlierAttempt(campaign.id, prospect, did, 'not_originated');
    // The person texts the customer's number: an opt-out in a sentence, for every channel.
    const raw = JSON.stringify({
      providerMessageId: `in-${crypto.randomUUID()}`,
      from: prospect.phone,
      to: did.number,
      body: 'Please stop calling me',
      receivedAt: new Date().toISOString(),
    });
    const inbound = await fetch(`${stack.apiUrl}/api/webhooks/sim/inbound-sms`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(TEST_WEBHOOK_SECRET, raw),
      },
      body: raw,
    });
    expect(await inbound.json()).toEqual({ status: 'opt_out' });

    const result = await createDialNextBatch(stack.deps)({ settings, batchToken: 'revoked-1', limit: 5 });

    expect(result.dialed).toEqual([]);
    expect(result.counts.dnc).toBe(1);
    expect((await simAttemptIds()).has(attemptId)).toBe(false);
    const row = await db()
      .selectFrom('prospects')
      .selectAll()
      .where('id', '=', prospect.id)
      .executeTakeFirstOrThrow();
    expect([row.status, row.status_reason]).toEqual(['cancelled', 'dnc']);
  });
});
