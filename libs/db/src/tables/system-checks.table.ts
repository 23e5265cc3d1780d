import type { Generated, Insertable, Selectable } from 'kysely';

/** One row per system check run: proof that a worker reached Postgres. */
export interface SystemChecksTable {
  id: Generated<string>;
  check_id: string;
  worker_identity: string;
  created_at: Generated<Date>;
}

export type SystemCheckRow = Selectable<SystemChecksTable>;
export type NewSystemCheckRow = Insertable<SystemChecksTable>;
