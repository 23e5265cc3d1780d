import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSuppressions,
  claimEligibleProspects,
  countProspectsByStatus,
  findClaimed,
  insertProspects,
  isSuppressed,
  nextDueAt,
  removeSuppression,
  requeueProspects,
  suppressedAmong,
} from '@engine/db';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase, seedCampaign, seedCustomer } from '@engine/testing';

const phone = (i: number) => `+1415${String(5_550_000 + i).padStart(7, '0')}`;

describe('prospect claiming and suppression (real PostgreSQL)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  it('drops duplicate phones within a campaign on insert', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    const rows = [phone(1), phone(2), phone(1)].map((p) => ({ campaign_id: campaign.id, phone: p }));
    expect(await insertProspects(t.db, rows.slice(0, 2))).toBe(2);
    expect(await insertProspects(t.db, rows.slice(2))).toBe(0);
  });

  it('claims due prospects oldest-due first, counts the attempt, and cancels suppressed ones in the same batch', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    const now = new Date('2026-06-01T16:00:00Z');
    await insertProspects(t.db, [
      { campaign_id: campaign.id, phone: phone(10), next_attempt_at: new Date(now.getTime() - 3000) },
      { campaign_id: campaign.id, phone: phone(11), next_attempt_at: new Date(now.getTime() - 2000) },
      { campaign_id: campaign.id, phone: phone(12), next_attempt_at: new Date(now.getTime() - 1000) },
      { campaign_id: campaign.id, phone: phone(13), next_attempt_at: new Date(now.getTime() + 60_000) },
    ]);
    await addSuppressions(t.db, customer.id, [{ phone: phone(11), reason: 'asked' }]);

    const claimed = await claimEligibleProspects(t.db, {
      campaignId: campaign.id,
      customerId: customer.id,
      limit: 10,
      now,
      claimAs: 'dialing',
    });
    expect(claimed.map((p) => p.phone)).toEqual([phone(10), phone(11), phone(12)]);
    const suppressed = claimed.filter((p) => p.suppressed);
    expect(suppressed.map((p) => [p.phone, p.status, p.status_reason, p.attempt_count])).toEqual([
      [phone(11), 'cancelled', 'dnc', 0],
    ]);
    expect(
      claimed.filter((p) => !p.suppressed).every((p) => p.status === 'dialing' && p.attempt_count === 1),
    ).toBe(true);

    expect(await countProspectsByStatus(t.db, campaign.id)).toEqual({ dialing: 2, cancelled: 1, queued: 1 });
    expect(await nextDueAt(t.db, campaign.id)).toEqual(new Date(now.getTime() + 60_000));
  });

  it('hands the claimer and a retried claim the compliance fields (state, postal code, consent date)', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    const now = new Date('2026-06-01T16:00:00Z');
    const consentedAt = new Date('2025-03-01T14:30:00Z');
    await insertProspects(t.db, [
      {
        campaign_id: campaign.id,
        phone: phone(20),
        next_attempt_at: new Date(now.getTime() - 1000),
        state: 'US-FL',
        postal_code: '33101',
        consented_at: consentedAt,
      },
      { campaign_id: campaign.id, phone: phone(21), next_attempt_at: new Date(now.getTime() - 500) },
    ]);
    const claimed = await claimEligibleProspects(t.db, {
      campaignId: campaign.id,
      customerId: customer.id,
      limit: 10,
      now,
      claimAs: 'sending',
      claimToken: 'compliance-1',
    });
    const fields = (rows: typeof claimed) => rows.map((p) => [p.state, p.postal_code, p.consented_at]);
    expect(fields(claimed)).toEqual([
      ['US-FL', '33101', consentedAt],
      [null, null, null],
    ]);
    expect(fields(await findClaimed(t.db, campaign.id, 'compliance-1'))).toEqual(fields(claimed));
  });

  it('concurrent claimers take disjoint batches (no prospect claimed twice)', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    await insertProspects(
      t.db,
      Array.from({ length: 500 }, (_, i) => ({ campaign_id: campaign.id, phone: phone(1000 + i) })),
    );
    const now = new Date(Date.now() + 1000);
    const batches = await Promise.all(
      Array.from({ length: 20 }, () =>
        claimEligibleProspects(t.db, {
          campaignId: campaign.id,
          customerId: customer.id,
          limit: 30,
          now,
          claimAs: 'dialing',
        }),
      ),
    );
    const ids = batches.flat().map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(500);
  });

  it('requeues claimed prospects to a later time, refunding the attempt when asked', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    await insertProspects(t.db, [
      { campaign_id: campaign.id, phone: phone(2000) },
      { campaign_id: campaign.id, phone: phone(2001) },
    ]);
    const now = new Date(Date.now() + 1000);
    const [a, b] = await claimEligibleProspects(t.db, {
      campaignId: campaign.id,
      customerId: customer.id,
      limit: 2,
      now,
      claimAs: 'dialing',
    });
    const later = new Date(now.getTime() + 3_600_000);
    await requeueProspects(t.db, [
      { id: a!.id, at: later, refundAttempt: true, reason: 'outside_window' },
      { id: b!.id, at: later, refundAttempt: false },
    ]);
    const rows = await t.db
      .selectFrom('prospects')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .orderBy('id')
      .execute();
    expect(
      rows.map((r) => [r.status, r.attempt_count, r.next_attempt_at.toISOString(), r.status_reason]),
    ).toEqual([
      ['queued', 0, later.toISOString(), 'outside_window'],
      ['queued', 1, later.toISOString(), null],
    ]);
    expect(
      await claimEligibleProspects(t.db, {
        campaignId: campaign.id,
        customerId: customer.id,
        limit: 2,
        now,
        claimAs: 'dialing',
      }),
    ).toEqual([]);
  });

  it('looks suppression up per customer, for one number and for a batch in one query', async () => {
    const { customer: a } = await seedCustomer(t.db);
    const { customer: b } = await seedCustomer(t.db);
    expect(
      await addSuppressions(t.db, a.id, [{ phone: phone(1) }, { phone: phone(2), source: 'opt_out' }]),
    ).toBe(2);
    expect(await addSuppressions(t.db, a.id, [{ phone: phone(1) }])).toBe(0);
    expect(await isSuppressed(t.db, a.id, phone(1))).toBe(true);
    expect(await isSuppressed(t.db, b.id, phone(1))).toBe(false);
    expect([...(await suppressedAmong(t.db, a.id, [phone(1), phone(2), phone(3)]))].sort()).toEqual([
      phone(1),
      phone(2),
    ]);
    expect(await suppressedAmong(t.db, b.id, [phone(1)])).toEqual(new Set());
    expect(await removeSuppression(t.db, a.id, phone(1))).toBe(true);
    expect(await isSuppressed(t.db, a.id, phone(1))).toBe(false);
  });
});
