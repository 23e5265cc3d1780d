import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

let parsersSet = false;

/** int8 and numeric come back as JS numbers rather than strings (ids and counts fit in 2^53). */
function setTypeParsers(): void {
  if (parsersSet) return;
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
  parsersSet = true;
}

export interface CreateDbOptions {
  maxConnections?: number;
  applicationName?: string;
}

export function createDb(connectionString: string, options: CreateDbOptions = {}): Kysely<Database> {
  setTypeParsers();
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'campaign-engine',
  });
  // An idle connection the server closed (a restart, a failover, a dropped test database) is
  // reported here, and pg drops it from the pool; without a listener the event would be an
  // uncaught exception that ends the process. The next query takes a fresh connection.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
