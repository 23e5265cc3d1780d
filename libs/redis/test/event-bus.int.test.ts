import type { StoredEngineEvent } from '@engine/contracts';
import { EventBus, EventSubscription } from '@engine/redis';
import type { TestDatabase, TestRedis } from '@engine/testing';
import {
  createTestDatabase,
  createTestRedis,
  seedCampaign,
  seedCustomer,
  uniqueSuffix,
} from '@engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const waitFor = async (predicate: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('event bus (real PostgreSQL and Redis)', () => {
  let t: TestDatabase;
  let r: TestRedis;
  let channelPrefix: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    r = createTestRedis();
    channelPrefix = `test-${uniqueSuffix()}:`;
  });
  afterAll(async () => {
    await r?.close();
    await t?.close();
  });

  const dncEvent = (customerId: string, campaignId: string, prospectId: number) => ({
    type: 'campaign.prospect.dnc' as const,
    customerId,
    campaignId,
    payload: { prospectId, phone: '+14155550100' },
  });

  it('stores each event with a sequential id and publishes it on campaign:<id>', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    const bus = new EventBus(t.db, r.redis, { channelPrefix });
    const raw: StoredEngineEvent[] = [];
    const listener = r.redis.duplicate();
    listener.on('message', (_c: string, m: string) => raw.push(JSON.parse(m) as StoredEngineEvent));
    await listener.subscribe(`${channelPrefix}campaign:${campaign.id}`);

    const first = await bus.publish(dncEvent(customer.id, campaign.id, 1));
    const second = await bus.publish(dncEvent(customer.id, campaign.id, 2));
    expect(second.id).toBeGreaterThan(first.id);
    expect(first.channel).toBe(`campaign:${campaign.id}`);
    await waitFor(() => raw.length === 2);
    expect(raw.map((e) => e.id)).toEqual([first.id, second.id]);
    const stored = await t.db
      .selectFrom('events')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .orderBy('id')
      .execute();
    expect(stored.map((e) => [e.type, e.payload])).toEqual([
      ['campaign.prospect.dnc', { prospectId: 1, phone: '+14155550100' }],
      ['campaign.prospect.dnc', { prospectId: 2, phone: '+14155550100' }],
    ]);
    listener.disconnect();
  });

  it('stores an event published twice with the same dedupe key once', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    const bus = new EventBus(t.db, r.redis, { channelPrefix });
    const a = await bus.publish(dncEvent(customer.id, campaign.id, 7), `dnc:${campaign.id}:7`);
    const b = await bus.publish(dncEvent(customer.id, campaign.id, 7), `dnc:${campaign.id}:7`);
    expect(b.id).toBe(a.id);
    const count = await t.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(1);
  });

  it('a subscriber resumes after a given event id, then receives live events, each once and in order', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    const channel = `campaign:${campaign.id}`;
    const bus = new EventBus(t.db, r.redis, { channelPrefix });
    const before = [];
    for (let i = 0; i < 5; i++) before.push(await bus.publish(dncEvent(customer.id, campaign.id, i)));

    const received: number[] = [];
    const sub = await EventSubscription.start(t.db, r.redis, {
      channels: [channel],
      afterId: before[1]!.id,
      channelPrefix,
      onEvent: (e) => {
        received.push(e.id);
      },
    });
    expect(received).toEqual(before.slice(2).map((e) => e.id));

    const live = await Promise.all(
      Array.from({ length: 20 }, (_, i) => bus.publish(dncEvent(customer.id, campaign.id, 100 + i))),
    );
    const expected = [...before.slice(2), ...live].map((e) => e.id).sort((x, y) => x - y);
    await waitFor(() => received.length === expected.length);
    expect(received).toEqual(expected);
    await sub.close();
  });

  it('fills a gap from the table when live messages arrive out of order', async () => {
    const { customer } = await seedCustomer(t.db);
    const campaign = await seedCampaign(t.db, customer.id);
    const channel = `campaign:${campaign.id}`;
    const received: number[] = [];
    const sub = await EventSubscription.start(t.db, r.redis, {
      channels: [channel],
      afterId: 0,
      channelPrefix,
      onEvent: (e) => {
        received.push(e.id);
      },
    });
    // A publisher whose PUBLISH is lost (crashed after commit): the next live event pulls it in.
    const dropped = { pipeline: () => ({ publish: () => undefined, exec: async () => [] }) };
    const silentBus = new EventBus(t.db, dropped as never, { channelPrefix });
    const lost = await silentBus.publish(dncEvent(customer.id, campaign.id, 1));
    const bus = new EventBus(t.db, r.redis, { channelPrefix });
    const next = await bus.publish(dncEvent(customer.id, campaign.id, 2));
    await waitFor(() => received.length === 2);
    expect(received).toEqual([lost.id, next.id]);
    await sub.close();
  });
});
