import { describe, expect, it } from 'vitest';
import {
  GSM7_BASIC_ALPHABET,
  GSM7_EXTENSION_CHARACTERS,
  gsm7Septets,
  SMS_TRANSLITERATIONS,
  transliterationOf,
} from '../../src/sms';

describe('GSM 03.38 tables', () => {
  it('has 128 septets in the basic table, with ESC at 0x1B', () => {
    expect([...GSM7_BASIC_ALPHABET]).toHaveLength(128);
    expect(GSM7_BASIC_ALPHABET.length).toBe(128);
    expect(GSM7_BASIC_ALPHABET.charAt(0x1b)).toBe('\u001b');
  });

  it.each([
    [0x00, '@'],
    [0x01, '£'],
    [0x02, '$'],
    [0x03, '¥'],
    [0x09, 'Ç'],
    [0x0a, '\n'],
    [0x0d, '\r'],
    [0x10, 'Δ'],
    [0x11, '_'],
    [0x1a, 'Ξ'],
    [0x1f, 'É'],
    [0x20, ' '],
    [0x24, '¤'],
    [0x40, '¡'],
    [0x5b, 'Ä'],
    [0x5f, '§'],
    [0x60, '¿'],
    [0x7b, 'ä'],
    [0x7f, 'à'],
  ])('septet 0x%s is %j', (septet, char) => {
    expect(GSM7_BASIC_ALPHABET.charAt(septet)).toBe(char);
  });

  it('has the ten extension characters', () => {
    expect([...GSM7_EXTENSION_CHARACTERS].sort()).toEqual(
      ['\f', '[', '\\', ']', '^', '{', '|', '}', '~', '€'].sort(),
    );
  });

  it('costs 1 septet for printable ASCII, 2 for the extension ones, and none for the backtick', () => {
    for (let code = 0x20; code <= 0x7e; code++) {
      const char = String.fromCharCode(code);
      const expected = char === '`' ? undefined : '[\\]^{|}~'.includes(char) ? 2 : 1;
      expect(gsm7Septets(char), JSON.stringify(char)).toBe(expected);
    }
  });

  it.each([
    ['€', 2],
    ['\f', 2],
    ['Ω', 1],
    ['ω', undefined],
    ['ç', undefined],
    ['á', undefined],
    ['\t', undefined],
    ['\u001b', undefined],
    ['😀', undefined],
    ['’', undefined],
    ['', undefined],
  ])('%j costs %s', (char, septets) => {
    expect(gsm7Septets(char)).toBe(septets);
  });
});

describe('transliteration table', () => {
  it('maps only single non-GSM code points to GSM-7 text, each once', () => {
    const froms = SMS_TRANSLITERATIONS.map((r) => r.from);
    expect(new Set(froms).size).toBe(froms.length);
    for (const { from, to } of SMS_TRANSLITERATIONS) {
      expect([...from], JSON.stringify(from)).toHaveLength(1);
      expect(gsm7Septets(from), JSON.stringify(from)).toBeUndefined();
      for (const char of to) expect(gsm7Septets(char), JSON.stringify(to)).toBe(1);
    }
  });

  it.each([
    ['‘', "'"],
    ['’', "'"],
    ['‚', "'"],
    ['‛', "'"],
    ['“', '"'],
    ['”', '"'],
    ['„', '"'],
    ['–', '-'],
    ['—', '-'],
    ['…', '...'],
    ['\u00a0', ' '],
    ['•', '-'],
    ['\u200b', ''],
  ])('%j -> %j', (from, to) => {
    expect(transliterationOf(from)).toBe(to);
  });

  it('leaves letters and chosen symbols alone', () => {
    for (const char of ['á', 'ç', 'ê', 'ω', '©', '™', '😀']) expect(transliterationOf(char)).toBeUndefined();
  });
});
