import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeCarrier } from '@engine/testing';
import { seedCampaign, seedProspects, zoneWithLocalHour } from '@engine/testing';
import type { CampaignStack } from '@engine/test-stack';
import { RealCarriers, startCampaignStack } from '@engine/test-stack';
import {
  ANSWERED,
  answeredOr,
  answers,
  callsPerNumber,
  customerOnFake,
  prospectsOf,
  runToEnd,
  storedEvents,
} from './carrier-test-kit';
import { createRequestsTo, startRefusingFake, wrongCredentials } from './refusing-fakes';

/**
 * Each carrier refuses in its own words (codes, statuses, texts); the adapters translate them
 * into one reason, and the engine acts on the reason. So every case runs on every carrier.
 */
describe('carrier refusals: what each reason does to the prospect, the DID and the campaign', () => {
  let stack: CampaignStack;
  const fakes: FakeCarrier[] = [];
  const callableZone = zoneWithLocalHour(new Date(), 9, 18);

  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.0005 });
    await stack.startWorker();
  });
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.close()));
    await stack?.close();
  });

  const db = () => stack.database.db;

  describe.each(RealCarriers.map((provider, i) => [provider, i] as const))('%s', (provider, index) => {
    // Distinct callee numbers per carrier and case: one database, customers of their own.
    const base = 2_000_000 + index * 10_000;

    it.concurrent('an invalid number or a geo-blocked destination fails, never retried', async () => {
      const invalid = `+1415${base + 101}`;
      const blocked = `+1415${base + 102}`;
      const { customer, fake } = await customerOnFake(stack, fakes, {
        areas: ['415'],
        start: (numbers) =>
          startRefusingFake(provider, {
            numbers,
            geoBlocked: [blocked],
            script: (to) => (to === invalid ? { answer: 'invalid_number' } : answers()),
          }),
      });
      // Attempts to spare: a refusal that was retried would show as a second create.
      const campaign = await seedCampaign(db(), customer.id, {
        mode: { calls_per_second: 5, max_attempts: 3, retry_delay_seconds: 1 },
      });
      const prospects = await seedProspects(db(), campaign.id, 3, {
        timezone: callableZone,
        startAt: base + 100,
      });
      expect(prospects.map((p) => p.phone).slice(1)).toEqual([invalid, blocked]);
      expect((await runToEnd(stack, campaign.id)).status).toBe('completed');

      expect([invalid, blocked].map((to) => createRequestsTo(fake, to))).toEqual([1, 1]);
      const rows = await prospectsOf(stack, campaign.id);
      expect(rows.map((r) => [answeredOr(r.status), r.attempt_count])).toEqual([
        [ANSWERED, 1],
        ['failed', 1],
        ['failed', 1],
      ]);
      expect(rows[1]?.status_reason ?? '').toMatch(/invalid_number/);
      expect(rows[2]?.status_reason ?? '').toMatch(/geo_permission/);
      expect([...callsPerNumber(fake).keys()]).toEqual([prospects[0]?.phone]);
    });

    it.concurrent(
      'a caller ID the account does not own is suspended, the prospects called from another',
      async () => {
        // The prospects' area code matches the first DID's: local presence picks it first.
        const { customer, fake, dids } = await customerOnFake(stack, fakes, {
          areas: ['415', '212'],
          start: (numbers) =>
            startRefusingFake(provider, { numbers, unownedCallerId: numbers[0], script: answers }),
        });
        const [unowned, owned] = dids;
        const campaign = await seedCampaign(db(), customer.id, {
          mode: { calls_per_second: 5, max_attempts: 1 },
        });
        const prospects = await seedProspects(db(), campaign.id, 2, {
          timezone: callableZone,
          startAt: base + 200,
        });
        expect((await runToEnd(stack, campaign.id)).status).toBe('completed');

        const rowsOfDids = await db()
          .selectFrom('dids')
          .select(['id', 'suspended_at', 'suspended_reason'])
          .where('customer_id', '=', customer.id)
          .execute();
        const unownedRow = rowsOfDids.find((d) => d.id === unowned?.id);
        expect(unownedRow?.suspended_at).toBeInstanceOf(Date);
        expect(unownedRow?.suspended_reason ?? '').toMatch(/caller_id_unverified/);
        expect(rowsOfDids.find((d) => d.id === owned?.id)?.suspended_at).toBeNull();
        const events = await storedEvents(stack, 'did.suspended', { customerId: customer.id });
        expect(events.map((e) => e.payload['didId'])).toEqual([unowned?.id]);

        // The refused number was tried (and refused) before the prospects were called from the other.
        expect(prospects.map((p) => createRequestsTo(fake, p.phone)).reduce((a, b) => a + b)).toBeGreaterThan(
          2,
        );
        expect(fake.calls.map((c) => c.from)).toEqual([owned?.number, owned?.number]);
        expect(fake.calls.map((c) => c.to).sort()).toEqual(prospects.map((p) => p.phone).sort());
        const rows = await prospectsOf(stack, campaign.id);
        expect(rows.map((r) => answeredOr(r.status))).toEqual([ANSWERED, ANSWERED]);
      },
    );

    it.concurrent(
      'refused credentials pause the campaign (carrier_auth), naming the account; nothing fails',
      async () => {
        // The account exists at the carrier, but the secret given is not its own.
        const { customer, fake, accountId } = await customerOnFake(stack, fakes, {
          areas: ['415'],
          start: (numbers) => startRefusingFake(provider, { numbers, script: answers }),
          credentials: wrongCredentials,
        });
        const campaign = await seedCampaign(db(), customer.id, {
          mode: { calls_per_second: 5, max_attempts: 2 },
        });
        await seedProspects(db(), campaign.id, 3, { timezone: callableZone, startAt: base + 300 });
        const workflowId = await stack.startCampaign(campaign.id);
        try {
          await expect
            .poll(
              () =>
                db()
                  .selectFrom('campaigns')
                  .select(['status', 'pause_reason'])
                  .where('id', '=', campaign.id)
                  .executeTakeFirst(),
              { timeout: 20_000, interval: 200 },
            )
            .toEqual({ status: 'paused', pause_reason: 'carrier_auth' });
          const paused = await storedEvents(stack, 'campaign.paused.carrier_auth', {
            campaignId: campaign.id,
          });
          expect(paused).toHaveLength(1);
          expect(String(paused[0]?.payload['message'])).toContain(accountId);

          // Paused, it dials nothing more; the prospects wait in the queue, none failed or charged.
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          const rows = await prospectsOf(stack, campaign.id);
          expect(rows.map((r) => [r.status, r.attempt_count])).toEqual([
            ['queued', 0],
            ['queued', 0],
            ['queued', 0],
          ]);
          expect(fake.calls).toHaveLength(0);
          const failed = await db()
            .selectFrom('call_attempts')
            .select('error')
            .where('campaign_id', '=', campaign.id)
            .where('status', '=', 'failed')
            .execute();
          expect(failed.filter((a) => a.error !== 'not_originated')).toEqual([]);
        } finally {
          await stack.temporal.client.workflow.getHandle(workflowId).terminate('test over');
        }
      },
    );
  });
});
