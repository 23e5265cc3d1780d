import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase } from '@engine/testing';
import { seedDemo } from '../src/demo/demo-data';

describe('demo data', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  it('gives each demo run caller IDs of its own: a number has one owner, earlier runs keep theirs', async () => {
    const first = await seedDemo(t.db, new Date(), 5);
    const second = await seedDemo(t.db, new Date(), 5);
    expect(first.didNumbers).toHaveLength(10);
    expect(second.didNumbers).toHaveLength(10);
    expect(second.didNumbers.filter((n) => first.didNumbers.includes(n))).toEqual([]);
    expect(second.didNumbers).toContain(second.badDidNumber);
    const held = await t.db
      .selectFrom('dids')
      .select(['customer_id', 'state'])
      .where('number', 'in', [...first.didNumbers, ...second.didNumbers])
      .execute();
    expect(held.filter((d) => d.customer_id === first.customerId && d.state === 'active')).toHaveLength(10);
    expect(held.filter((d) => d.customer_id === second.customerId && d.state === 'active')).toHaveLength(10);
  });
});
