import { ConfigError } from '@engine/config';

/** The variable that holds the key; named in every error about it. */
export const CREDENTIALS_KEY_VARIABLE = 'CARRIER_CREDENTIALS_KEY';

/** How to make a key, repeated in every error about a missing or malformed one. */
export const CREDENTIALS_KEY_HINT =
  'set it to 32 random bytes as 64 hex characters (generate one with `openssl rand -hex 32`) or base64';

const KEY_BYTES = 32;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
// 32 bytes are 43 base64 characters plus one `=` of padding; both alphabets are accepted.
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=?$|^[A-Za-z0-9_-]{43}=?$/;

/**
 * Reads `CARRIER_CREDENTIALS_KEY`: 32 bytes as 64 hex characters or base64. Anything else fails
 * with a {@link ConfigError} naming the variable (never echoing the value: it may be a real key
 * pasted slightly wrong). Hex is tried first, as 64 hex characters are also valid base64.
 */
export function parseCredentialsKey(value: string | undefined): Buffer {
  const text = value?.trim() ?? '';
  if (text === '') {
    throw new ConfigError(`${CREDENTIALS_KEY_VARIABLE} is not set: ${CREDENTIALS_KEY_HINT}`);
  }
  if (HEX_KEY.test(text)) return Buffer.from(text, 'hex');
  if (BASE64_KEY.test(text)) {
    const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  throw new ConfigError(
    `${CREDENTIALS_KEY_VARIABLE} is malformed (${text.length} characters, neither 64 hex characters ` +
      `nor base64 of 32 bytes): ${CREDENTIALS_KEY_HINT}`,
  );
}
