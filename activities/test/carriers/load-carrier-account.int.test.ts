import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@engine/config';
import { insertCarrierAccount } from '@engine/db';
import { CredentialsCipher, CredentialsDecryptError } from '@engine/providers';
import type { TestDatabase } from '@engine/testing';
import { createTestDatabase, seedCustomer } from '@engine/testing';
import {
  assertCredentialsKeyReady,
  CarrierAccountUnusableError,
  loadCarrierAccount,
} from '../../src/carriers';

const KEY = randomBytes(32).toString('hex');
const cipher = CredentialsCipher.fromKeyText(KEY);
const PLIVO = { authId: 'MAXXXXXXXXXXXXXXXXXX', authToken: 'plivo-auth-token-0123' };

async function configError(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return (err as Error).message;
}

describe('stored carrier accounts: loading and the start-up key check (real PostgreSQL)', () => {
  let t: TestDatabase;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    ({
      customer: { id: customerId },
    } = await seedCustomer(t.db, 'Accounts Inc'));
  });
  afterAll(() => t?.close());

  async function storeAccount(credentials: Record<string, string>, apiBaseUrl: string | null = null) {
    const id = randomUUID();
    return insertCarrierAccount(t.db, {
      id,
      customer_id: customerId,
      provider: 'plivo',
      name: 'Plivo',
      credentials_ciphertext: cipher.encrypt(credentials, { accountId: id, customerId, provider: 'plivo' }),
      account_ref: credentials['authId'] ?? null,
      cps_limit: 2,
      api_base_url: apiBaseUrl,
    });
  }

  it('starts without a key while no account is stored, and refuses a malformed one', async () => {
    await expect(assertCredentialsKeyReady(t.db, {})).resolves.toBeUndefined();
    expect(
      await configError(assertCredentialsKeyReady(t.db, { CARRIER_CREDENTIALS_KEY: 'hunter2' })),
    ).toMatch(/CARRIER_CREDENTIALS_KEY is malformed.*openssl rand -hex 32/);
  });

  it('loads an account decrypted and validated, with its base URL and CPS limit', async () => {
    const row = await storeAccount(PLIVO, 'https://api.plivo.test');
    expect(await loadCarrierAccount(t.db, cipher, row.id)).toEqual({
      id: row.id,
      customerId,
      provider: 'plivo',
      credentials: PLIVO,
      apiBaseUrl: 'https://api.plivo.test',
      cpsLimit: 2,
    });
    expect(await loadCarrierAccount(t.db, cipher, randomUUID())).toBeUndefined();
  });

  it('does not load a deleted account to dial, but does for a webhook', async () => {
    const row = await storeAccount(PLIVO);
    await t.db
      .updateTable('carrier_accounts')
      .set({ deleted_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    expect(await loadCarrierAccount(t.db, cipher, row.id)).toBeUndefined();
    expect((await loadCarrierAccount(t.db, cipher, row.id, { includeDeleted: true }))?.credentials).toEqual(
      PLIVO,
    );
  });

  it('refuses credentials the provider schema rejects, naming the field only', async () => {
    const row = await storeAccount({ authId: 'nope', authToken: 'plivo-auth-token-0123' });
    const err = await loadCarrierAccount(t.db, cipher, row.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CarrierAccountUnusableError);
    expect((err as Error).message).toContain('credentials.authId');
    expect((err as Error).message).not.toContain('plivo-auth-token-0123');
    await t.db.deleteFrom('carrier_accounts').where('id', '=', row.id).execute();
  });

  it('refuses a row whose ciphertext was copied from another account', async () => {
    const source = await storeAccount(PLIVO);
    const target = await storeAccount({ ...PLIVO, authToken: 'other-auth-token-0123' });
    await t.db
      .updateTable('carrier_accounts')
      .set({ credentials_ciphertext: source.credentials_ciphertext })
      .where('id', '=', target.id)
      .execute();
    await expect(loadCarrierAccount(t.db, cipher, target.id)).rejects.toBeInstanceOf(CredentialsDecryptError);
    await t.db.deleteFrom('carrier_accounts').where('id', '=', target.id).execute();
  });

  it('once accounts exist, refuses to start without the key or with another key, naming the variable', async () => {
    await storeAccount(PLIVO);
    await expect(assertCredentialsKeyReady(t.db, { CARRIER_CREDENTIALS_KEY: KEY })).resolves.toBeUndefined();
    expect(await configError(assertCredentialsKeyReady(t.db, {}))).toMatch(
      /CARRIER_CREDENTIALS_KEY is not set.*openssl rand -hex 32/,
    );
    expect(await configError(assertCredentialsKeyReady(t.db, { CARRIER_CREDENTIALS_KEY: ' ' }))).toContain(
      'CARRIER_CREDENTIALS_KEY is not set',
    );
    const otherKey = randomBytes(32).toString('base64');
    expect(await configError(assertCredentialsKeyReady(t.db, { CARRIER_CREDENTIALS_KEY: otherKey }))).toMatch(
      /CARRIER_CREDENTIALS_KEY does not decrypt/,
    );
  });
});
