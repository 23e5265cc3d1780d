import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeCarrier } from '@engine/testing';
import {
  seedCampaign,
  seedProspects,
  startFakePlivo,
  startFakeTwilio,
  zoneWithLocalHour,
} from '@engine/testing';
import type { CampaignStack } from '@engine/test-stack';
import { RealCarriers, startCampaignStack } from '@engine/test-stack';
import {
  ANSWERED,
  answeredOr,
  answers,
  busiestWindow,
  callsPerNumber,
  customerOnFake,
  prospectsOf,
  runToEnd,
} from './carrier-test-kit';
import { createRequestsTo, startRefusingFake } from './refusing-fakes';

describe('carrier rate limits and transient refusals (through the carriers fakes)', () => {
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

  it.concurrent(
    'two campaigns on one account stay under its calls-per-second limit together (plivo)',
    async () => {
      const cps = 2;
      const { customer, fake } = await customerOnFake(stack, fakes, {
        areas: ['415', '415', '415', '415'],
        cpsLimit: cps,
        start: (ownedNumbers) => startFakePlivo({ msPerCallSecond: 50, script: answers, ownedNumbers }),
      });
      const campaigns = await Promise.all(
        [0, 1].map(() =>
          seedCampaign(db(), customer.id, { mode: { calls_per_second: 10, max_attempts: 1 } }),
        ),
      );
      const prospects = (
        await Promise.all(
          campaigns.map((c, i) =>
            seedProspects(db(), c.id, 12, { timezone: callableZone, startAt: 1_100_000 + i * 100 }),
          ),
        )
      ).flat();

      const results = await Promise.all(campaigns.map((c) => runToEnd(stack, c.id)));
      expect(results.map((r) => r.status)).toEqual(['completed', 'completed']);

      // The carrier never saw more than the account's limit in any second.
      expect(fake.createTimes).toHaveLength(24);
      expect(busiestWindow(fake.createTimes, 1000)).toBeLessThanOrEqual(cps);
      // Every prospect called once, none failed: the excess was deferred, not refused.
      const perNumber = callsPerNumber(fake);
      expect(prospects.map((p) => perNumber.get(p.phone) ?? 0)).toEqual(prospects.map(() => 1));
      const rows = (await Promise.all(campaigns.map((c) => prospectsOf(stack, c.id)))).flat();
      expect(rows.map((r) => answeredOr(r.status))).toEqual(rows.map(() => ANSWERED));
      // Pacing at 10/s against 2/s: each campaign waited for the account's slots, either before
      // claiming (a pool wait) or, when both woke for the same freed slot and the other took it,
      // by deferring the claimed call (`rateLimited`) and dialing it later, never by failing it.
      // Which of the two happens depends on how the campaigns interleave, so only the sum is
      // asserted.
      const waits = results.map((r) => (r.counters.rateLimited ?? 0) + r.counters.poolWaits);
      expect(waits.every((n) => n > 0)).toBe(true);
      expect(results.map((r) => r.counters.dialed)).toEqual([12, 12]);
      expect(results.map((r) => r.counters.originateFailed)).toEqual([0, 0]);
    },
  );

  // Each carrier says 429 its own way (and Retry-After or not): every adapter must read it as such.
  it.concurrent.each(RealCarriers.map((provider, i) => [provider, i] as const))(
    "backs off on the carrier's 429 and calls every prospect exactly once (%s)",
    async (provider, index) => {
      const { customer, fake } = await customerOnFake(stack, fakes, {
        areas: ['415'],
        start: async (numbers) => {
          const started = await startRefusingFake(provider, { numbers, script: answers });
          started.failNext(2, 429);
          return started;
        },
      });
      const campaign = await seedCampaign(db(), customer.id, {
        mode: { calls_per_second: 5, max_attempts: 1 },
      });
      const prospects = await seedProspects(db(), campaign.id, 4, {
        timezone: callableZone,
        startAt: 1_200_000 + index * 100,
      });
      const result = await runToEnd(stack, campaign.id);
      expect(result.status).toBe('completed');

      // Two creates refused with 429 (placing nothing), then one accepted per prospect.
      const creates = prospects.map((p) => createRequestsTo(fake, p.phone));
      expect(creates.reduce((a, b) => a + b)).toBe(prospects.length + 2);
      const perNumber = callsPerNumber(fake);
      expect(prospects.map((p) => perNumber.get(p.phone) ?? 0)).toEqual([1, 1, 1, 1]);
      const rows = await prospectsOf(stack, campaign.id);
      expect(rows.map((r) => [answeredOr(r.status), r.attempt_count])).toEqual(rows.map(() => [ANSWERED, 1]));
      expect(result.counters.rateLimited).toBeGreaterThanOrEqual(2);
      expect(result.counters.originateFailed).toBe(0);
    },
  );

  it.concurrent(
    'a 5xx is not retried blind: the call is looked for first, and placed once in the end (twilio)',
    async () => {
      const { customer, fake } = await customerOnFake(stack, fakes, {
        areas: ['415'],
        start: (ownedNumbers) =>
          startFakeTwilio({ msPerCallSecond: 50, script: answers, ownedNumbers }).then((f) => {
            f.failNext(1, 503);
            return f;
          }),
      });
      const campaign = await seedCampaign(db(), customer.id, {
        mode: { calls_per_second: 5, max_attempts: 1 },
      });
      const [prospect] = await seedProspects(db(), campaign.id, 1, {
        timezone: callableZone,
        startAt: 1_300_000,
      });
      const startedAt = Date.now();
      const result = await runToEnd(stack, campaign.id);
      expect(result.status).toBe('completed');

      const twilio = fake as unknown as {
        requests: Array<{ method: string; path: string; form: URLSearchParams }>;
      };
      const creates = twilio.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Calls.json'));
      expect(creates.map((r) => r.form.get('To'))).toEqual([prospect?.phone, prospect?.phone]);
      // Before the second create, the carrier's call list was asked whether the first placed a call.
      const secondCreate = twilio.requests.indexOf(creates[1]!);
      const lookups = twilio.requests
        .slice(0, secondCreate)
        .filter((r) => r.method === 'GET' && r.path.endsWith('/Calls.json'));
      expect(lookups.length).toBeGreaterThan(0);
      expect(fake.calls.map((c) => c.to)).toEqual([prospect?.phone]);
      // The engine waited for the carrier's call list to settle rather than dialing again at once.
      expect(fake.createTimes[0]! - startedAt).toBeGreaterThanOrEqual(10_000);
      const [row] = await prospectsOf(stack, campaign.id);
      expect(answeredOr(row?.status ?? '')).toBe(ANSWERED);
      const attempts = await db()
        .selectFrom('call_attempts')
        .select(['attempt_number', 'status'])
        .where('campaign_id', '=', campaign.id)
        .execute();
      expect(attempts).toEqual([{ attempt_number: 1, status: 'completed' }]);
    },
    90_000,
  );
});
