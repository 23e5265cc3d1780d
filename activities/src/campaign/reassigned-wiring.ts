import type { EngineEnv } from '@engine/config';
import { ConfigError } from '@engine/config';
import type { ReassignedNumbersDatabase } from '@engine/providers';
import { createReassignedNumbersDatabase } from '@engine/providers';

/**
 * The Reassigned Numbers Database the configuration names: `REASSIGNED_NUMBERS=none` (default;
 * every number `no_data`) or `file` (the stub answering from `REASSIGNED_NUMBERS_FILE`, read and
 * checked now, so a bad file stops the worker at start-up).
 */
export function reassignedNumbersFromEnv(
  env: Pick<EngineEnv, 'REASSIGNED_NUMBERS' | 'REASSIGNED_NUMBERS_FILE'>,
): ReassignedNumbersDatabase {
  if (env.REASSIGNED_NUMBERS === 'none') return createReassignedNumbersDatabase({ kind: 'none' });
  if (!env.REASSIGNED_NUMBERS_FILE)
    throw new ConfigError('REASSIGNED_NUMBERS=file needs REASSIGNED_NUMBERS_FILE (the CSV to answer from)');
  try {
    return createReassignedNumbersDatabase({ kind: 'file', path: env.REASSIGNED_NUMBERS_FILE });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ConfigError(
      message.startsWith('REASSIGNED_NUMBERS_FILE')
        ? message
        : `REASSIGNED_NUMBERS_FILE ${env.REASSIGNED_NUMBERS_FILE}: ${message}`,
    );
  }
}
