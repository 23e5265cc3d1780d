import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@engine/db';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase } from '@engine/testing';

describe('createDb (real PostgreSQL)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.close());

  it('survives an idle connection being killed: reports it and the next query reconnects', async () => {
    const errors: Error[] = [];
    const db = createDb(t.url, {
      maxConnections: 1,
      applicationName: 'idle-victim',
      onIdleConnectionError: (err) => errors.push(err),
    });
    try {
      await sql`select 1`.execute(db); // leaves one idle connection in the pool
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'idle-victim'`.execute(
        t.db,
      );
      for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(errors.map((e) => (e as Error & { code?: string }).code)).toEqual(['57P01']);
      expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
    }
  });
});
