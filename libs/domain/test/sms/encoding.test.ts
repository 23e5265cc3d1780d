import { describe, expect, it } from 'vitest';
import { analyseSms, MessageTooLongError } from '../../src/sms';

const gsm = (n: number) => 'a'.repeat(n);
/** A non-GSM character from the BMP: one UTF-16 code unit in UCS-2. */
const ucs = (n: number) => 'ж'.repeat(n);
const EMOJI = '😀';

describe('analyseSms: GSM-7 segment boundaries', () => {
  it.each([
    [0, 1, 160],
    [1, 1, 160],
    [160, 1, 160],
    [161, 2, 153],
    [306, 2, 153],
    [307, 3, 153],
    [459, 3, 153],
    [460, 4, 153],
  ])('%i septets -> %i segment(s) of %i', (length, segments, perSegment) => {
    const analysis = analyseSms(gsm(length));
    expect(analysis).toMatchObject({ encoding: 'gsm7', characters: length, segments, perSegment });
    expect(analysis.parts.join('')).toBe(gsm(length));
    expect(analysis.parts).toHaveLength(segments);
  });

  it('keeps the whole GSM alphabet, accents and Greek capitals included, in GSM-7', () => {
    const body = 'Café à Zürich: £5, ¥, §, ¿Qué? ΔΩΣ @ 10:00\r\n_';
    expect(analyseSms(body)).toMatchObject({ encoding: 'gsm7', body, characters: [...body].length });
  });
});

describe('analyseSms: extension characters', () => {
  it('counts each extension character as two septets', () => {
    expect(analyseSms('€')).toMatchObject({ encoding: 'gsm7', characters: 2, segments: 1 });
    expect(analyseSms('{x}[^]~|\\€')).toMatchObject({ characters: 19, segments: 1 });
  });

  it('fits 80 euro signs in one message, not 81 (or 80 plus one letter)', () => {
    expect(analyseSms('€'.repeat(80))).toMatchObject({ characters: 160, segments: 1, perSegment: 160 });
    expect(analyseSms('€'.repeat(80) + 'a')).toMatchObject({ characters: 161, segments: 2, perSegment: 153 });
  });

  it('never splits an extension character across a part boundary', () => {
    const analysis = analyseSms(gsm(152) + '{' + 'b'.repeat(10));
    expect(analysis).toMatchObject({ characters: 164, segments: 2 });
    expect(analysis.parts).toEqual([gsm(152), '{' + 'b'.repeat(10)]);
  });

  it('counts the part lost to an unsplittable character (306 septets that need 3 parts)', () => {
    const body = gsm(152) + '€' + gsm(152);
    const analysis = analyseSms(body);
    expect(analysis).toMatchObject({ characters: 306, segments: 3, perSegment: 153 });
    expect(analysis.parts).toEqual([gsm(152), '€' + gsm(151), 'a']);
  });

  it('packs an extension character into the last free pair of septets', () => {
    expect(analyseSms(gsm(151) + '€' + gsm(10)).parts).toEqual([gsm(151) + '€', gsm(10)]);
  });
});

describe('analyseSms: UCS-2', () => {
  it.each([
    [70, 1, 70],
    [71, 2, 67],
    [134, 2, 67],
    [135, 3, 67],
    [201, 3, 67],
    [202, 4, 67],
  ])('%i code units -> %i segment(s) of %i', (length, segments, perSegment) => {
    expect(analyseSms(ucs(length))).toMatchObject({
      encoding: 'ucs2',
      characters: length,
      segments,
      perSegment,
    });
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7, and names it', () => {
    const analysis = analyseSms(gsm(100) + 'ж' + 'ж');
    expect(analysis).toMatchObject({
      encoding: 'ucs2',
      characters: 102,
      segments: 2,
      nonGsmCharacters: ['ж'],
    });
  });

  it('counts GSM extension characters as one code unit in UCS-2', () => {
    expect(analyseSms('€{ж')).toMatchObject({ encoding: 'ucs2', characters: 3 });
  });

  it('counts an emoji as two code units (a surrogate pair)', () => {
    expect(analyseSms(EMOJI)).toMatchObject({ encoding: 'ucs2', characters: 2, segments: 1, perSegment: 70 });
    expect(analyseSms(EMOJI.repeat(35))).toMatchObject({ characters: 70, segments: 1 });
    expect(analyseSms(EMOJI.repeat(35) + 'a')).toMatchObject({ characters: 71, segments: 2 });
    // 3 + (wave 2 + skin tone 2) + 1 + (man 2 + ZWJ 1 + woman 2 + ZWJ 1 + girl 2)
    expect(analyseSms('Hi 👋🏽 👨‍👩‍👧')).toMatchObject({ encoding: 'ucs2', characters: 16 });
  });

  it('never splits a surrogate pair across a part boundary', () => {
    const analysis = analyseSms(ucs(66) + EMOJI + ucs(10));
    expect(analysis).toMatchObject({ characters: 78, segments: 2, perSegment: 67 });
    expect(analysis.parts).toEqual([ucs(66), EMOJI + ucs(10)]);
  });

  it('counts the parts lost to unsplittable pairs (134 code units that need 3 parts)', () => {
    const body = ucs(66) + EMOJI + ucs(64) + EMOJI;
    const analysis = analyseSms(body);
    expect(analysis).toMatchObject({ characters: 134, segments: 3 });
    expect(analysis.parts).toEqual([ucs(66), EMOJI + ucs(64), EMOJI]);
  });

  it('keeps a lone surrogate (malformed input) as one code unit', () => {
    expect(analyseSms('a\uD83D')).toMatchObject({ encoding: 'ucs2', characters: 2 });
  });
});

