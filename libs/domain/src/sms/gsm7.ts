/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet, in septet order: index = septet value. Septet
 * 0x1B is the escape to the extension table, not a character, so it is held here as U+001B and
 * excluded from {@link gsm7Septets}; a raw ESC in a message body is not sendable as GSM-7.
 */
export const GSM7_BASIC_ALPHABET =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/**
 * The characters of the GSM 03.38 extension table. Each is sent as ESC + one septet, so it costs
 * two septets, and the pair must stay in one part of a concatenated message. Form feed (page
 * break) is in the table too, for completeness.
 */
export const GSM7_EXTENSION_CHARACTERS = '\f^{}\\[~]|€';

const ESCAPE = '\u001b';
const BASIC: ReadonlySet<string> = new Set([...GSM7_BASIC_ALPHABET].filter((c) => c !== ESCAPE));
const EXTENSION: ReadonlySet<string> = new Set(GSM7_EXTENSION_CHARACTERS);

/**
 * How many septets one character costs in GSM-7: 1 for the basic alphabet, 2 for the extension
 * table, `undefined` when the character has no GSM-7 form (the message then needs UCS-2).
 * `char` is one code point, e.g. an element of `[...text]`.
 */
export function gsm7Septets(char: string): 1 | 2 | undefined {
  if (BASIC.has(char)) return 1;
  if (EXTENSION.has(char)) return 2;
  return undefined;
}
