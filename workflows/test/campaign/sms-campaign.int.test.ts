import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignWorkflowResult } from '@engine/contracts';
import { CampaignDefaults } from '@engine/contracts';
import { createSendNextSms, settingsFromCampaign } from '@engine/activities';
import { nextWindowOpen, resolveRecipientZones } from '@engine/domain';
import { SIGNATURE_HEADER, signWebhook } from '@engine/providers';
import type { CampaignStack } from '@engine/test-stack';
import {
  createTimeSkippingEnv,
  seedCampaign,
  seedCustomer,
  seedDids,
  seedProspects,
  zoneWithLocalHour,
} from '@engine/testing';
import { startCampaignStack, TEST_WEBHOOK_SECRET } from '@engine/test-stack';

const MINUTE = 60_000;

async function postSigned(url: string, body: unknown): Promise<Response> {
  const raw = JSON.stringify(body);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(TEST_WEBHOOK_SECRET, raw),
    },
    body: raw,
  });
}

describe('SMS drip campaigns under time skipping', () => {
  let env: TestWorkflowEnvironment;
  let stack: CampaignStack;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    stack = await startCampaignStack({ timeSkipping: env, timeScale: 0.0001 });
    await stack.startWorker();
  });
  afterAll(async () => {
    await stack?.close();
    await env?.teardown();
  });

  async function runDrip(dids: number, prospects: number) {
    const db = stack.database.db;
    const now = new Date(await env.currentTimeMs());
    const { customer } = await seedCustomer(db);
    await seedDids(db, customer.id, dids);
    const campaign = await seedCampaign(db, customer.id, {
      channel: 'sms',
      message: 'Hi {{first_name}}, your appointment is confirmed.',
      mode: { template_fallbacks: { first_name: 'there' } },
    });
    await seedProspects(db, campaign.id, prospects, { timezone: zoneWithLocalHour(now, 8, 12) });
    const workflowId = await stack.startCampaign(campaign.id);
    const result = (await env.client.workflow.getHandle(workflowId).result()) as CampaignWorkflowResult;
    const messages = await db
      .selectFrom('sms_messages')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .orderBy('sent_at')
      .execute();
    return { result, messages, customer, campaign };
  }

  it.each([
    [10, 90_000],
    [50, 18_000],
  ])(
    '%s DIDs give one message every %s ms (15 min / DIDs), and the campaign completes when every message is final',
    async (dids, gap) => {
      const { result, messages } = await runDrip(dids, 5);
      expect(result.status).toBe('completed');
      expect(messages).toHaveLength(5);
      const gaps = messages.slice(1).map((m, i) => m.sent_at!.getTime() - messages[i]!.sent_at!.getTime());
      for (const g of gaps) expect(Math.abs(g - gap)).toBeLessThan(2000);
      expect(messages.every((m) => ['delivered', 'failed'].includes(m.status))).toBe(true);
      expect(messages[0]!.body).toMatch(/^Hi (Prospect|there)/);
    },
  );
});

