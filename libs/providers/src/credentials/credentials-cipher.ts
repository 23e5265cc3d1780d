import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { CarrierProvider } from '../carrier';
import { parseCredentialsKey } from './credentials-key';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The row a ciphertext belongs to. It is authenticated with the ciphertext (GCM additional data),
 * so a ciphertext copied onto another account, customer or provider does not decrypt.
 */
export interface CredentialsContext {
  accountId: string;
  customerId: string;
  provider: CarrierProvider;
}

/** Why credentials could not be decrypted. */
export type CredentialsDecryptFailure = 'malformed' | 'unsupported_version' | 'not_authentic';

/**
 * Stored credentials that do not decrypt: the key is not the one they were encrypted with, the
 * ciphertext was altered, or it was moved from another account. `code` is stable for callers.
 */
export class CredentialsDecryptError extends Error {
  readonly code = 'CARRIER_CREDENTIALS_UNDECRYPTABLE' as const;
  constructor(
    readonly reason: CredentialsDecryptFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CredentialsDecryptError';
  }
}

const aad = (c: CredentialsContext) =>
  Buffer.from(`carrier-account:${VERSION}:${c.accountId}:${c.customerId}:${c.provider}`, 'utf8');

const fromBase64Url = (part: string) => Buffer.from(part, 'base64url');

/**
 * Encrypts carrier-account credentials at rest with AES-256-GCM. A ciphertext is one string,
 * `v1:<iv>:<tag>:<data>` (base64url parts, a fresh random 12-byte IV each time), so a later key or
 * algorithm can be told apart by its version.
 */
export class CredentialsCipher {
  private readonly key: Buffer;

  /** `key`: exactly 32 bytes; see {@link CredentialsCipher.fromKeyText} for the variable's text. */
  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError('the credentials key must be 32 bytes');
    this.key = Buffer.from(key);
  }

  /** From `CARRIER_CREDENTIALS_KEY`'s text (64 hex characters or base64); a ConfigError otherwise. */
  static fromKeyText(value: string | undefined): CredentialsCipher {
    return new CredentialsCipher(parseCredentialsKey(value));
  }

  encrypt(credentials: Readonly<Record<string, string>>, context: CredentialsContext): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(context));
    const data = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv, tag, data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join(':');
  }

  /** The credentials; a {@link CredentialsDecryptError} when they are not authentic for `context`. */
  decrypt(ciphertext: string, context: CredentialsContext): Record<string, string> {
    const parts = ciphertext.split(':');
    if (parts[0] !== VERSION) {
      throw new CredentialsDecryptError(
        parts.length === 4 ? 'unsupported_version' : 'malformed',
        parts.length === 4
          ? `carrier credentials are encrypted with format ${parts[0]}, which this engine does not know`
          : 'carrier credentials are not an encrypted credentials string',
      );
    }
    const [, ivText, tagText, dataText] = parts;
    if (parts.length !== 4 || ivText === undefined || tagText === undefined || dataText === undefined) {
      throw new CredentialsDecryptError(
        'malformed',
        'carrier credentials are not an encrypted credentials string',
      );
    }
    const iv = fromBase64Url(ivText);
    const tag = fromBase64Url(tagText);
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new CredentialsDecryptError('malformed', 'carrier credentials have a malformed IV or tag');
    }
    let plain: string;
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(context));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(fromBase64Url(dataText)), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new CredentialsDecryptError(
        'not_authentic',
        `carrier credentials of account ${context.accountId} do not decrypt: CARRIER_CREDENTIALS_KEY ` +
          'is not the key they were stored with, or the stored value was altered or copied from another account',
        { cause },
      );
    }
    return parseCredentialsJson(plain);
  }
}

/** The decrypted JSON: an object of strings (anything else was not written by `encrypt`). */
function parseCredentialsJson(plain: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(plain);
  } catch (cause) {
    throw new CredentialsDecryptError('malformed', 'decrypted carrier credentials are not JSON', { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CredentialsDecryptError('malformed', 'decrypted carrier credentials are not an object');
  }
  const out: Record<string, string> = {};
  for (const [name, field] of Object.entries(value)) {
    if (typeof field !== 'string') {
      throw new CredentialsDecryptError('malformed', `decrypted carrier credential ${name} is not a string`);
    }
    out[name] = field;
  }
  return out;
}
