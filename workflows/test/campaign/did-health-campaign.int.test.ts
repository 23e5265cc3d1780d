import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignWorkflowResult } from '@engine/contracts';
import { DID_LIFECYCLE_WORKFLOW_TYPE } from '@engine/contracts';
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

describe('DID health in running campaigns', () => {
  describe('on the dev server', () => {
    let stack: CampaignStack;
    beforeAll(async () => {
      stack = await startCampaignStack({ timeScale: 0.0005 });
      await stack.startWorker();
    });
    afterAll(() => stack?.close());

    it('a campaign with one bad DID moves off it and finishes on the others', async () => {
      const db = stack.database.db;
      const { customer } = await seedCustomer(db);
      const dids = await seedDids(db, customer.id, 3);
      const bad = dids[0]!;
      stack.sim.configure({
        byDid: { [bad.number]: 'bad', [dids[1]!.number]: 'good', [dids[2]!.number]: 'good' },
      });
      const campaign = await seedCampaign(db, customer.id, {
        mode: { calls_per_second: 10, max_attempts: 1 },
      });
      await seedProspects(db, campaign.id, 80, { timezone: zoneWithLocalHour(new Date(), 9, 19) });
      const workflowId = await stack.startCampaign(campaign.id);
      const result = (await stack.temporal.client.workflow
        .getHandle(workflowId)
        .result()) as CampaignWorkflowResult;
      expect(result.status).toBe('completed');

      const badRow = await db
        .selectFrom('dids')
        .selectAll()
        .where('id', '=', bad.id)
        .executeTakeFirstOrThrow();
      // Unrated, it takes its share of calls until its 10th outcome; then it is cooled (or burned).
      expect(badRow.health_score).toBeLessThan(0.5);
      if (badRow.health_sample_size >= 10) expect(['burned', 'cooling']).toContain(badRow.state);
      else expect([badRow.state, badRow.health_verdict]).toEqual(['active', 'unrated']);
      const perDid = await db
        .selectFrom('call_attempts')
        .select(['did_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaign.id)
        .groupBy('did_id')
        .execute();
      const badCalls = Number(perDid.find((r) => r.did_id === bad.id)?.n ?? 0);
      const goodCalls = perDid.filter((r) => r.did_id !== bad.id).reduce((sum, r) => sum + Number(r.n), 0);
      expect(badCalls).toBeLessThanOrEqual(25);
      expect(goodCalls).toBeGreaterThan(badCalls * 2);
      const prospects = await db
        .selectFrom('prospects')
        .select('status')
        .where('campaign_id', '=', campaign.id)
        .execute();
      expect(prospects.filter((p) => ['queued', 'dialing'].includes(p.status))).toEqual([]);
    });
  });

  describe('a realistic pool: 20 healthy caller IDs and a bad one, default caps and channels', () => {
    let stack: CampaignStack;
    beforeAll(async () => {
      // Calls of 0.2 to 1.2 s (simulated 20 to 120 s): tens of calls in flight at once.
      stack = await startCampaignStack({ timeScale: 0.01 });
      await stack.startWorker();
    });
    afterAll(() => stack?.close());

    it('completes 1,800 prospects; no healthy DID is burned, the bad one leaves rotation early', async () => {
      const db = stack.database.db;
      const { customer } = await seedCustomer(db);
      const dids = await seedDids(db, customer.id, 21);
      const bad = dids[0]!;
      const healthy = dids.slice(1);
      // The healthy ones keep the simulator's default mix (a true score of about 0.83).
      stack.sim.configure({ byDid: { [bad.number]: 'bad' } });
      const campaign = await seedCampaign(db, customer.id, {
        mode: { calls_per_second: 50, max_attempts: 1 },
      });
      // 20 DIDs x 100 calls a day (the default cap) = 2,000 calls: 1,800 leaves room for a DID or
      // two taken out of rotation, and the daily cap never pauses the campaign.
      const prospects = 1_800;
      await seedProspects(db, campaign.id, prospects, { timezone: zoneWithLocalHour(new Date(), 9, 19) });
      const workflowId = await stack.startCampaign(campaign.id);
      const result = (await stack.temporal.client.workflow
        .getHandle(workflowId)
        .result()) as CampaignWorkflowResult;
      expect(result.status).toBe('completed');
      expect(result.counters.dialed).toBe(prospects);

      const rows = await db.selectFrom('dids').selectAll().where('customer_id', '=', customer.id).execute();
      const byId = new Map(rows.map((d) => [d.id, d]));
      const healthyRows = healthy.map((d) => byId.get(d.id)!);
      expect(healthyRows.filter((d) => d.state === 'burned')).toEqual([]);
      // False cooldowns are rare (0.15 % of healthy DIDs over 500 calls in the policy's simulation).
      expect(healthyRows.filter((d) => d.state === 'cooling').length).toBeLessThanOrEqual(1);
      const badRow = byId.get(bad.id)!;
      expect(['cooling', 'burned']).toContain(badRow.state);

      const perDid = await db
        .selectFrom('call_attempts')
        .select(['did_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', '=', campaign.id)
        .groupBy('did_id')
        .execute();
      const calls = new Map(perDid.map((r) => [r.did_id, Number(r.n)]));
      expect(calls.get(bad.id) ?? 0).toBeLessThanOrEqual(25);
      console.info(
        `realistic pool: bad DID placed ${calls.get(bad.id) ?? 0} calls (${badRow.state}), healthy ` +
          `${Math.min(...healthy.map((d) => calls.get(d.id) ?? 0))}-${Math.max(...healthy.map((d) => calls.get(d.id) ?? 0))} each, ` +
          `scores ${Math.min(...healthyRows.map((d) => d.health_score))}-${Math.max(...healthyRows.map((d) => d.health_score))}`,
      );
    }, 240_000);
  });

  describe('under time skipping', () => {
    let env: TestWorkflowEnvironment;
    let stack: CampaignStack;
    beforeAll(async () => {
      env = await createTimeSkippingEnv();
      stack = await startCampaignStack({ timeSkipping: env, timeScale: 0.0005 });
      await stack.startWorker();
    });
    afterAll(async () => {
      await stack?.close();
      await env?.teardown();
    });

    it('an opted-in campaign paused for no_dids resumes when its DID comes back from cooldown; one that did not opt in stays paused', async () => {
      const db = stack.database.db;
      const now = new Date(await env.currentTimeMs());
      const { customer } = await seedCustomer(db);
      const [did] = await seedDids(db, customer.id, 1);
      await db
        .updateTable('dids')
        .set({ state: 'cooling', cooldown_until: new Date(now.getTime() + 2 * 3_600_000) })
        .where('id', '=', did!.id)
        .execute();
      // Daytime for the next several hours wherever the prospects are.
      const zone = zoneWithLocalHour(now, 9, 14);
      const optedIn = await seedCampaign(db, customer.id, {
        mode: { calls_per_second: 5, auto_resume: true, max_attempts: 1 },
      });
      const optedOut = await seedCampaign(db, customer.id, {
        mode: { calls_per_second: 5, max_attempts: 1 },
      });
      await seedProspects(db, optedIn.id, 3, { timezone: zone, startAt: 1_000 });
      await seedProspects(db, optedOut.id, 3, { timezone: zone, startAt: 2_000 });
      const inId = await stack.startCampaign(optedIn.id);
      await stack.startCampaign(optedOut.id);

      const statusOf = async (id: string) =>
        (
          await db
            .selectFrom('campaigns')
            .select(['status', 'pause_reason'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).status;
      for (
        let i = 0;
        i < 100 && ((await statusOf(optedIn.id)) !== 'paused' || (await statusOf(optedOut.id)) !== 'paused');
        i++
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect([await statusOf(optedIn.id), await statusOf(optedOut.id)]).toEqual(['paused', 'paused']);

      // Two hours later the lifecycle (the schedule's workflow) brings the DID back, ramping.
      await env.sleep(2 * 3_600_000 + 60_000);
      await env.client.workflow.execute(DID_LIFECYCLE_WORKFLOW_TYPE, {
        taskQueue: stack.temporal.taskQueue,
        workflowId: `lifecycle-${optedIn.id}`,
      });
      const didRow = await db
        .selectFrom('dids')
        .selectAll()
        .where('id', '=', did!.id)
        .executeTakeFirstOrThrow();
      expect(didRow.state).toBe('active');
      expect(didRow.ramp_until).not.toBeNull();

      const result = (await env.client.workflow.getHandle(inId).result()) as CampaignWorkflowResult;
      expect(result.status).toBe('completed');
      expect(await statusOf(optedOut.id)).toBe('paused');
      const events = await db
        .selectFrom('events')
        .select('type')
        .where('campaign_id', '=', optedIn.id)
        .orderBy('id')
        .execute();
      expect(events.map((e) => e.type)).toEqual(
        expect.arrayContaining(['campaign.paused.no_dids', 'campaign.resumed', 'campaign.completed']),
      );
    });
  });
});
