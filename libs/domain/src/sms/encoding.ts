import { gsm7Septets } from './gsm7';
import { MessageTooLongError } from './message-too-long-error';
import type { SizedChar } from './segmentation';
import { splitIntoParts } from './segmentation';
import type { SmsAnalysis, SmsTransliteration } from './sms-analysis';
import { SMS_PART_CAPACITY } from './sms-analysis';
import { transliterationOf } from './transliteration';

/** Options of {@link analyseSms}. */
export interface AnalyseSmsOptions {
  /**
   * Replace typographic characters that have a GSM-7 look-alike (smart quotes, dashes, odd
   * spaces; see {@link SMS_TRANSLITERATIONS}) when that makes the whole body GSM-7 without
   * costing more parts than UCS-2 would. Default false.
   */
  readonly transliterate?: boolean;
  /** Most parts allowed; more throws {@link MessageTooLongError}. A positive integer; no limit when absent. */
  readonly maxSegments?: number;
}

/** The body as GSM-7 units, or `undefined` if some code point has no GSM-7 form. */
function asGsm7(codePoints: readonly string[]): SizedChar[] | undefined {
  const chars: SizedChar[] = [];
  for (const text of codePoints) {
    const cost = gsm7Septets(text);
    if (cost === undefined) return undefined;
    chars.push({ text, cost });
  }
  return chars;
}

/**
 * The body with table replacements applied, or `undefined` when a character has neither a GSM-7
 * form nor a replacement: the message is UCS-2 anyway, and replacing its quotes would change the
 * text and save nothing.
 */
function transliterated(
  codePoints: readonly string[],
): { codePoints: string[]; replacements: SmsTransliteration[] } | undefined {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const char of codePoints) {
    if (gsm7Septets(char) !== undefined) {
      out.push(char);
      continue;
    }
    const to = transliterationOf(char);
    if (to === undefined) return undefined;
    seen.set(char, to);
    out.push(...to);
  }
  return { codePoints: out, replacements: [...seen].map(([from, to]) => ({ from, to })) };
}

function assertValidMaxSegments(maxSegments: number | undefined): void {
  if (maxSegments !== undefined && !(Number.isInteger(maxSegments) && maxSegments >= 1)) {
    throw new RangeError(`maxSegments must be a positive integer, got ${maxSegments}`);
  }
}

/**
 * Works out how a body will be sent: GSM-7 when every character is in the GSM 03.38 alphabet
 * (after optional transliteration), otherwise UCS-2; how many billed parts it takes; and the
 * parts themselves. Pure and deterministic, so workflows may call it.
 *
 * @throws MessageTooLongError when `maxSegments` is given and the body needs more parts.
 * @throws RangeError when `maxSegments` is not a positive integer.
 */
export function analyseSms(body: string, options: AnalyseSmsOptions = {}): SmsAnalysis {
  assertValidMaxSegments(options.maxSegments);
  const analysis = analyse(body, options.transliterate ?? false);
  if (options.maxSegments !== undefined && analysis.segments > options.maxSegments) {
    throw new MessageTooLongError(analysis, options.maxSegments);
  }
  return analysis;
}

function analyse(body: string, transliterate: boolean): SmsAnalysis {
  // Code points, not UTF-16 units: a surrogate pair is one character that must never be split.
  const codePoints = [...body];
  const gsm = asGsm7(codePoints);
  if (gsm) return gsm7Analysis(gsm, []);
  const ucs2 = ucs2Analysis(body, codePoints);
  if (!transliterate) return ucs2;
  const replaced = transliterated(codePoints);
  const replacedGsm = replaced && asGsm7(replaced.codePoints);
  if (!replaced || !replacedGsm) return ucs2;
  const candidate = gsm7Analysis(replacedGsm, replaced.replacements);
  // "…" becomes three septets: a body thick with them can cost more as GSM-7 than as UCS-2.
  return candidate.segments <= ucs2.segments ? candidate : ucs2;
}

function ucs2Analysis(body: string, codePoints: readonly string[]): SmsAnalysis {
  const ucs2 = codePoints.map((text) => ({ text, cost: text.length }));
  const { single, multipart } = SMS_PART_CAPACITY.ucs2;
  const split = splitIntoParts(ucs2, single, multipart);
  return {
    encoding: 'ucs2',
    body,
    segments: split.parts.length,
    characters: split.characters,
    perSegment: split.perSegment,
    transliterated: [],
    parts: split.parts,
    nonGsmCharacters: [...new Set(codePoints.filter((c) => gsm7Septets(c) === undefined))],
  };
}

function gsm7Analysis(chars: readonly SizedChar[], replacements: SmsTransliteration[]): SmsAnalysis {
  const { single, multipart } = SMS_PART_CAPACITY.gsm7;
  const split = splitIntoParts(chars, single, multipart);
  return {
    encoding: 'gsm7',
    body: chars.map((c) => c.text).join(''),
    segments: split.parts.length,
    characters: split.characters,
    perSegment: split.perSegment,
    transliterated: replacements,
    parts: split.parts,
    nonGsmCharacters: [],
  };
}
