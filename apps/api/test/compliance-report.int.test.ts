import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Campaign, CampaignScheduleJson } from '@engine/db';
import { contactWindowFor } from '@engine/domain';
import { seedCampaign } from '@engine/testing';
import { MAX_FLAGGED_SCAN } from '../src/compliance/compliance-report.service';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

const CAMPAIGN_ZONE = 'America/New_York';
const SCHEDULE: CampaignScheduleJson = {
  timezone: CAMPAIGN_ZONE,
  calling_hours: { start: '09:00', end: '20:00', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
};
const HOURS = { start: '09:00', end: '20:00', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const };

/** Recipients in several zones: by their own zone, and one placed by its area code only. */
const RECIPIENTS = [
  { phone: '+12125550101', timezone: 'America/New_York' },
  { phone: '+13125550102', timezone: 'America/Chicago' },
  { phone: '+13035550103', timezone: 'America/Denver' },
  { phone: '+14155550104', timezone: 'America/Los_Angeles' },
  { phone: '+18085550105', timezone: 'Pacific/Honolulu' },
  { phone: '+16175550106', timezone: null },
];

const DAY = 86_400_000;
const BASE = Date.parse('2026-11-02T00:00:00Z');

describe('GET /api/campaigns/:id/compliance', () => {
  let s: ApiStack;
  let http: ApiClient;
  let customerId: string;

  beforeAll(async () => {
    s = await startApiStack();
  }, 120_000);
  // A tenant per test: opt-outs are the customer's, across its campaigns.
  beforeEach(async () => {
    ({ http, customerId } = await s.tenant('Compliance'));
  });
  afterAll(() => s?.close());

  const db = () => s.stack.database.db;

  async function campaignWithProspects(): Promise<{
    campaign: Campaign;
    prospects: { id: number; phone: string; timezone: string | null }[];
  }> {
    const campaign = await seedCampaign(db(), customerId, { schedule: SCHEDULE });
    const prospects = await db()
      .insertInto('prospects')
      .values(RECIPIENTS.map((r) => ({ campaign_id: campaign.id, phone: r.phone, timezone: r.timezone })))
      .returning(['id', 'phone', 'timezone'])
      .execute();
    return { campaign, prospects };
  }

  const windowOf = (p: { phone: string; timezone: string | null }, channel: 'voice' | 'sms' = 'voice') =>
    contactWindowFor(
      { e164: p.phone, timezone: p.timezone, campaignZone: CAMPAIGN_ZONE },
      { channel, campaignHours: HOURS },
    );

  /** The instant the engine would pick: the recipient's next allowed one after `from`, spread. */
  const allowedAfter = (
    p: { phone: string; timezone: string | null },
    from: number,
    channel: 'voice' | 'sms' = 'voice',
  ) => windowOf(p, channel).nextAllowed(new Date(from), { spreadKey: p.phone });

  async function call(campaignId: string, p: { id: number; phone: string }, n: number, at: Date | null) {
    const id = randomUUID();
    await db()
      .insertInto('call_attempts')
      .values({
        id,
        prospect_id: p.id,
        campaign_id: campaignId,
        attempt_number: n,
        to_number: p.phone,
        status: 'completed',
        originated_at: at,
      })
      .execute();
    return id;
  }

  async function text(campaignId: string, p: { id: number; phone: string }, n: number, at: Date) {
    const id = randomUUID();
    await db()
      .insertInto('sms_messages')
      .values({
        id,
        prospect_id: p.id,
        campaign_id: campaignId,
        attempt_number: n,
        to_number: p.phone,
        body: 'Hi',
        encoding: 'gsm7',
        segments: 1,
        status: 'sent',
        sent_at: at,
      })
      .execute();
    return id;
  }

  async function inbound(phone: string, keyword: 'opt_out' | 'opt_in', at: Date) {
    await db()
      .insertInto('inbound_messages')
      .values({
        provider: 'twilio',
        provider_message_id: randomUUID(),
        customer_id: customerId,
        from_number: phone,
        to_number: '+14155550999',
        body: keyword === 'opt_out' ? 'STOP' : 'START',
        keyword,
        created_at: at,
      })
      .execute();
  }

  /** Every item of the JSON report, page by page. */
  async function allPages(campaignId: string, query: string): Promise<{ items: any[]; pages: number }> {
    const items: any[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const res = await http.get(
        `/campaigns/${campaignId}/compliance?${query}&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(res.status, res.text).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor ?? '';
      pages += 1;
    } while (cursor !== '' && pages < 100);
    return { items, pages };
  }

  it('has zero flags for attempts the contact window allowed, over several zones and both channels', async () => {
    const { campaign, prospects } = await campaignWithProspects();
    let expected = 0;
    for (const [i, p] of prospects.entries()) {
      for (let n = 1; n <= 3; n++) {
        await call(campaign.id, p, n, allowedAfter(p, BASE + n * DAY + i * 3_600_000));
        expected += 1;
      }
      await text(campaign.id, p, 1, allowedAfter(p, BASE + 5 * DAY, 'sms'));
      expected += 1;
    }
    // Recorded but never sent to the carrier: no contact, not in the report.
    await call(campaign.id, prospects[0]!, 9, null);

    const res = await http.get(`/campaigns/${campaign.id}/compliance?limit=1000`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.campaignId).toBe(campaign.id);
    expect(res.body.items).toHaveLength(expected);
    expect(res.body.items.filter((item: any) => item.flags.length > 0)).toEqual([]);
    for (const item of res.body.items) {
      expect(item.allowedFrom).toBe(item.attemptedAt);
      expect(item.rules).toEqual(expect.arrayContaining([`federal.${item.channel}`, 'campaign']));
    }
    const boston = res.body.items.find((item: any) => item.phone === '+16175550106');
    expect(boston.zoneSource).toBe('area_code');
    expect(boston.recipientLocalTimes.map((z: any) => z.zone)).toEqual(['America/New_York']);

    const flagged = await http.get(`/campaigns/${campaign.id}/compliance?flagged=true`);
    expect(flagged.body).toEqual({ campaignId: campaign.id, items: [], nextCursor: null });
    const summary = await http.get(`/campaigns/${campaign.id}/compliance/summary`);
    expect(summary.body).toEqual({
      campaignId: campaign.id,
      attempts: expected,
      flagged: 0,
      byFlag: { outside_window: 0, after_opt_out: 0 },
    });
  });

  it('flags a forged attempt at 23:00 recipient-local, with that local time and the next allowed instant', async () => {
    const { campaign, prospects } = await campaignWithProspects();
    const chicago = prospects[1]!;
    await call(campaign.id, chicago, 1, allowedAfter(chicago, BASE + DAY));
    // Tuesday 3 November 2026, 23:00 in Chicago (CST, -06:00).
    const forgedAt = new Date('2026-11-04T05:00:00Z');
    const forged = await call(campaign.id, chicago, 2, forgedAt);

    const res = await http.get(`/campaigns/${campaign.id}/compliance?flagged=true`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const [item] = res.body.items;
    expect(item).toMatchObject({
      attemptId: forged,
      channel: 'voice',
      phone: chicago.phone,
      attemptedAt: forgedAt.toISOString(),
      flags: ['outside_window'],
      optedOutAt: null,
      recipientLocalTimes: [
        {
          zone: 'America/Chicago',
          localTime: '2026-11-03T23:00:00-06:00',
          allowedHours: { start: '09:00', end: '20:00' },
        },
      ],
    });
    // Wednesday 09:00 in Chicago: the campaign's hours open later than the federal 08:00.
    expect(item.allowedFrom).toBe('2026-11-04T15:00:00.000Z');
    expect(item.allowedFrom).toBe(windowOf(chicago).nextAllowed(forgedAt).toISOString());
    const summary = await http.get(`/campaigns/${campaign.id}/compliance/summary`);
    expect(summary.body).toMatchObject({
      attempts: 2,
      flagged: 1,
      byFlag: { outside_window: 1, after_opt_out: 0 },
    });
  });

  it('flags an attempt after a STOP, and not one after STOP then START', async () => {
    const { campaign, prospects } = await campaignWithProspects();
    const [stopped, restarted] = [prospects[2]!, prospects[3]!];
    const stopAt = new Date(BASE + DAY);
    await inbound(stopped.phone, 'opt_out', stopAt);
    await db()
      .insertInto('suppressions')
      .values({ customer_id: customerId, phone: stopped.phone, source: 'opt_out', created_at: stopAt })
      .execute();
    await inbound(restarted.phone, 'opt_out', stopAt);
    await inbound(restarted.phone, 'opt_in', new Date(BASE + 2 * DAY));
    const before = await call(campaign.id, stopped, 1, allowedAfter(stopped, BASE));
    const after = await call(campaign.id, stopped, 2, allowedAfter(stopped, BASE + 3 * DAY));
    const whileOut = await call(campaign.id, restarted, 1, allowedAfter(restarted, BASE + DAY + 3_600_000));
    const afterStart = await call(campaign.id, restarted, 2, allowedAfter(restarted, BASE + 3 * DAY));

    const { items } = await allPages(campaign.id, 'limit=2');
    const flagsOf = Object.fromEntries(items.map((item) => [item.attemptId, item.flags]));
    expect(flagsOf).toEqual({
      [before]: [],
      [after]: ['after_opt_out'],
      [whileOut]: ['after_opt_out'],
      [afterStart]: [],
    });
    expect(items.find((item) => item.attemptId === after).optedOutAt).toBe(stopAt.toISOString());
  });

  it('pages through every attempt once, in order, ties in one millisecond included; flagged pages skip the rest', async () => {
    const { campaign, prospects } = await campaignWithProspects();
    const ids: string[] = [];
    for (const [i, p] of prospects.entries()) {
      ids.push(await call(campaign.id, p, 1, allowedAfter(p, BASE + DAY + i * 60_000)));
      ids.push(await text(campaign.id, p, 1, allowedAfter(p, BASE + 2 * DAY + i * 60_000, 'sms')));
    }
    // Attempts 13-15 in order: two at one microsecond (ordered by id), a third in the same
    // millisecond. Pages of 13 and 14 end between them: a cursor kept to the millisecond, or
    // without the id, would repeat or lose one.
    const [a, b, c] = [prospects[0]!, prospects[1]!, prospects[2]!];
    const ties = [await call(campaign.id, a, 2, null), await call(campaign.id, b, 2, null)];
    const tieLater = await call(campaign.id, c, 2, null);
    for (const id of ties) {
      await sql`update call_attempts set originated_at = '2026-11-10T17:00:00.000100Z' where id = ${id}`.execute(
        db(),
      );
    }
    await sql`update call_attempts set originated_at = '2026-11-10T17:00:00.000900Z' where id = ${tieLater}`.execute(
      db(),
    );
    ids.push(...ties, tieLater);
    // Flagged attempts far apart, among the compliant ones.
    const lateA = await call(campaign.id, a, 3, new Date('2026-11-11T03:30:00Z'));
    const lateB = await call(campaign.id, b, 3, new Date('2026-11-12T03:30:00Z'));
    ids.push(lateA, lateB);

    for (const limit of [3, 13, 14]) {
      const { items, pages } = await allPages(campaign.id, `limit=${limit}`);
      expect(pages).toBe(Math.ceil(ids.length / limit) + (ids.length % limit === 0 ? 1 : 0));
      expect(items.map((item) => item.attemptId).sort()).toEqual([...ids].sort());
      const instants = items.map((item) => Date.parse(item.attemptedAt));
      expect(instants).toEqual([...instants].sort((x, y) => x - y));
      expect(items.slice(12, 15).map((item) => item.attemptId)).toEqual([...[...ties].sort(), tieLater]);
    }

    const flagged = await allPages(campaign.id, 'limit=1&flagged=true');
    expect(flagged.items.map((item) => item.attemptId)).toEqual([lateA, lateB]);

    const bad = await http.get(`/campaigns/${campaign.id}/compliance?cursor=bm90LWEtY3Vyc29y`);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('cursor');
  });

  it('bounds the scan of a flagged page: a short page with a cursor, and the flag on a later page', async () => {
    const { campaign, prospects } = await campaignWithProspects();
    const ny = prospects[0]!;
    // More compliant calls than one request scans, all at 10:00 on Monday 2 November in New York.
    const compliant = MAX_FLAGGED_SCAN + 10;
    await sql`
      insert into call_attempts (id, prospect_id, campaign_id, attempt_number, to_number, status, originated_at)
      select gen_random_uuid(), ${ny.id}, ${campaign.id}, n, ${ny.phone}, 'completed',
             '2026-11-02T15:00:00Z'::timestamptz + n * interval '1 millisecond'
      from generate_series(1, ${compliant}) as n`.execute(db());
    const late = await call(campaign.id, ny, compliant + 1, new Date('2026-11-03T04:00:00Z'));

    const first = await http.get(`/campaigns/${campaign.id}/compliance?flagged=true&limit=5`);
    expect(first.status, first.text).toBe(200);
    expect(first.body.items).toEqual([]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await http.get(
      `/campaigns/${campaign.id}/compliance?flagged=true&limit=5&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.items.map((item: any) => item.attemptId)).toEqual([late]);
    expect(second.body.nextCursor).toBeNull();
  }, 60_000);

  it('answers CSV with a header row and one record per attempt (Accept or format)', async () => {
    const { campaign, prospects } = await campaignWithProspects();
    const ids: string[] = [];
    for (const p of prospects) ids.push(await call(campaign.id, p, 1, allowedAfter(p, BASE + DAY)));
    const forged = await call(campaign.id, prospects[0]!, 2, new Date('2026-11-04T04:00:00Z'));
    ids.push(forged);

    for (const res of [
      await http.get(`/campaigns/${campaign.id}/compliance`, { headers: { accept: 'text/csv' } }),
      await http.get(`/campaigns/${campaign.id}/compliance?format=csv&limit=1`),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const [header, ...records] = parse(res.text) as string[][];
      expect(header?.slice(0, 4)).toEqual(['attempt_id', 'channel', 'phone', 'attempted_at']);
      expect(records.map((r) => r[0]).sort()).toEqual([...ids].sort());
      const forgedRecord = records.find((r) => r[0] === forged)!;
      const column = (name: string) => forgedRecord[header!.indexOf(name)];
      expect(column('local_times')).toBe('2026-11-03T23:00:00-05:00');
      expect(column('flags')).toBe('outside_window');
    }
    const onlyFlagged = await http.get(`/campaigns/${campaign.id}/compliance?format=csv&flagged=true`);
    expect((parse(onlyFlagged.text) as string[][]).map((r) => r[0])).toEqual(['attempt_id', forged]);
  });

  it("answers 404 for another customer's campaign, in every form", async () => {
    const { campaign } = await campaignWithProspects();
    const other = await s.tenant('Someone else');
    for (const path of [
      `/campaigns/${campaign.id}/compliance`,
      `/campaigns/${campaign.id}/compliance?format=csv`,
      `/campaigns/${campaign.id}/compliance/summary`,
    ]) {
      const res = await other.http.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
  });
});
