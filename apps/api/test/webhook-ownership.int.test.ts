import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, signWebhook } from '@engine/providers';
import { seedCampaign, seedCustomer } from '@engine/testing';
import { TEST_WEBHOOK_SECRET } from '@engine/test-stack';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

/** Inbound texts, opt-outs and status webhooks reach only the customer that owns the number or the attempt. */
describe('webhooks reach only the owner', () => {
  let s: ApiStack;
  let a: ApiClient;
  let b: ApiClient;
  let aId: string;
  let bId: string;
  const replier = '+14155550777';

  beforeAll(async () => {
    s = await startApiStack();
    ({ http: a, customerId: aId } = await s.tenant('A'));
    ({ http: b, customerId: bId } = await s.tenant('B'));
  });
  afterAll(() => s?.close());

  async function webhook(kind: string, body: Record<string, unknown>): Promise<string> {
    const raw = JSON.stringify(body);
    const res = await fetch(`${s.url}/api/webhooks/sim/${kind}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(TEST_WEBHOOK_SECRET, raw),
      },
      body: raw,
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { status: string }).status;
  }

  const inbound = (to: string, body: string) =>
    webhook('inbound-sms', {
      providerMessageId: `in-${randomUUID()}`,
      from: replier,
      to,
      body,
      receivedAt: new Date().toISOString(),
    });

  /** An SMS campaign of the tenant with the replier queued in it. */
  async function queuedCampaign(http: ApiClient): Promise<string> {
    const id = (await http.post('/campaigns', { name: 'drip', channel: 'sms', message: 'Hi' })).body
      .id as string;
    expect(
      (await http.post(`/campaigns/${id}/prospects`, { prospects: [{ phone: replier }] })).body.accepted,
    ).toBe(1);
    return id;
  }
  const prospectStatus = async (http: ApiClient, campaignId: string) =>
    (await http.get(`/campaigns/${campaignId}/prospects`)).body.items[0].status as string;
  /** GET /suppressions/{phone}: the entry (200), or 404 when the number is not suppressed. */
  const suppressed = async (http: ApiClient) => {
    const res = await http.get(`/suppressions/${encodeURIComponent(replier)}`);
    expect([200, 404], res.text).toContain(res.status);
    return res.status === 200;
  };

  it('files a STOP under the current holder of the number only, and START lifts it there only', async () => {
    const number = '+14155550601';
    // A held the number first and retired it; B holds it now.
    const old = (await a.post('/dids', { number })).body.id as string;
    await a.post(`/dids/${old}/retire`);
    expect((await b.post('/dids', { number })).status).toBe(201);
    const aCampaign = await queuedCampaign(a);
    const bCampaign = await queuedCampaign(b);

    expect(await inbound(number, 'STOP')).toBe('opt_out');
    expect(await suppressed(b)).toBe(true);
    expect(await suppressed(a)).toBe(false);
    expect(await prospectStatus(b, bCampaign)).toBe('cancelled');
    expect(await prospectStatus(a, aCampaign)).toBe('queued');
    const stored = await s.stack.database.db
      .selectFrom('inbound_messages')
      .select('customer_id')
      .where('to_number', '=', number)
      .execute();
    expect(stored).toEqual([{ customer_id: bId }]);

    expect(await inbound(number, 'START')).toBe('opt_in');
    expect(await suppressed(b)).toBe(false);
    // A's operator-added suppression of the same phone is not B's to lift.
    await a.post('/suppressions', { phone: replier, reason: 'asked us by phone' });
    expect(await inbound(number, 'unstop')).toBe('opt_in');
    expect(await suppressed(a)).toBe(true);
    await a.delete(`/suppressions/${encodeURIComponent(replier)}`);
  });

  it('files a reply to a number nobody holds under whoever retired it last', async () => {
    const number = '+14155550602';
    const first = (await a.post('/dids', { number })).body.id as string;
    await a.post(`/dids/${first}/retire`);
    const second = (await b.post('/dids', { number })).body.id as string;
    await b.post(`/dids/${second}/retire`);
    const aCampaign = await queuedCampaign(a);
    const bCampaign = await queuedCampaign(b);

    expect(await inbound(number, 'stop all')).toBe('opt_out');
    expect(await suppressed(b)).toBe(true);
    expect(await suppressed(a)).toBe(false);
    expect(await prospectStatus(b, bCampaign)).toBe('cancelled');
    expect(await prospectStatus(a, aCampaign)).toBe('queued');
    await b.delete(`/suppressions/${encodeURIComponent(replier)}`);

    expect(await inbound('+14155550699', 'STOP')).toBe('unknown_number');
  });

  /** A campaign of `customerId` with one prospect, and an attempt and a message to it through `provider`. */
  async function placed(customerId: string, provider: string, n: number) {
    const db = s.stack.database.db;
    const campaign = await seedCampaign(db, customerId);
    const phone = `+1415555${String(900 + n).padStart(4, '0')}`;
    const prospect = await db
      .insertInto('prospects')
      .values({ campaign_id: campaign.id, phone, status: 'sent' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = {
      prospect_id: prospect.id,
      campaign_id: campaign.id,
      attempt_number: 1,
      to_number: phone,
      provider,
    };
    const attempt = { id: randomUUID(), providerCallId: `call-${randomUUID()}` };
    const message = { id: randomUUID(), providerMessageId: `msg-${randomUUID()}` };
    await db
      .insertInto('call_attempts')
      .values({ ...base, id: attempt.id, status: 'in_progress', provider_call_id: attempt.providerCallId })
      .execute();
    await db
      .insertInto('sms_messages')
      .values({
        ...base,
        id: message.id,
        body: 'Hi',
        encoding: 'gsm7',
        segments: 1,
        status: 'sent',
        provider_message_id: message.providerMessageId,
      })
      .execute();
    return { campaignId: campaign.id, attempt, message };
  }

  const callStatus = (attemptId: string, providerCallId: string) =>
    webhook('call-status', {
      providerCallId,
      attemptId,
      outcome: 'human_connected',
      durationSeconds: 30,
      spamFlagged: false,
      occurredAt: new Date().toISOString(),
    });
  const receipt = (messageId: string, providerMessageId: string) =>
    webhook('sms-status', {
      providerMessageId,
      messageId,
      status: 'delivered',
      occurredAt: new Date().toISOString(),
    });

  it('delivers a call status only to the attempt both of its ids name, within the carrier that sent it', async () => {
    const other = (await seedCustomer(s.stack.database.db, 'C')).customer.id;
    const mine = await placed(aId, 'sim', 1);
    const theirs = await placed(other, 'sim', 2);
    const elsewhere = await placed(other, 'another-carrier', 3);
    // Found, and on its way to A's campaign (whose workflow is not running in this test).
    expect(await callStatus(mine.attempt.id, mine.attempt.providerCallId)).toBe('campaign_not_running');
    // Our attempt id, but the attempt went out through another carrier: not this carrier's to report.
    expect(await callStatus(elsewhere.attempt.id, `forged-${randomUUID()}`)).toBe('unknown_attempt');
    // Two ids naming two customers' attempts: neither gets it.
    expect(await callStatus(mine.attempt.id, theirs.attempt.providerCallId)).toBe('attempt_mismatch');
    // Our id of an attempt the carrier knows under another call id.
    expect(await callStatus(theirs.attempt.id, `call-${randomUUID()}`)).toBe('attempt_mismatch');
    const attempts = await s.stack.database.db
      .selectFrom('call_attempts')
      .select(['status', 'outcome'])
      .execute();
    expect(attempts.every((row) => row.status === 'in_progress' && row.outcome === null)).toBe(true);
  });

  it('applies a delivery receipt only to the message both of its ids name, within the carrier that sent it', async () => {
    const mine = await placed(aId, 'sim', 4);
    const theirs = await placed(bId, 'sim', 5);
    const elsewhere = await placed(bId, 'another-carrier', 6);
    const statusOf = async (id: string) =>
      (
        await s.stack.database.db
          .selectFrom('sms_messages')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;

    expect(await receipt(elsewhere.message.id, `forged-${randomUUID()}`)).toBe('unknown_message');
    expect(await receipt(mine.message.id, theirs.message.providerMessageId)).toBe('message_mismatch');
    expect(await receipt(theirs.message.id, `msg-${randomUUID()}`)).toBe('message_mismatch');
    expect(await statusOf(elsewhere.message.id)).toBe('sent');
    expect(await statusOf(mine.message.id)).toBe('sent');
    expect(await statusOf(theirs.message.id)).toBe('sent');

    expect(await receipt(mine.message.id, mine.message.providerMessageId)).toBe('applied');
    expect(await statusOf(mine.message.id)).toBe('delivered');
    expect(await statusOf(theirs.message.id)).toBe('sent');
  });
});
