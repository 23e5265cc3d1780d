import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// DID health verdicts rest on evidence: each DID keeps the confidence bounds of its score (what
// selection and the cooldown test compare against a line), and a DID with too few calls since
// its last cooldown has no verdict (`unrated`) rather than `ok`. Frozen history: Kysely<any>, no
// app imports, numbers as they were when written.
//
// Existing rows get the bounds of "nothing known" (0 and 1): a DID judged on its point score so
// far becomes selectable until its next outcome computes real bounds. Keeping it excluded
// instead could starve it: with no calls there is no next outcome to re-judge it.

const VERDICTS = ['unrated', 'ok', 'warning', 'cooldown', 'burned'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('dids')
    .addColumn('health_score_upper', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('health_score_lower', 'double precision', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('dids')
    .alterColumn('health_verdict', (c) => c.setDefault('unrated'))
    .execute();
  // The minimum of 10 calls in force when this was written.
  await db
    .updateTable('dids')
    .set({ health_verdict: 'unrated' })
    .where('health_sample_size', '<', 10)
    .execute();
  await db.schema
    .alterTable('dids')
    .addCheckConstraint(
      'dids_health_verdict_check',
      sql`health_verdict in (${sql.join(VERDICTS.map((v) => sql.lit(v)))})`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dids').dropConstraint('dids_health_verdict_check').execute();
  await db
    .updateTable('dids')
    .set({ health_verdict: 'ok' })
    .where('health_verdict', '=', 'unrated')
    .execute();
  await db.schema
    .alterTable('dids')
    .alterColumn('health_verdict', (c) => c.setDefault('ok'))
    .execute();
  await db.schema
    .alterTable('dids')
    .dropColumn('health_score_upper')
    .dropColumn('health_score_lower')
    .execute();
}
