/** One replacement of the transliteration table: the character, its GSM-7 stand-in, and why. */
export interface TransliterationRule {
  /** A single code point with no GSM-7 form. */
  readonly from: string;
  /** GSM-7 text that reads the same (possibly several characters, or empty for invisible ones). */
  readonly to: string;
  /** The Unicode name, for the documentation and for reviewers. */
  readonly name: string;
}

/**
 * Characters that editors, phones and spreadsheets insert on their own (smart quotes, dashes,
 * odd spaces, invisible marks) and that would switch a whole message to UCS-2, cutting a part
 * from 160 to 70 characters. Only typography is here: letters are never replaced (á stays á, so
 * "María" is never respelled), nor are symbols a sender chose on purpose (©, ™, emoji).
 */
export const SMS_TRANSLITERATIONS: readonly TransliterationRule[] = [
  { from: '\u2018', to: "'", name: 'LEFT SINGLE QUOTATION MARK' },
  { from: '\u2019', to: "'", name: 'RIGHT SINGLE QUOTATION MARK' },
  { from: '\u201a', to: "'", name: 'SINGLE LOW-9 QUOTATION MARK' },
  { from: '\u201b', to: "'", name: 'SINGLE HIGH-REVERSED-9 QUOTATION MARK' },
  { from: '\u2032', to: "'", name: 'PRIME' },
  { from: '\u00b4', to: "'", name: 'ACUTE ACCENT' },
  { from: '`', to: "'", name: 'GRAVE ACCENT (backtick: ASCII, but not in GSM-7)' },
  { from: '\u201c', to: '"', name: 'LEFT DOUBLE QUOTATION MARK' },
  { from: '\u201d', to: '"', name: 'RIGHT DOUBLE QUOTATION MARK' },
  { from: '\u201e', to: '"', name: 'DOUBLE LOW-9 QUOTATION MARK' },
  { from: '\u201f', to: '"', name: 'DOUBLE HIGH-REVERSED-9 QUOTATION MARK' },
  { from: '\u2033', to: '"', name: 'DOUBLE PRIME' },
  { from: '\u00ab', to: '"', name: 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK' },
  { from: '\u00bb', to: '"', name: 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK' },
  { from: '\u2010', to: '-', name: 'HYPHEN' },
  { from: '\u2011', to: '-', name: 'NON-BREAKING HYPHEN' },
  { from: '\u2012', to: '-', name: 'FIGURE DASH' },
  { from: '\u2013', to: '-', name: 'EN DASH' },
  { from: '\u2014', to: '-', name: 'EM DASH' },
  { from: '\u2015', to: '-', name: 'HORIZONTAL BAR' },
  { from: '\u2212', to: '-', name: 'MINUS SIGN' },
  { from: '\u2026', to: '...', name: 'HORIZONTAL ELLIPSIS' },
  { from: '\u2022', to: '-', name: 'BULLET' },
  { from: '\u2023', to: '-', name: 'TRIANGULAR BULLET' },
  { from: '\u2043', to: '-', name: 'HYPHEN BULLET' },
  { from: '\u25e6', to: '-', name: 'WHITE BULLET' },
  { from: '\u00a0', to: ' ', name: 'NO-BREAK SPACE' },
  { from: '\u2002', to: ' ', name: 'EN SPACE' },
  { from: '\u2003', to: ' ', name: 'EM SPACE' },
  { from: '\u2004', to: ' ', name: 'THREE-PER-EM SPACE' },
  { from: '\u2005', to: ' ', name: 'FOUR-PER-EM SPACE' },
  { from: '\u2006', to: ' ', name: 'SIX-PER-EM SPACE' },
  { from: '\u2007', to: ' ', name: 'FIGURE SPACE' },
  { from: '\u2008', to: ' ', name: 'PUNCTUATION SPACE' },
  { from: '\u2009', to: ' ', name: 'THIN SPACE' },
  { from: '\u200a', to: ' ', name: 'HAIR SPACE' },
  { from: '\u202f', to: ' ', name: 'NARROW NO-BREAK SPACE' },
  { from: '\u205f', to: ' ', name: 'MEDIUM MATHEMATICAL SPACE' },
  { from: '\t', to: ' ', name: 'CHARACTER TABULATION (tab: ASCII, but not in GSM-7)' },
  { from: '\u2028', to: '\n', name: 'LINE SEPARATOR' },
  { from: '\u2029', to: '\n', name: 'PARAGRAPH SEPARATOR' },
  { from: '\u200b', to: '', name: 'ZERO WIDTH SPACE' },
  { from: '\u200c', to: '', name: 'ZERO WIDTH NON-JOINER' },
  { from: '\u200d', to: '', name: 'ZERO WIDTH JOINER' },
  { from: '\u2060', to: '', name: 'WORD JOINER' },
  { from: '\ufeff', to: '', name: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)' },
  { from: '\u00ad', to: '', name: 'SOFT HYPHEN' },
];

const TABLE: ReadonlyMap<string, string> = new Map(SMS_TRANSLITERATIONS.map((r) => [r.from, r.to]));

/** The GSM-7 stand-in for one code point, or `undefined` when the table has none. */
export function transliterationOf(char: string): string | undefined {
  return TABLE.get(char);
}
