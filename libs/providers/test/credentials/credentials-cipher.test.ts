import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@engine/config';
import type { CredentialsContext, CredentialsDecryptFailure } from '../../src/credentials';
import { CredentialsCipher, CredentialsDecryptError, parseCredentialsKey } from '../../src/credentials';

const KEY = randomBytes(32);
const CONTEXT: CredentialsContext = {
  accountId: '3f1c2a52-4d0e-4c5b-9a43-0b6f0c1d2e3f',
  customerId: '8a7b6c5d-1e2f-4a3b-8c9d-0e1f2a3b4c5d',
  provider: 'twilio',
};
const CREDENTIALS = { accountSid: `AC${'a1'.repeat(16)}`, authToken: 'secret-auth-token-1234' };

function failure(fn: () => unknown): CredentialsDecryptFailure | 'decrypted' {
  try {
    fn();
    return 'decrypted';
  } catch (err) {
    if (!(err instanceof CredentialsDecryptError)) throw err;
    expect(err.code).toBe('CARRIER_CREDENTIALS_UNDECRYPTABLE');
    return err.reason;
  }
}

/** Flips one bit of one base64url part of a ciphertext. */
function tamper(ciphertext: string, part: 1 | 2 | 3): string {
  const parts = ciphertext.split(':');
  const bytes = Buffer.from(parts[part] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
}

describe('CredentialsCipher (AES-256-GCM, v1:<iv>:<tag>:<data>)', () => {
  const cipher = new CredentialsCipher(KEY);

  it('round-trips credentials and never shows them in the ciphertext', () => {
    const ciphertext = cipher.encrypt(CREDENTIALS, CONTEXT);
    expect(ciphertext).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(ciphertext).not.toContain(CREDENTIALS.authToken);
    expect(ciphertext).not.toContain(CREDENTIALS.accountSid);
    expect(cipher.decrypt(ciphertext, CONTEXT)).toEqual(CREDENTIALS);
  });

  it('uses a fresh random IV each time', () => {
    const a = cipher.encrypt(CREDENTIALS, CONTEXT);
    const b = cipher.encrypt(CREDENTIALS, CONTEXT);
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
    expect(a).not.toBe(b);
  });

  it('refuses a tampered IV, tag or ciphertext', () => {
    const ciphertext = cipher.encrypt(CREDENTIALS, CONTEXT);
    for (const part of [1, 2, 3] as const) {
      expect(failure(() => cipher.decrypt(tamper(ciphertext, part), CONTEXT))).toBe('not_authentic');
    }
  });

  it('refuses a ciphertext made with another key, naming CARRIER_CREDENTIALS_KEY', () => {
    const ciphertext = cipher.encrypt(CREDENTIALS, CONTEXT);
    const other = new CredentialsCipher(randomBytes(32));
    expect(failure(() => other.decrypt(ciphertext, CONTEXT))).toBe('not_authentic');
    expect(() => other.decrypt(ciphertext, CONTEXT)).toThrow(/CARRIER_CREDENTIALS_KEY/);
  });

  it('refuses a ciphertext moved to another account, customer or provider (additional data)', () => {
    const ciphertext = cipher.encrypt(CREDENTIALS, CONTEXT);
    const moved: CredentialsContext[] = [
      { ...CONTEXT, accountId: '00000000-0000-4000-8000-000000000001' },
      { ...CONTEXT, customerId: '00000000-0000-4000-8000-000000000002' },
      { ...CONTEXT, provider: 'plivo' },
    ];
    for (const context of moved)
      expect(failure(() => cipher.decrypt(ciphertext, context))).toBe('not_authentic');
  });

  it('tells malformed strings and unknown versions apart, with a stable code', () => {
    const ciphertext = cipher.encrypt(CREDENTIALS, CONTEXT);
    expect(failure(() => cipher.decrypt('not encrypted', CONTEXT))).toBe('malformed');
    expect(failure(() => cipher.decrypt('v1:abc:def', CONTEXT))).toBe('malformed');
    expect(failure(() => cipher.decrypt(ciphertext.replace(/^v1:[^:]+/, 'v1:AAAA'), CONTEXT))).toBe(
      'malformed',
    );
    expect(failure(() => cipher.decrypt(ciphertext.replace(/^v1/, 'v9'), CONTEXT))).toBe(
      'unsupported_version',
    );
  });

  it('never puts a credential value in an error message', () => {
    const ciphertext = cipher.encrypt(CREDENTIALS, CONTEXT);
    try {
      new CredentialsCipher(randomBytes(32)).decrypt(ciphertext, CONTEXT);
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(CREDENTIALS.authToken);
    }
  });
});

describe('parseCredentialsKey (CARRIER_CREDENTIALS_KEY)', () => {
  it('accepts 64 hex characters, base64 and base64url of 32 bytes', () => {
    expect(parseCredentialsKey(KEY.toString('hex'))).toEqual(KEY);
    expect(parseCredentialsKey(KEY.toString('hex').toUpperCase())).toEqual(KEY);
    expect(parseCredentialsKey(KEY.toString('base64'))).toEqual(KEY);
    expect(parseCredentialsKey(KEY.toString('base64').replace(/=$/, ''))).toEqual(KEY);
    expect(parseCredentialsKey(KEY.toString('base64url'))).toEqual(KEY);
    expect(parseCredentialsKey(` ${KEY.toString('hex')}\n`)).toEqual(KEY);
  });

  it('keys given as hex and as base64 decrypt each other', () => {
    const ciphertext = CredentialsCipher.fromKeyText(KEY.toString('hex')).encrypt(CREDENTIALS, CONTEXT);
    expect(CredentialsCipher.fromKeyText(KEY.toString('base64')).decrypt(ciphertext, CONTEXT)).toEqual(
      CREDENTIALS,
    );
  });

  it.each([
    ['unset', undefined],
    ['empty', '   '],
    ['a passphrase', 'correct horse battery staple'],
    ['16 bytes of hex', randomBytes(16).toString('hex')],
    ['63 hex characters', KEY.toString('hex').slice(1)],
    ['base64 of 24 bytes', randomBytes(24).toString('base64')],
    ['base64 of 48 bytes', randomBytes(48).toString('base64')],
  ])('refuses a key that is %s with a ConfigError naming the variable and how to make one', (_, value) => {
    let error: unknown;
    try {
      parseCredentialsKey(value);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('CARRIER_CREDENTIALS_KEY');
    expect(message).toContain('openssl rand -hex 32');
    if (value && value.trim() !== '') expect(message).not.toContain(value.trim());
  });
});
