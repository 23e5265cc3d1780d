import { sql } from 'kysely';
import type { Executor } from '../database';
import type { SystemCheckRow } from '../tables/system-checks.table';

/**
 * Records a system check. Idempotent on `checkId`: a retried activity finds the row it wrote
 * before instead of failing or writing a second one.
 */
export async function recordSystemCheck(
  db: Executor,
  checkId: string,
  workerIdentity: string,
): Promise<SystemCheckRow> {
  await db
    .insertInto('system_checks')
    .values({ check_id: checkId, worker_identity: workerIdentity })
    .onConflict((oc) => oc.column('check_id').doNothing())
    .execute();
  return db.selectFrom('system_checks').selectAll().where('check_id', '=', checkId).executeTakeFirstOrThrow();
}

export async function findSystemCheck(db: Executor, checkId: string): Promise<SystemCheckRow | undefined> {
  return db.selectFrom('system_checks').selectAll().where('check_id', '=', checkId).executeTakeFirst();
}

/** A round trip to the database, for health checks. */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}