describe('SMS on the dev server: windows, templates, receipts and opt-out', () => {
  let stack: CampaignStack;
  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.0001 });
    await stack.startWorker();
  });
  afterAll(() => stack?.close());

  it('never lets a DID send twice inside its gap, with two campaigns sharing the pool', async () => {
    // The same code path as the 15-minute production gap, shrunk to 3 s so it runs in real time
    // (the DB-level test proves the 15-minute gap with 50 concurrent selectors).
    const gapMinutes = 0.05;
    const db = stack.database.db;
    const { customer } = await seedCustomer(db);
    await seedDids(db, customer.id, 3, { startAt: 6_600_000 });
    const zone = zoneWithLocalHour(new Date(), 9, 17);
    const campaigns = await Promise.all(
      [0, 1].map((i) =>
        seedCampaign(db, customer.id, {
          channel: 'sms',
          message: `Hello from campaign ${i}`,
          name: `sms ${i}`,
          mode: { sms_gap_minutes: gapMinutes },
        }),
      ),
    );
    await seedProspects(db, campaigns[0]!.id, 6, { timezone: zone, startAt: 100 });
    await seedProspects(db, campaigns[1]!.id, 6, { timezone: zone, startAt: 200 });
    const ids = await Promise.all(campaigns.map((c) => stack.startCampaign(c.id)));
    await Promise.all(ids.map((id) => stack.temporal.client.workflow.getHandle(id).result()));
    const messages = await db
      .selectFrom('sms_messages')
      .select(['did_id', 'sent_at'])
      .where(
        'campaign_id',
        'in',
        campaigns.map((c) => c.id),
      )
      .orderBy('sent_at')
      .execute();
    expect(messages).toHaveLength(12);
    const selections = await db
      .selectFrom('dids')
      .select(['id', 'last_sms_at'])
      .where('customer_id', '=', customer.id)
      .execute();
    expect(selections.every((d) => d.last_sms_at !== null)).toBe(true);
    const byDid = new Map<string, number[]>();
    for (const m of messages) byDid.set(m.did_id!, [...(byDid.get(m.did_id!) ?? []), m.sent_at!.getTime()]);
    expect(byDid.size).toBe(3);
    for (const times of byDid.values()) {
      for (let i = 1; i < times.length; i++)
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(gapMinutes * MINUTE);
    }
  }, 120_000);

  it('re-queues a prospect outside 07:00-19:00 in its zone to the next opening, and skips one missing a variable', async () => {
    const db = stack.database.db;
    const { customer } = await seedCustomer(db);
    await seedDids(db, customer.id, 2);
    const campaign = await seedCampaign(db, customer.id, { channel: 'sms', message: 'Hi {{first_name}}' });
    // A moment after the prospect row is written (its next_attempt_at defaults to the insert time).
    const night = new Date(Date.now() + 2000);
    const nightZone = zoneWithLocalHour(night, 0, 5);
    const [asleep] = await seedProspects(db, campaign.id, 1, { timezone: nightZone, startAt: 10 });
    const send = createSendNextSms({ ...stack.deps, now: () => night });
    const settings = settingsFromCampaign(campaign);
    const first = await send({ settings, batchToken: 'w1' });
    expect(first.outcome).toBe('outside_window');
    const row = await db
      .selectFrom('prospects')
      .selectAll()
      .where('id', '=', asleep!.id)
      .executeTakeFirstOrThrow();
    const zones = resolveRecipientZones({
      prospectZone: nightZone,
      e164: row.phone,
      campaignZone: CampaignDefaults.timezone,
    }).zones;
    expect(row.status).toBe('queued');
    expect(row.next_attempt_at).toEqual(nextWindowOpen(night, 'sms', zones, { spreadKey: String(row.id) }));

    await db
      .updateTable('prospects')
      .set({ timezone: zoneWithLocalHour(night, 9, 17), next_attempt_at: night })
      .where('id', '=', row.id)
      .execute();
    const second = await send({ settings, batchToken: 'w2' });
    expect(second.outcome).toBe('skipped');
    const skipped = await db
      .selectFrom('prospects')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect([skipped.status, skipped.status_reason]).toEqual(['cancelled', 'missing_variable:first_name']);
  });

  it('out-of-order and duplicate receipts never move a message backwards', async () => {
    const db = stack.database.db;
    const { customer } = await seedCustomer(db);
    const [did] = await seedDids(db, customer.id, 1);
    const campaign = await seedCampaign(db, customer.id, { channel: 'sms', message: 'x' });
    const [p] = await seedProspects(db, campaign.id, 1, { startAt: 20 });
    await db
      .updateTable('prospects')
      .set({ status: 'sent', attempt_count: 1 })
      .where('id', '=', p!.id)
      .execute();
    const messageId = crypto.randomUUID();
    await db
      .insertInto('sms_messages')
      .values({
        id: messageId,
        prospect_id: p!.id,
        campaign_id: campaign.id,
        attempt_number: 1,
        did_id: did!.id,
        from_number: did!.number,
        to_number: p!.phone,
        body: 'x',
        encoding: 'gsm7',
        segments: 1,
        status: 'sent',
        provider: 'sim',
        provider_message_id: 'pm-1',
        sent_at: new Date(),
      })
      .execute();
    const url = `${stack.apiUrl}/api/webhooks/sim/sms-status`;
    const receipt = (status: string) => ({
      providerMessageId: 'pm-1',
      messageId,
      status,
      occurredAt: new Date().toISOString(),
    });
    expect((await (await postSigned(url, receipt('delivered'))).json()) as unknown).toEqual({
      status: 'applied',
    });
    expect((await (await postSigned(url, receipt('sent'))).json()) as unknown).toEqual({
      status: 'ignored_stale',
    });
    expect((await (await postSigned(url, receipt('delivered'))).json()) as unknown).toEqual({
      status: 'ignored_stale',
    });
    expect((await (await postSigned(url, receipt('failed'))).json()) as unknown).toEqual({
      status: 'ignored_stale',
    });
    const message = await db
      .selectFrom('sms_messages')
      .select('status')
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    const prospect = await db
      .selectFrom('prospects')
      .select('status')
      .where('id', '=', p!.id)
      .executeTakeFirstOrThrow();
    expect([message.status, prospect.status]).toEqual(['delivered', 'delivered']);
    const events = await db
      .selectFrom('events')
      .select('type')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(events.filter((e) => e.type === 'campaign.sms.delivered')).toHaveLength(1);
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(receipt('failed')),
    });
    expect(forged.status).toBe(401);
  });

  it('a STOP stops every later message to that number in all of the customer’s campaigns, with exactly one confirmation', async () => {
    const db = stack.database.db;
    const { customer } = await seedCustomer(db);
    // A number of its own: an inbound text is routed to the customer that owns the DID texted.
    const [did] = await seedDids(db, customer.id, 1, { startAt: 7_777_000 });
    const zone = zoneWithLocalHour(new Date(), 9, 17);
    const a = await seedCampaign(db, customer.id, { channel: 'sms', message: 'A' });
    const b = await seedCampaign(db, customer.id, { channel: 'sms', message: 'B' });
    const [pa] = await seedProspects(db, a.id, 1, { timezone: zone, startAt: 30 });
    await seedProspects(db, b.id, 1, { timezone: zone, startAt: 30 });
    const stopper = pa!.phone;

    const inbound = {
      providerMessageId: `in-${crypto.randomUUID()}`,
      from: stopper,
      to: did!.number,
      body: '  Stop! ',
      receivedAt: new Date().toISOString(),
    };
    const url = `${stack.apiUrl}/api/webhooks/sim/inbound-sms`;
    expect((await (await postSigned(url, inbound)).json()) as unknown).toEqual({ status: 'opt_out' });
    expect((await (await postSigned(url, inbound)).json()) as unknown).toEqual({ status: 'duplicate' });

    const rows = await db
      .selectFrom('prospects')
      .select(['status', 'status_reason'])
      .where('phone', '=', stopper)
      .execute();
    expect(rows).toEqual([
      { status: 'cancelled', status_reason: 'opt_out' },
      { status: 'cancelled', status_reason: 'opt_out' },
    ]);
    const suppression = await db
      .selectFrom('suppressions')
      .selectAll()
      .where('customer_id', '=', customer.id)
      .where('phone', '=', stopper)
      .executeTakeFirst();
    expect(suppression?.source).toBe('opt_out');

    // Both campaigns run; neither texts the number that said STOP.
    const ids = await Promise.all([a, b].map((c) => stack.startCampaign(c.id)));
    await Promise.all(ids.map((id) => stack.temporal.client.workflow.getHandle(id).result()));
    const sim = (await (await fetch(`${stack.sim.url}/sim/messages`)).json()) as {
      messages: Array<{ to: string; body: string }>;
    };
    const toStopper = sim.messages.filter((m) => m.to === stopper);
    expect(toStopper.map((m) => m.body)).toEqual([expect.stringContaining('unsubscribed')]);
  });
});
