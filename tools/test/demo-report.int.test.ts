import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateDidHealth } from '@engine/activities';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase, seedCustomer, seedDids } from '@engine/testing';
import { didTable } from '../src/demo/demo-report';

describe("the demo's DID table (real PostgreSQL)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  it('shows a DID with one call as unrated, with its bounds and sample size', async () => {
    const { customer } = await seedCustomer(t.db);
    const [fresh, oneCall] = await seedDids(t.db, customer.id, 2);
    await t.db
      .insertInto('did_health_events')
      .values({ did_id: oneCall!.id, outcome: 'human_connected', duration_seconds: 5, spam_flagged: false })
      .execute();
    await updateDidHealth(t.db, oneCall!.id, { customerId: customer.id, campaignId: null, now: new Date() });

    const lines = (await didTable(t.db, customer.id, fresh!.number)).split('\n');
    const row = (number: string) => lines.find((l) => l.includes(number)) ?? '';
    expect(lines.join('\n')).toMatch(/bounds \(99 %\)/);
    // No calls: nothing known. One call: a score and bounds, but no verdict.
    expect(row(fresh!.number)).toMatch(/1\.000 .*0\.00-1\.00 .* 0 .* unrated .* active/);
    expect(row(oneCall!.number)).toMatch(/0\.\d{3} .*0\.\d{2}-1\.00 .* 1 .* unrated .* active/);
  });
});
