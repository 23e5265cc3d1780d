import type { EngineEnv } from '@engine/config';
import type { CarrierAccount, Executor } from '@engine/db';
import { findCarrierAccountById, findCarrierAccountForWebhook } from '@engine/db';
import type { CarrierAccountRecord } from '@engine/providers';
import { carrierCredentialsSchemas, CredentialsCipher } from '@engine/providers';

/**
 * A stored account whose credentials decrypt but no longer satisfy its carrier's schema (written
 * by an older engine, or by hand). Names the fields, never their values.
 */
export class CarrierAccountUnusableError extends Error {
  readonly code = 'CARRIER_ACCOUNT_UNUSABLE' as const;
  constructor(
    readonly accountId: string,
    problems: string[],
  ) {
    super(`carrier account ${accountId} has invalid credentials: ${problems.join('; ')}`);
    this.name = 'CarrierAccountUnusableError';
  }
}

/**
 * The cipher for `CARRIER_CREDENTIALS_KEY`, or undefined when it is unset (no account can be
 * stored or used then). A malformed key is a ConfigError naming the variable.
 */
export function credentialsCipherFromEnv(
  env: Pick<EngineEnv, 'CARRIER_CREDENTIALS_KEY'>,
): CredentialsCipher | undefined {
  const text = env.CARRIER_CREDENTIALS_KEY;
  if (text === undefined || text.trim() === '') return undefined;
  return CredentialsCipher.fromKeyText(text);
}

/**
 * A stored account as adapters and the engine need it: credentials decrypted (bound to the row's
 * account, customer and provider) and validated by the provider's schema.
 * Throws `CredentialsDecryptError` (wrong key, altered row) or {@link CarrierAccountUnusableError}.
 */
export function toCarrierAccountRecord(row: CarrierAccount, cipher: CredentialsCipher): CarrierAccountRecord {
  const credentials = cipher.decrypt(row.credentials_ciphertext, {
    accountId: row.id,
    customerId: row.customer_id,
    provider: row.provider,
  });
  const parsed = carrierCredentialsSchemas[row.provider].safeParse(credentials);
  if (!parsed.success) {
    throw new CarrierAccountUnusableError(
      row.id,
      parsed.error.issues.map((i) => `credentials.${i.path.join('.')}: ${i.message}`),
    );
  }
  return {
    id: row.id,
    customerId: row.customer_id,
    provider: row.provider,
    credentials,
    ...(row.api_base_url ? { apiBaseUrl: row.api_base_url } : {}),
    cpsLimit: Number(row.cps_limit),
  };
}

/** Options of {@link loadCarrierAccount}. */
export interface LoadCarrierAccountOptions {
  /** Also a deleted account: webhooks of calls placed before the deletion still verify. */
  includeDeleted?: boolean;
}

/**
 * A stored carrier account by id, decrypted and validated; undefined when there is none (or it
 * was deleted, unless `includeDeleted`). See {@link toCarrierAccountRecord} for its errors.
 */
export async function loadCarrierAccount(
  db: Executor,
  cipher: CredentialsCipher,
  accountId: string,
  options: LoadCarrierAccountOptions = {},
): Promise<CarrierAccountRecord | undefined> {
  const row = options.includeDeleted
    ? await findCarrierAccountForWebhook(db, accountId)
    : await findCarrierAccountById(db, accountId);
  return row ? toCarrierAccountRecord(row, cipher) : undefined;
}
