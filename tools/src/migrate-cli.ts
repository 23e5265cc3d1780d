import { createDb, migrateToLatest } from '@engine/db';

/** `node -r @swc-node/register tools/src/migrate-cli.ts`: migrates DATABASE_URL to the latest schema. */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL must be set');
  const db = createDb(url, { maxConnections: 1, applicationName: 'migrate' });
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
