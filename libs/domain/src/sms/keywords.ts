/** What an inbound SMS asks for. */
export const InboundSmsIntents = ['opt_out', 'help', 'opt_in', 'other'] as const;

/** One intent; see {@link InboundSmsIntents}. */
export type InboundSmsIntent = (typeof InboundSmsIntents)[number];

/**
 * Opt-out keywords (CTIA and carrier practice, and the FCC's 2025 revocation words). "STOP ALL"
 * and "OPT-OUT" are spellings of listed words: when in doubt, an opt-out is honoured.
 */
export const OptOutKeywords = [
  'STOP',
  'STOPALL',
  'STOP ALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'OPT OUT',
  'OPT-OUT',
] as const;

/** Keywords that ask for the help message. */
export const HelpKeywords = ['HELP', 'INFO'] as const;

/** Keywords that opt back in. Deliberately not YES: it answers too many other questions. */
export const OptInKeywords = ['START', 'UNSTOP'] as const;

/** Any recognised keyword, in its canonical spelling. */
export type InboundSmsKeyword =
  (typeof OptOutKeywords)[number] | (typeof HelpKeywords)[number] | (typeof OptInKeywords)[number];

const INTENT_BY_KEYWORD: ReadonlyMap<string, InboundSmsIntent> = new Map<string, InboundSmsIntent>([
  ...OptOutKeywords.map((k) => [k, 'opt_out'] as const),
  ...HelpKeywords.map((k) => [k, 'help'] as const),
  ...OptInKeywords.map((k) => [k, 'opt_in'] as const),
]);

const isKeyword = (text: string): text is InboundSmsKeyword => INTENT_BY_KEYWORD.has(text);

/**
 * Leading and trailing whitespace (any Unicode White_Space), punctuation, symbols (emoji
 * included), marks, format and control characters: "Stop!", "STOP." and "stop 🛑" mean STOP.
 */
const EDGES =
  /^[\p{White_Space}\p{P}\p{S}\p{M}\p{Cf}\p{Cc}]+|[\p{White_Space}\p{P}\p{S}\p{M}\p{Cf}\p{Cc}]+$/gu;
const INNER_SPACE = /\p{White_Space}+/gu;
/** Invisible format characters (zero-width space, BOM) that copy-paste leaves inside words. */
const INVISIBLE = /\p{Cf}/gu;

/**
 * The keyword an inbound SMS is, in its canonical spelling, or `undefined` when it is not exactly
 * one. Only the whole message counts: "Stop!" is STOP, "please don't stop" is no keyword. Ignored:
 * case, compatibility forms (NFKC: full-width "ＳＴＯＰ"), leading and trailing whitespace,
 * punctuation and symbols, invisible format characters, and the length of inner whitespace runs
 * ("OPT   OUT").
 */
export function matchInboundKeyword(text: string): InboundSmsKeyword | undefined {
  const normalised = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(EDGES, '')
    .replace(INNER_SPACE, ' ')
    .toUpperCase();
  return isKeyword(normalised) ? normalised : undefined;
}

/**
 * What an inbound SMS asks for: `opt_out`, `help`, `opt_in`, or `other` when it is not exactly a
 * keyword (see {@link matchInboundKeyword}). `other` is no verdict that the text is harmless: "stop
 * texting me" is `other` here, and a person may still need to read it.
 */
export function classifyInboundKeyword(text: string): InboundSmsIntent {
  const keyword = matchInboundKeyword(text);
  return (keyword !== undefined && INTENT_BY_KEYWORD.get(keyword)) || 'other';
}
