import { Logger } from '@nestjs/common';
import type { CarrierAccount } from '@engine/db';
import type { CredentialsCipher } from '@engine/providers';
import type { CarrierAccountView } from './carrier-account.dto';

const logger = new Logger('carrier-accounts');

/**
 * An account as the API shows it: the names of its credential fields, never their values. The
 * names come from the decrypted credentials (optional fields vary); a row that does not decrypt
 * shows none rather than failing the whole list.
 */
export function toCarrierAccountView(row: CarrierAccount, cipher: CredentialsCipher): CarrierAccountView {
  let credentialFields: string[] = [];
  try {
    const credentials = cipher.decrypt(row.credentials_ciphertext, {
      accountId: row.id,
      customerId: row.customer_id,
      provider: row.provider,
    });
    credentialFields = Object.keys(credentials).sort();
  } catch (err) {
    logger.warn(`carrier account ${row.id}: credentials do not decrypt (${(err as Error).name})`);
  }
  return {
    id: row.id,
    provider: row.provider,
    name: row.name,
    accountRef: row.account_ref,
    cpsLimit: Number(row.cps_limit),
    apiBaseUrl: row.api_base_url,
    credentialFields,
    createdAt: row.created_at.toISOString(),
  };
}
