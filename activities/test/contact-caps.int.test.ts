import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptIdFor, createSendNextSms, settingsFromCampaign } from '@engine/activities';
import type { Did } from '@engine/db';
import {
  addSuppressions,
  claimEligibleProspects,
  contactsOf,
  reserveContacts,
  setContactCaps,
} from '@engine/db';
import type { CampaignStack } from '@engine/test-stack';
import { seedCampaign, seedCustomer, seedDids, seedProspects, zoneWithLocalHour } from '@engine/testing';
import { startCampaignStack } from '@engine/test-stack';
import { createDialNextBatch } from '../src/campaign/dial/dial-next-batch';

const HOUR = 3_600_000;

/**
 * The contact caps at the last step before the carrier: a call or a text to a number at its cap
 * is not placed, the prospect waits until the cap allows (its attempt given back), and an attempt
 * that never reaches the carrier gives its reserved contact back.
 */
describe('dial and SMS ticks under the contact caps', () => {
  let stack: CampaignStack;
  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.001 });
  });
  afterAll(() => stack?.close());

  const db = () => stack.database.db;
  const sim = async () =>
    (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as { calls: Array<{ attemptId: string }> };
  const simMessages = async () =>
    (await (await fetch(`${stack.sim.url}/sim/messages`)).json()) as {
      messages: Array<{ messageId: string }>;
    };
  const prospectRow = (id: number) =>
    db().selectFrom('prospects').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const cappedEvents = (campaignId: string) =>
    db()
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'campaign.prospect.capped')
      .where('campaign_id', '=', campaignId)
      .execute();

  /** A customer capped at one contact per 24 h, with one prospect in a campaign of `channel`. */
  async function setup(channel: 'voice' | 'sms') {
    const { customer } = await seedCustomer(db());
    await setContactCaps(db(), customer.id, { per24h: 1, per7d: null });
    const [did] = (await seedDids(db(), customer.id, 1)) as [Did];
    const campaign = await seedCampaign(db(), customer.id, {
      channel,
      mode: { calls_per_second: 5 },
      ...(channel === 'sms' ? { message: 'Hi there' } : {}),
    });
    const [prospect] = (await seedProspects(db(), campaign.id, 1, {
      timezone: zoneWithLocalHour(new Date(), 9, 17),
    })) as [{ id: number; phone: string }];
    return { customer, did, campaign, prospect, settings: settingsFromCampaign(campaign) };
  }

  /** A contact of the number an hour ago, by another campaign of the customer (a text). */
  async function contactedAnHourAgo(customerId: string, phone: string): Promise<Date> {
    const at = new Date(Date.now() - HOUR);
    const other = await seedCampaign(db(), customerId, { channel: 'sms', message: 'Earlier' });
    await reserveContacts(db(), [
      {
        attemptId: `earlier-${customerId}`,
        customerId,
        phone,
        channel: 'sms',
        campaignId: other.id,
        at,
        per24h: 1,
        per7d: 7,
      },
    ]);
    return at;
  }

  it('a call to a number at its cap is not placed; the prospect waits until the cap allows', async () => {
    const { customer, campaign, prospect, settings } = await setup('voice');
    const earlier = await contactedAnHourAgo(customer.id, prospect.phone);

    const result = await createDialNextBatch(stack.deps)({ settings, batchToken: 'capped-1', limit: 5 });

    const attemptId = attemptIdFor(prospect.id, 1);
    expect(result.dialed).toEqual([]);
    expect(result.counts.capped).toBe(1);
    expect((await sim()).calls.some((c) => c.attemptId === attemptId)).toBe(false);
    const allowedAt = new Date(earlier.getTime() + 24 * HOUR);
    const row = await prospectRow(prospect.id);
    expect([row.status, row.status_reason, row.attempt_count]).toEqual(['queued', 'contact_cap', 0]);
    expect(row.next_attempt_at).toEqual(allowedAt);
    expect(result.nextDueAt).toBe(allowedAt.toISOString());
    const attempt = await db()
      .selectFrom('call_attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    expect([attempt.status, attempt.error]).toEqual(['failed', 'not_originated']);
    expect((await stack.deps.semaphore.leases('campaign')).some((l) => l.leaseId === attemptId)).toBe(false);
    expect((await cappedEvents(campaign.id)).map((e) => e.payload)).toEqual([
      { prospectId: prospect.id, phone: prospect.phone, allowedAt: allowedAt.toISOString(), limit: '24h' },
    ]);
    expect(
      (await contactsOf(db(), customer.id, prospect.phone, new Date(0))).map((c) => c.attempt_id),
    ).toEqual([`earlier-${customer.id}`]);
  });

  it('a dialed call is in the ledger under its attempt id (control)', async () => {
    const { customer, campaign, prospect, settings } = await setup('voice');

    const result = await createDialNextBatch(stack.deps)({ settings, batchToken: 'placed-1', limit: 5 });

    const attemptId = attemptIdFor(prospect.id, 1);
    expect(result.dialed.map((d) => d.attemptId)).toEqual([attemptId]);
    expect(result.counts.capped).toBe(0);
    const contacts = await contactsOf(db(), customer.id, prospect.phone, new Date(0));
    expect(contacts.map((c) => [c.attempt_id, c.channel, c.campaign_id])).toEqual([
      [attemptId, 'voice', campaign.id],
    ]);
  });

  it('an attempt found suppressed at the last check gives back the contact an earlier try reserved', async () => {
    const { customer, did, campaign, prospect, settings } = await setup('voice');
    // The first try claimed the prospect, reserved its contact and recorded the attempt, then
    // its worker died before the carrier was called; the number was suppressed since.
    const claimed = await claimEligibleProspects(db(), {
      campaignId: campaign.id,
      customerId: customer.id,
      limit: 5,
      now: new Date(Date.now() + 1000),
      claimAs: 'dialing',
      claimToken: 'dnc-1',
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
        status: 'originating',
        provider: 'sim',
      })
      .execute();
    await reserveContacts(db(), [
      {
        attemptId,
        customerId: customer.id,
        phone: prospect.phone,
        channel: 'voice',
        campaignId: campaign.id,
        at: new Date(Date.now() - 60_000),
        per24h: 1,
        per7d: 7,
      },
    ]);
    await addSuppressions(db(), customer.id, [{ phone: prospect.phone }]);

    const result = await createDialNextBatch(stack.deps)({ settings, batchToken: 'dnc-1', limit: 5 });

    expect(result.counts.dnc).toBe(1);
    expect((await sim()).calls.some((c) => c.attemptId === attemptId)).toBe(false);
    expect(await contactsOf(db(), customer.id, prospect.phone, new Date(0))).toEqual([]);
  });

  it('a text to a number at its cap is not sent; the prospect waits, the unsent message is dropped', async () => {
    const { customer, campaign, prospect, settings } = await setup('sms');
    const earlier = await contactedAnHourAgo(customer.id, prospect.phone);

    const result = await createSendNextSms(stack.deps)({ settings, batchToken: 'sms-capped-1' });

    const messageId = attemptIdFor(prospect.id, 1);
    expect([result.sent, result.outcome]).toEqual([false, 'capped']);
    expect((await simMessages()).messages.some((m) => m.messageId === messageId)).toBe(false);
    const allowedAt = new Date(earlier.getTime() + 24 * HOUR);
    const row = await prospectRow(prospect.id);
    expect([row.status, row.status_reason, row.attempt_count]).toEqual(['queued', 'contact_cap', 0]);
    expect(row.next_attempt_at).toEqual(allowedAt);
    expect(await db().selectFrom('sms_messages').select('id').where('id', '=', messageId).execute()).toEqual(
      [],
    );
    expect((await cappedEvents(campaign.id)).map((e) => e.payload)).toEqual([
      { prospectId: prospect.id, phone: prospect.phone, allowedAt: allowedAt.toISOString(), limit: '24h' },
    ]);
  });

  it('a text sent is in the ledger under its message id (control)', async () => {
    const { customer, campaign, prospect, settings } = await setup('sms');

    const result = await createSendNextSms(stack.deps)({ settings, batchToken: 'sms-sent-1' });

    expect([result.sent, result.outcome]).toEqual([true, 'sent']);
    const contacts = await contactsOf(db(), customer.id, prospect.phone, new Date(0));
    expect(contacts.map((c) => [c.attempt_id, c.channel, c.campaign_id])).toEqual([
      [attemptIdFor(prospect.id, 1), 'sms', campaign.id],
    ]);
  });
});
