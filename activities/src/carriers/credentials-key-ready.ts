import type { EngineEnv } from '@engine/config';
import { ConfigError } from '@engine/config';
import type { Executor } from '@engine/db';
import { anyCarrierAccountExists, newestCarrierAccount } from '@engine/db';
import { CREDENTIALS_KEY_HINT, CredentialsDecryptError } from '@engine/providers';
import { credentialsCipherFromEnv } from './load-carrier-account';

/**
 * Start-up check of the API and the worker: once a carrier account is stored, neither can run
 * without the key its credentials were encrypted with. Fails with a {@link ConfigError} naming
 * `CARRIER_CREDENTIALS_KEY` and how to generate one when the key is missing while accounts exist,
 * malformed (whether or not accounts exist: the user meant to set it), or not the key that
 * encrypted the newest account. With no account stored, an unset key is fine.
 */
export async function assertCredentialsKeyReady(
  db: Executor,
  env: Pick<EngineEnv, 'CARRIER_CREDENTIALS_KEY'>,
): Promise<void> {
  const cipher = credentialsCipherFromEnv(env);
  if (!cipher) {
    if (await anyCarrierAccountExists(db)) {
      throw new ConfigError(
        `CARRIER_CREDENTIALS_KEY is not set, but carrier accounts are stored with encrypted credentials: ` +
          `set it to the key they were stored with. A new deployment: ${CREDENTIALS_KEY_HINT}`,
      );
    }
    return;
  }
  const newest = await newestCarrierAccount(db);
  if (!newest) return;
  try {
    cipher.decrypt(newest.credentials_ciphertext, {
      accountId: newest.id,
      customerId: newest.customer_id,
      provider: newest.provider,
    });
  } catch (err) {
    if (!(err instanceof CredentialsDecryptError)) throw err;
    throw new ConfigError(
      `CARRIER_CREDENTIALS_KEY does not decrypt the credentials of carrier account ${newest.id} ` +
        `(${err.reason}): set it to the key the accounts were stored with`,
    );
  }
}
