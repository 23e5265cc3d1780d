import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptIdFor, settingsFromCampaign } from '@engine/activities';
import type { Did } from '@engine/db';
import { claimEligibleProspects } from '@engine/db';
import type { CampaignStack } from '@engine/test-stack';
import { startCampaignStack } from '@engine/test-stack';
import { seedCampaign, seedCustomer, seedDids, seedProspects, zoneWithLocalHour } from '@engine/testing';
import { createDialNextBatch } from '../src/campaign/dial/dial-next-batch';

/**
 * A dial tick whose worker died after the carrier accepted its calls (the attempts are
 * `in_progress`) but before it published its events: the retried tick reports the calls to the
 * workflow without dialing them again, and publishes what the dead try could not.
 */
describe('dialNextBatch retried after its first try died past the carrier', () => {
  let stack: CampaignStack;
  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.001 });
  });
  afterAll(() => stack?.close());

  const db = () => stack.database.db;

  it('reports the accepted call again, does not redial it, and publishes campaign.call.initiated once', async () => {
    const { customer } = await seedCustomer(db());
    const [did] = (await seedDids(db(), customer.id, 1)) as [Did];
    const campaign = await seedCampaign(db(), customer.id, { mode: { calls_per_second: 5 } });
    const [prospect] = (await seedProspects(db(), campaign.id, 1, {
      timezone: zoneWithLocalHour(new Date(), 9, 19),
    })) as [{ id: number; phone: string }];
    const settings = settingsFromCampaign(campaign);

    // The first try: claimed the prospect (attempt 1), the carrier accepted the call, the attempt
    // went `in_progress`; then its worker was SIGKILLed before the events were published.
    const claimed = await claimEligibleProspects(db(), {
      campaignId: campaign.id,
      customerId: customer.id,
      limit: 5,
      now: new Date(Date.now() + 1000),
      claimAs: 'dialing',
      claimToken: 'died-1',
    });
    expect(claimed.map((p) => p.id)).toEqual([prospect.id]);
    const attemptId = attemptIdFor(prospect.id, 1);
    await db()
      .insertInto('call_attempts')
      .values({
        id: attemptId,
        prospect_id: prospect.id,
        campaign_id: campaign.id,
        attempt_number: 1,
        did_id: did.id,
        from_number: did.number,
        to_number: prospect.phone,
        status: 'in_progress',
        provider: 'sim',
        provider_call_id: 'sim-call-of-the-dead-try',
        originated_at: new Date(),
      })
      .execute();

    const dial = createDialNextBatch(stack.deps);
    const first = await dial({ settings, batchToken: 'died-1', limit: 5 });
    // Temporal may retry the tick once more (its answer lost too): still one event.
    const again = await dial({ settings, batchToken: 'died-1', limit: 5 });

    for (const result of [first, again]) {
      expect(result.dialed).toEqual([{ attemptId, prospectId: prospect.id, didId: did.id }]);
    }
    const sim = (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as {
      calls: Array<{ attemptId: string }>;
    };
    expect(sim.calls.filter((c) => c.attemptId === attemptId)).toEqual([]);
    const events = await db()
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('campaign_id', '=', campaign.id)
      .where('type', '=', 'campaign.call.initiated')
      .execute();
    expect(events.map((e) => e.payload)).toEqual([
      {
        prospectId: prospect.id,
        attemptId,
        attempt: 1,
        to: prospect.phone,
        from: did.number,
        didId: did.id,
      },
    ]);
  });
});
