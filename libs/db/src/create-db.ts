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
  /**
   * Called when an idle pooled connection fails (the server restarted, the network dropped it, a
   * test dropped its database). The pool has already discarded that connection and the next
   * query opens a new one. Default: a process warning.
   */
  onIdleConnectionError?: (err: Error) => void;
}

const warnIdleConnectionError = (err: Error) =>
  process.emitWarning(`idle PostgreSQL connection closed: ${err.message}`, 'PostgresIdleConnectionWarning');

export function createDb(connectionString: string, options: CreateDbOptions = {}): Kysely<Database> {
  setTypeParsers();
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'campaign-engine',
  });
  // Without a listener, pg re-throws an idle connection's error as an uncaught exception and the
  // process dies, although the pool has recovered from it on its own.
  pool.on('error', options.onIdleConnectionError ?? warnIdleConnectionError);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
