import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuedCallInput } from '@engine/db';
import { cancelQueuedCalls, claimEligibleProspects, ensureCallQueue, insertQueuedCalls } from '@engine/db';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase, seedCustomer } from '@engine/testing';

const phone = (i: number) => `+1415${String(5_550_000 + i).padStart(7, '0')}`;

function call(i: number, overrides: Partial<QueuedCallInput> = {}): QueuedCallInput {
  return {
    phone: phone(i),
    areaCode: '415',
    customCallId: null,
    batchId: null,
    campaignId: null,
    priority: 'normal',
    scheduledAt: null,
    maxRetries: 3,
    callConfig: { variables: { name: `n${i}` } },
    ...overrides,
  };
}

describe('queued calls (real PostgreSQL)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  it('creates one open queue per customer even when first uses race', async () => {
    const { customer } = await seedCustomer(t.db);
    const queues = await Promise.all(Array.from({ length: 8 }, () => ensureCallQueue(t.db, customer.id)));
    expect(new Set(queues.map((q) => q.id)).size).toBe(1);
    expect(queues[0]!.kind).toBe('call_queue');
  });

  it('queues one call per custom_call_id under concurrent requests, and the same number many times without one', async () => {
    const { customer } = await seedCustomer(t.db);
    const queue = await ensureCallQueue(t.db, customer.id);
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.db
          .transaction()
          .execute((tx) =>
            insertQueuedCalls(tx, customer.id, queue.id, [call(1, { customCallId: 'c-1' })], now),
          ),
      ),
    );
    const ids = new Set(results.map((r) => r[0]!.callId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r[0]!.created)).toHaveLength(1);

    const repeated = await t.db
      .transaction()
      .execute((tx) =>
        insertQueuedCalls(
          tx,
          customer.id,
          queue.id,
          [call(2), call(2), call(3, { customCallId: 'c-3' }), call(4, { customCallId: 'c-3' })],
          now,
        ),
      );
    expect(repeated.map((r) => r.created)).toEqual([true, true, true, false]);
    expect(repeated[3]!.callId).toBe(repeated[2]!.callId);
    const rows = await t.db
      .selectFrom('queued_calls')
      .select('id')
      .where('queue_id', '=', queue.id)
      .execute();
    expect(rows).toHaveLength(4);
  });

  it('claims urgent before low, and a scheduled call only once it is due', async () => {
    const { customer } = await seedCustomer(t.db);
    const queue = await ensureCallQueue(t.db, customer.id);
    const now = new Date('2026-06-01T16:00:00Z');
    await t.db
      .transaction()
      .execute((tx) =>
        insertQueuedCalls(
          tx,
          customer.id,
          queue.id,
          [
            call(10, { priority: 'low' }),
            call(11, { priority: 'normal' }),
            call(12, { priority: 'urgent', scheduledAt: new Date(now.getTime() + 60_000) }),
            call(13, { priority: 'urgent' }),
            call(14, { priority: 'high' }),
          ],
          new Date(now.getTime() - 1000),
        ),
      );
    const claim = (at: Date, limit: number) =>
      claimEligibleProspects(t.db, {
        campaignId: queue.id,
        customerId: customer.id,
        limit,
        now: at,
        claimAs: 'dialing',
      });
    expect((await claim(now, 2)).map((p) => p.phone)).toEqual([phone(13), phone(14)]);
    expect((await claim(now, 5)).map((p) => p.phone)).toEqual([phone(11), phone(10)]);
    expect((await claim(new Date(now.getTime() + 60_000), 5)).map((p) => p.phone)).toEqual([phone(12)]);
  });

  it('cancels a call not yet dialed and leaves a dialing one alone', async () => {
    const { customer } = await seedCustomer(t.db);
    const queue = await ensureCallQueue(t.db, customer.id);
    const now = new Date();
    const [a, b] = await t.db
      .transaction()
      .execute((tx) =>
        insertQueuedCalls(tx, customer.id, queue.id, [call(20), call(21)], new Date(now.getTime() - 1000)),
      );
    await t.db.updateTable('prospects').set({ status: 'dialing' }).where('id', '=', b!.prospectId).execute();
    const cancelled = await cancelQueuedCalls(
      t.db,
      customer.id,
      [a!.callId, b!.callId, 'not-a-uuid'],
      'api',
      now,
    );
    expect(cancelled).toEqual([a!.callId]);
    const other = await seedCustomer(t.db);
    expect(await cancelQueuedCalls(t.db, other.customer.id, [a!.callId], 'api', now)).toEqual([]);
    const prospect = await t.db
      .selectFrom('prospects')
      .selectAll()
      .where('id', '=', a!.prospectId)
      .executeTakeFirstOrThrow();
    expect(prospect.status).toBe('cancelled');
    expect(prospect.status_reason).toBe('api');
  });
});
