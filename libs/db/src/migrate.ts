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

/** Every migration's name, in the order they apply. */
export function migrationNames(): string[] {
  return Object.keys(migrations).sort();
}

/**
 * Applies every migration before `name` and stops there: the schema as it was just before that
 * migration, for testing how it treats existing data.
 */
export async function migrateToJustBefore(db: Kysely<any>, name: string): Promise<void> {
  const names = migrationNames();
  const index = names.indexOf(name);
  if (index < 0) throw new Error(`no migration named ${name}`);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const previous = names[index - 1];
  if (previous === undefined) return;
  const result = await migrator.migrateTo(previous);
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error) throw new MigrationFailedError(failed?.migrationName, result.error);
}
