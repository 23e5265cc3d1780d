import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptIdFor, createSendNextSms, settingsFromCampaign } from '@engine/activities';
import type { Did } from '@engine/db';
import { addSuppressions, claimEligibleProspects } from '@engine/db';
import type { CampaignStack } from '@engine/test-stack';
import { seedCampaign, seedCustomer, seedDids, seedProspects, zoneWithLocalHour } from '@engine/testing';
import { startCampaignStack } from '@engine/test-stack';

/**
 * A tick that is retried after its first try wrote the message (`sending`) but never reached the
 * carrier: before sending, the opt-out list and the recipient's window are checked again, now.
 */
describe('sendNextSms re-checks opt-out and the window before sending a message from an earlier try', () => {
  let stack: CampaignStack;
  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.001 });
  });
  afterAll(() => stack?.close());

  const db = () => stack.database.db;
  const simMessageIds = async () =>
    new Set(
      (
        (await (await fetch(`${stack.sim.url}/sim/messages`)).json()) as {
          messages: Array<{ messageId: string }>;
        }
      ).messages.map((m) => m.messageId),
    );

  /** A campaign with one prospect whose first tick claimed it and wrote its message, then died. */
  async function interruptedTick(timezone: string, token: string) {
    const { customer } = await seedCustomer(db());
    const [did] = (await seedDids(db(), customer.id, 1)) as [Did];
    const campaign = await seedCampaign(db(), customer.id, { channel: 'sms', message: 'Hi there' });
    const [prospect] = (await seedProspects(db(), campaign.id, 1, { timezone })) as [
      { id: number; phone: string },
    ];
    const claimed = await claimEligibleProspects(db(), {
      campaignId: campaign.id,
      customerId: customer.id,
      limit: 1,
      now: new Date(Date.now() + 1000),
      claimAs: 'sending',
      claimToken: token,
    });
    expect(claimed.map((p) => p.id)).toEqual([prospect.id]);
    const messageId = attemptIdFor(prospect.id, 1);
    await db()
      .insertInto('sms_messages')
      .values({
        id: messageId,
        prospect_id: prospect.id,
        campaign_id: campaign.id,
        attempt_number: 1,
        did_id: did.id,
        from_number: did.number,
        to_number: prospect.phone,
        body: 'Hi there',
        encoding: 'gsm7',
        segments: 1,
        status: 'sending',
        provider: 'sim',
      })
      .execute();
    return { customer, campaign, prospect, messageId, settings: settingsFromCampaign(campaign) };
  }

  it('a STOP received since the first try: nothing is sent; message and prospect are cancelled', async () => {
    const { customer, campaign, prospect, messageId, settings } = await interruptedTick(
      zoneWithLocalHour(new Date(), 9, 17),
      'sms-stop-1',
    );
    await addSuppressions(db(), customer.id, [{ phone: prospect.phone, reason: 'opt_out' }]);

    const result = await createSendNextSms(stack.deps)({ settings, batchToken: 'sms-stop-1' });

    expect([result.sent, result.outcome]).toEqual([false, 'dnc']);
    expect((await simMessageIds()).has(messageId)).toBe(false);
    const row = await db()
      .selectFrom('prospects')
      .selectAll()
      .where('id', '=', prospect.id)
      .executeTakeFirstOrThrow();
    expect([row.status, row.status_reason]).toEqual(['cancelled', 'dnc']);
    const message = await db()
      .selectFrom('sms_messages')
      .selectAll()
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(message.status).toBe('cancelled');
    const events = await db()
      .selectFrom('events')
      .select('type')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(events.map((e) => e.type)).toContain('campaign.prospect.dnc');
  });

  it('a window closed since the first try: nothing is sent; the prospect waits for the opening', async () => {
    const now = new Date();
    const { prospect, messageId, settings } = await interruptedTick(
      zoneWithLocalHour(now, 0, 6),
      'sms-night-1',
    );

    const result = await createSendNextSms(stack.deps)({ settings, batchToken: 'sms-night-1' });

    expect([result.sent, result.outcome]).toEqual([false, 'outside_window']);
    expect((await simMessageIds()).has(messageId)).toBe(false);
    const row = await db()
      .selectFrom('prospects')
      .selectAll()
      .where('id', '=', prospect.id)
      .executeTakeFirstOrThrow();
    expect([row.status, row.status_reason, row.attempt_count]).toEqual(['queued', 'outside_window', 0]);
    expect(row.next_attempt_at!.getTime()).toBeGreaterThan(now.getTime() + 60 * 60_000);
    // The unsent message is gone: the next tick writes a fresh one, from a DID free of its gap.
    expect(
      await db().selectFrom('sms_messages').selectAll().where('id', '=', messageId).executeTakeFirst(),
    ).toBe(undefined);
  });

  it('inside the window and not opted out, the retried tick sends the same message (control)', async () => {
    const { prospect, messageId, settings } = await interruptedTick(
      zoneWithLocalHour(new Date(), 9, 17),
      'sms-ok-1',
    );

    const result = await createSendNextSms(stack.deps)({ settings, batchToken: 'sms-ok-1' });

    expect([result.sent, result.outcome]).toEqual([true, 'sent']);
    expect((await simMessageIds()).has(messageId)).toBe(true);
    const row = await db()
      .selectFrom('prospects')
      .selectAll()
      .where('id', '=', prospect.id)
      .executeTakeFirstOrThrow();
    // The simulator's receipt may already have arrived.
    expect(['sent', 'delivered']).toContain(row.status);
  });
});
