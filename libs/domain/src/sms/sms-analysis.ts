/** The two encodings an SMS body can be sent in. */
export const SmsEncodings = ['gsm7', 'ucs2'] as const;

/** One encoding; see {@link SmsEncodings}. */
export type SmsEncoding = (typeof SmsEncodings)[number];

/**
 * Capacity of one SMS part, in septets (GSM-7) or UTF-16 code units (UCS-2): a part carries 140
 * octets, and a concatenated message spends 6 of them on the user data header (UDH) that numbers
 * the parts, hence 153 and 67.
 */
export const SMS_PART_CAPACITY = {
  gsm7: { single: 160, multipart: 153 },
  ucs2: { single: 70, multipart: 67 },
} as const;

/** Characters per part: a single message or one part of a concatenated one. */
export type SmsPartCapacity = 160 | 153 | 70 | 67;

/** One distinct replacement made by transliteration. */
export interface SmsTransliteration {
  readonly from: string;
  readonly to: string;
}

/** What a body costs to send, and the body that will actually be sent. */
export interface SmsAnalysis {
  readonly encoding: SmsEncoding;
  /** The body to send: the input, or its transliteration when that made it fit GSM-7. */
  readonly body: string;
  /** Number of SMS parts billed (an empty body still costs one). */
  readonly segments: number;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  readonly characters: number;
  /** Capacity of each part: 160/70 for a single message, 153/67 for parts of a longer one. */
  readonly perSegment: SmsPartCapacity;
  /** Each distinct replacement made, in order of first occurrence; empty when none. */
  readonly transliterated: readonly SmsTransliteration[];
  /**
   * The body cut into its parts, as a carrier would: an extension character's two septets and a
   * surrogate pair's two code units always stay in the same part.
   */
  readonly parts: readonly string[];
  /** Distinct characters of `body` with no GSM-7 form, i.e. why it is UCS-2; empty for GSM-7. */
  readonly nonGsmCharacters: readonly string[];
}