describe('analyseSms: transliteration', () => {
  const smart = 'It’s “great” – really…\u00a0• ok';

  it('sends smart punctuation as UCS-2 when not asked to transliterate', () => {
    expect(analyseSms(smart)).toMatchObject({
      encoding: 'ucs2',
      body: smart,
      transliterated: [],
      nonGsmCharacters: ['’', '“', '”', '–', '…', '\u00a0', '•'],
    });
  });

  it('replaces it with GSM look-alikes when asked, listing each distinct replacement once', () => {
    const analysis = analyseSms(smart + ' ‘it’s’ „x‟ — ‚y‛', { transliterate: true });
    expect(analysis).toMatchObject({
      encoding: 'gsm7',
      body: "It's \"great\" - really... - ok 'it's' \"x\" - 'y'",
      nonGsmCharacters: [],
    });
    expect(analysis.transliterated).toEqual([
      { from: '’', to: "'" },
      { from: '“', to: '"' },
      { from: '”', to: '"' },
      { from: '–', to: '-' },
      { from: '…', to: '...' },
      { from: '\u00a0', to: ' ' },
      { from: '•', to: '-' },
      { from: '‘', to: "'" },
      { from: '„', to: '"' },
      { from: '‟', to: '"' },
      { from: '—', to: '-' },
      { from: '‚', to: "'" },
      { from: '‛', to: "'" },
    ]);
  });

  it('counts the transliterated body (an ellipsis is three septets)', () => {
    expect(analyseSms(gsm(157) + '…', { transliterate: true })).toMatchObject({
      encoding: 'gsm7',
      characters: 160,
      segments: 1,
    });
    expect(analyseSms(gsm(158) + '…', { transliterate: true })).toMatchObject({
      characters: 161,
      segments: 2,
    });
  });

  it('leaves the text alone when something else forces UCS-2 anyway', () => {
    const body = 'It’s “great” 😀';
    expect(analyseSms(body, { transliterate: true })).toMatchObject({
      encoding: 'ucs2',
      body,
      transliterated: [],
      nonGsmCharacters: ['’', '“', '”', EMOJI],
    });
  });

  it('keeps UCS-2 when the GSM-7 version would cost more parts', () => {
    const body = '…'.repeat(60);
    expect(analyseSms(body, { transliterate: true })).toMatchObject({ encoding: 'ucs2', body, segments: 1 });
    expect(analyseSms('…'.repeat(50), { transliterate: true })).toMatchObject({
      encoding: 'gsm7',
      characters: 150,
      segments: 1,
    });
  });

  it('does not touch a body that is already GSM-7', () => {
    expect(analyseSms("It's fine", { transliterate: true })).toMatchObject({
      encoding: 'gsm7',
      body: "It's fine",
      transliterated: [],
    });
  });
});

describe('analyseSms: maxSegments', () => {
  it('allows a body within the limit', () => {
    expect(analyseSms(gsm(306), { maxSegments: 2 }).segments).toBe(2);
    expect(analyseSms(gsm(160), { maxSegments: 1 }).segments).toBe(1);
  });

  it('throws MessageTooLongError beyond it, with segments, limit and the analysis', () => {
    let caught: unknown;
    try {
      analyseSms(gsm(307), { maxSegments: 2 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MessageTooLongError);
    expect(caught).toMatchObject({
      code: 'SMS_TOO_LONG',
      name: 'MessageTooLongError',
      segments: 3,
      limit: 2,
      analysis: { encoding: 'gsm7', characters: 307 },
      message: 'SMS needs 3 segments (307 GSM-7 septets), more than the limit of 2',
    });
  });

  it('applies the limit after encoding is chosen: one emoji turns 1 segment into 3', () => {
    expect(() => analyseSms(gsm(150) + EMOJI, { maxSegments: 2 })).toThrow(
      /3 segments \(152 UCS-2 code units\)/,
    );
    expect(analyseSms(gsm(150) + '’', { maxSegments: 1, transliterate: true }).segments).toBe(1);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects maxSegments %s', (maxSegments) => {
    expect(() => analyseSms('hi', { maxSegments })).toThrow(RangeError);
  });
});
