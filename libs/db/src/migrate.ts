import type { Kysely, MigrationResultSet } from 'kysely';
import { Migrator } from 'kysely';
import { migrations } from './migrations';

/** A migration that failed; `migrationName` says which. */
export class MigrationFailedError extends Error {
  readonly code = 'MIGRATION_FAILED';
  constructor(
    readonly migrationName: string | undefined,
    cause: unknown,
  ) {
    super(`migration ${migrationName ?? '(unknown)'} failed: ${String((cause as Error)?.message ?? cause)}`, {
      cause,
    });
    this.name = 'MigrationFailedError';
  }
}

/** Brings the schema to the latest migration; returns the names applied by this call. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error) throw new MigrationFailedError(failed?.migrationName, result.error);
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
