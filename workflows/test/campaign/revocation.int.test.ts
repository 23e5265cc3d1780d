import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Did } from '@engine/db';
import { addSuppressions } from '@engine/db';
import { SIGNATURE_HEADER, signWebhook } from '@engine/providers';
import type { CampaignStack } from '@engine/test-stack';
import { seedCampaign, seedCustomer, seedDids, seedProspects, zoneWithLocalHour } from '@engine/testing';
import { startCampaignStack, TEST_WEBHOOK_SECRET } from '@engine/test-stack';

/**
 * Revocation of consent (FCC 24-18) end to end, through the inbound SMS webhook: an opt-out by any
 * reasonable means (a keyword or a sentence with one) stops every channel of that customer for the
 * number, with one confirmation; HELP and START work; another customer is unaffected.
 */
describe('revocation by SMS across channels (dev server, simulator, API webhooks)', () => {
  let stack: CampaignStack;
  const zone = zoneWithLocalHour(new Date(), 9, 17);

  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.0005 });
    await stack.startWorker();
  });
  afterAll(() => stack?.close());

  const db = () => stack.database.db;

  async function text(from: string, to: string, body: string): Promise<string> {
    const raw = JSON.stringify({
      providerMessageId: `in-${crypto.randomUUID()}`,
      from,
      to,
      body,
      receivedAt: new Date().toISOString(),
    });
    const res = await fetch(`${stack.apiUrl}/api/webhooks/sim/inbound-sms`, {
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
  const messagesTo = async (phone: string) =>
    (
      (await (await fetch(`${stack.sim.url}/sim/messages`)).json()) as {
        messages: Array<{ to: string; from: string; body: string }>;
      }
    ).messages.filter((m) => m.to === phone);
  const callsTo = async (phone: string) =>
    (
      (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as {
        calls: Array<{ to: string; from: string; attemptId: string }>;
      }
    ).calls.filter((c) => c.to === phone);
  const prospectRow = (id: number) =>
    db().selectFrom('prospects').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const runToEnd = async (campaignId: string) =>
    stack.temporal.client.workflow.getHandle(await stack.startCampaign(campaignId)).result();

  it("a sentence opt-out by SMS stops the customer's voice campaign calling the number, with one confirmation; another customer still calls it", async () => {
    const a = await seedCustomer(db(), 'Revoked');
    const b = await seedCustomer(db(), 'Unrelated');
    const [didA] = await seedDids(db(), a.customer.id, 2);
    const didsB = await seedDids(db(), b.customer.id, 2);
    const mode = { calls_per_second: 20, retry_delay_seconds: 1, max_attempts: 1 };
    const voiceA = await seedCampaign(db(), a.customer.id, { mode });
    const voiceB = await seedCampaign(db(), b.customer.id, { mode });
    const [stopperA, ...othersA] = await seedProspects(db(), voiceA.id, 3, {
      timezone: zone,
      startAt: 8_100_000,
    });
    const [stopperB] = await seedProspects(db(), voiceB.id, 1, { timezone: zone, startAt: 8_100_000 });
    const stopper = stopperA!.phone;
    expect(stopperB!.phone).toBe(stopper);

    expect(await text(stopper, didA!.number, 'Please stop calling me, thanks')).toBe('opt_out');
    expect(await prospectRow(stopperA!.id)).toMatchObject({ status: 'cancelled', status_reason: 'opt_out' });
    expect(await prospectRow(stopperB!.id)).toMatchObject({ status: 'queued' });
    expect((await messagesTo(stopper)).map((m) => m.body)).toEqual([expect.stringContaining('unsubscribed')]);

    // Saying it again, as a keyword or in other words, is honoured but earns no second confirmation.
    expect(await text(stopper, didA!.number, 'STOP')).toBe('opt_out');
    expect(await text(stopper, didA!.number, 'I said unsubscribe me')).toBe('opt_out');
    expect(await messagesTo(stopper)).toHaveLength(1);

    await Promise.all([runToEnd(voiceA.id), runToEnd(voiceB.id)]);
    const calls = await callsTo(stopper);
    const fromB = new Set(didsB.map((d) => d.number));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => fromB.has(c.from))).toBe(true);
    for (const other of othersA) expect(await callsTo(other.phone)).not.toHaveLength(0);
    expect(await messagesTo(stopper)).toHaveLength(1);
  });

  it('HELP answers the help text; START after STOP re-subscribes and a later campaign reaches the number', async () => {
    const { customer } = await seedCustomer(db(), 'Resubscribed');
    const [did] = (await seedDids(db(), customer.id, 1)) as [Did];
    const phone = '+14158300001';

    expect(await text(phone, did.number, 'help')).toBe('help');
    expect(await text(phone, did.number, 'STOP')).toBe('opt_out');
    expect(await text(phone, did.number, 'Start')).toBe('opt_in');
    expect((await messagesTo(phone)).map((m) => m.body)).toEqual([
      expect.stringContaining('Reply STOP to unsubscribe'),
      expect.stringContaining('unsubscribed'),
      expect.stringContaining('resubscribed'),
    ]);
    const left = await db()
      .selectFrom('suppressions')
      .selectAll()
      .where('customer_id', '=', customer.id)
      .where('phone', '=', phone)
      .execute();
    expect(left).toEqual([]);

    const later = await seedCampaign(db(), customer.id, { channel: 'sms', message: 'Your order shipped' });
    await seedProspects(db(), later.id, 1, { timezone: zone, startAt: 8_300_001 });
    await runToEnd(later.id);
    expect((await messagesTo(phone)).map((m) => m.body)).toContain('Your order shipped');

    // STOP again after START: a new opt-out, confirmed once more.
    expect(await text(phone, did.number, 'stop')).toBe('opt_out');
    expect((await messagesTo(phone)).filter((m) => m.body.includes('unsubscribed'))).toHaveLength(2);
  });

  it('START does not lift a suppression an operator added, and sends nothing to that number', async () => {
    const { customer } = await seedCustomer(db(), 'Operator list');
    const [did] = (await seedDids(db(), customer.id, 1)) as [Did];
    const phones = ['+14158400001', '+14158400002', '+14158400003'];
    const sources = ['manual', 'import', 'api'] as const;
    for (const [i, source] of sources.entries())
      await addSuppressions(db(), customer.id, [{ phone: phones[i]!, source, reason: 'operator' }]);

    for (const phone of phones) {
      expect(await text(phone, did.number, 'START')).toBe('opt_in');
      // A STOP from a number already suppressed is honoured; the number receives nothing.
      expect(await text(phone, did.number, 'stop texting me')).toBe('opt_out');
      expect(await messagesTo(phone)).toEqual([]);
    }
    const rows = await db()
      .selectFrom('suppressions')
      .select(['phone', 'source'])
      .where('customer_id', '=', customer.id)
      .orderBy('phone')
      .execute();
    expect(rows).toEqual(phones.map((phone, i) => ({ phone, source: sources[i] })));
  });
});
