import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '@engine/local-services';

/** Where the dev stack keeps the key it generated for carrier-account credentials. */
export const devCredentialsKeyPath = () => join(dataDir(), 'carrier-credentials.key');

/**
 * `CARRIER_CREDENTIALS_KEY` for the processes the dev stack starts: the user's own when set,
 * else a key generated once into the data directory (readable by its owner only) and reused, so
 * accounts created in the demo still decrypt after a restart. Production sets its own key.
 */
export function devCredentialsKey(env: NodeJS.ProcessEnv = process.env): string {
  const own = env['CARRIER_CREDENTIALS_KEY']?.trim();
  if (own) return own;
  const path = devCredentialsKeyPath();
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir(), { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
