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

/** Upper case, compatibility forms folded (NFKC: full-width "ＳＴＯＰ"), invisible characters dropped. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toUpperCase();
}

/**
 * The keyword an inbound SMS is, in its canonical spelling, or `undefined` when it is not exactly
 * one. Only the whole message counts: "Stop!" is STOP, "please don't stop" is no keyword (but see
 * {@link findRevocation}). Ignored: case, compatibility forms (NFKC: full-width "ＳＴＯＰ"),
 * leading and trailing whitespace, punctuation and symbols, invisible format characters, and the
 * length of inner whitespace runs ("OPT   OUT").
 */
export function matchInboundKeyword(text: string): InboundSmsKeyword | undefined {
  const normalised = fold(text).replace(EDGES, '').replace(INNER_SPACE, ' ');
  return isKeyword(normalised) ? normalised : undefined;
}

/**
 * Words and phrases that revoke consent anywhere in a message: the opt-out keywords (the FCC's
 * "reasonable means" of 47 CFR 64.1200(a)(10) and CTIA's STOP ALL) and the plain ways people say
 * the same ("remove me", "do not text"). A wrongly honoured opt-out costs one contact; a missed
 * one is a violation, so the list errs towards opting out.
 */
export const RevocationPhrases = [
  ...OptOutKeywords,
  'UNSUB',
  'REMOVE ME',
  'OPT ME OUT',
  'TAKE ME OFF',
  'DO NOT CONTACT',
  'DO NOT CALL',
  'DO NOT TEXT',
  "DON'T CALL",
  "DON'T TEXT",
  'DONT CALL',
  'DONT TEXT',
  'LEAVE ME ALONE',
] as const;

/** A revocation phrase; see {@link RevocationPhrases}. */
export type RevocationPhrase = (typeof RevocationPhrases)[number];

const PHRASE_WORDS: ReadonlyArray<{ phrase: RevocationPhrase; words: readonly string[] }> =
  RevocationPhrases.map((phrase) => ({ phrase, words: phrase.split(' ') }));

/** Any run of characters that is not part of a word: a word keeps its letters, digits, inner apostrophes and hyphens. */
const WORD_BREAK = /[^\p{L}\p{N}'-]+/u;
/** Dashes of any kind read as a hyphen ("opt–out"), curly apostrophes as straight ones ("don’t"). */
const DASHES = /\p{Pd}/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/gu;
const WORD_EDGES = /^['-]+|['-]+$/g;

/**
 * The message's words, upper case. Whole words only: "weekend", "backend" and "stopwatch" contain
 * no END or STOP. A hyphenated compound is one word ("non-stop" is not STOP), so "opt-out" is
 * matched as the phrase OPT-OUT.
 */
function wordsOf(text: string): string[] {
  return fold(text)
    .replace(DASHES, '-')
    .replace(APOSTROPHES, "'")
    .split(WORD_BREAK)
    .map((w) => w.replace(WORD_EDGES, ''))
    .filter((w) => w.length > 0);
}

/**
 * The first revocation phrase (see {@link RevocationPhrases}) the message contains as whole words,
 * anywhere in a sentence: "Please stop texting me", "unsubscribe me", "I want to opt out", "Stop
 * calling!". No attempt is made to read negation ("don't stop" revokes too): when in doubt, an
 * opt-out is honoured.
 */
export function findRevocation(text: string): RevocationPhrase | undefined {
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i += 1) {
    for (const { phrase, words: phraseWords } of PHRASE_WORDS) {
      if (phraseWords.every((w, k) => words[i + k] === w)) return phrase;
    }
  }
  return undefined;
}

/**
 * What an inbound SMS asks for. `opt_out` when the message is an opt-out keyword or contains a
 * revocation phrase anywhere (see {@link findRevocation}), including next to START ("stop start":
 * the opt-out wins). `help` and `opt_in` only when the whole message is the keyword (HELP, INFO,
 * START, UNSTOP): "can you help me" is a question for a person, not a request for the standard
 * help text, and "start over" is not a request to resume messages. `other` otherwise, which is no
 * verdict that the text is harmless: a person may still need to read it.
 */
export function classifyInboundKeyword(text: string): InboundSmsIntent {
  const keyword = matchInboundKeyword(text);
  const exact = keyword !== undefined ? INTENT_BY_KEYWORD.get(keyword) : undefined;
  if (exact === 'opt_out' || findRevocation(text) !== undefined) return 'opt_out';
  return exact ?? 'other';
}
