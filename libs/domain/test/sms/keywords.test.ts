import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InboundSmsIntent, InboundSmsKeyword, RevocationPhrase } from '../../src/sms';
import {
  classifyInboundKeyword,
  findRevocation,
  RevocationPhrases,
  HelpKeywords,
  matchInboundKeyword,
  OptInKeywords,
  OptOutKeywords,
} from '../../src/sms';

describe('classifyInboundKeyword and matchInboundKeyword', () => {
  it.each([
    ...OptOutKeywords.map((k) => [k, 'opt_out'] as const),
    ...HelpKeywords.map((k) => [k, 'help'] as const),
    ...OptInKeywords.map((k) => [k, 'opt_in'] as const),
  ])('%j -> %s', (keyword, intent) => {
    expect(classifyInboundKeyword(keyword)).toBe(intent);
    expect(matchInboundKeyword(keyword)).toBe(keyword);
    expect(classifyInboundKeyword(keyword.toLowerCase())).toBe(intent);
  });

  it.each<[string, InboundSmsIntent, InboundSmsKeyword]>([
    ['STOP', 'opt_out', 'STOP'],
    ['stop', 'opt_out', 'STOP'],
    ['Stop', 'opt_out', 'STOP'],
    ['sToP', 'opt_out', 'STOP'],
    ['  Stop! ', 'opt_out', 'STOP'],
    ['stop.', 'opt_out', 'STOP'],
    ['STOP!!!', 'opt_out', 'STOP'],
    ['"stop"', 'opt_out', 'STOP'],
    ['(stop)', 'opt_out', 'STOP'],
    ['...STOP...', 'opt_out', 'STOP'],
    ['stop 🛑', 'opt_out', 'STOP'],
    ['Stop ❤️', 'opt_out', 'STOP'],
    ['\tstop\r\n', 'opt_out', 'STOP'],
    ['\u00a0STOP\u3000', 'opt_out', 'STOP'],
    ['\u2003stop\u2029', 'opt_out', 'STOP'],
    ['\u200bSTOP\ufeff', 'opt_out', 'STOP'],
    ['ＳＴＯＰ', 'opt_out', 'STOP'],
    ['StopAll', 'opt_out', 'STOPALL'],
    ['stop all', 'opt_out', 'STOP ALL'],
    ['Unsubscribe.', 'opt_out', 'UNSUBSCRIBE'],
    ['cancel', 'opt_out', 'CANCEL'],
    ['End', 'opt_out', 'END'],
    ['quit!', 'opt_out', 'QUIT'],
    ['revoke', 'opt_out', 'REVOKE'],
    ['optout', 'opt_out', 'OPTOUT'],
    ['Opt Out', 'opt_out', 'OPT OUT'],
    ['opt   out', 'opt_out', 'OPT OUT'],
    ['opt\u00a0out', 'opt_out', 'OPT OUT'],
    ['opt\nout', 'opt_out', 'OPT OUT'],
    ['opt-out', 'opt_out', 'OPT-OUT'],
    ['opt\u200bout', 'opt_out', 'OPTOUT'],
    ['HELP', 'help', 'HELP'],
    ['help?', 'help', 'HELP'],
    [' Info ', 'help', 'INFO'],
    ['START', 'opt_in', 'START'],
    ['start.', 'opt_in', 'START'],
    ['Unstop', 'opt_in', 'UNSTOP'],
  ])('%j -> %s', (text, intent, keyword) => {
    expect(classifyInboundKeyword(text)).toBe(intent);
    expect(matchInboundKeyword(text)).toBe(keyword);
  });

  it.each([
    'stopp',
    'stops',
    'S.T.O.P',
    's t o p',
    'st op',
    'non-stop',
    'help me',
    'can you help me with my bill?',
    'information',
    'need info',
    'YES',
    'y',
    'ok',
    'start over',
    'please start',
    'opt in',
    'out',
    'sto',
    '',
    '   ',
    '!!!',
    '😀',
    'who is this?',
    'see you this weekend',
    'the backend is down',
    'my stopwatch broke',
    'unstoppable',
    'endless',
    'Friends',
    'the quitter',
    'cancellation policy?',
    'I stopped by yesterday',
  ])('%j -> other (whole words only; HELP and START only as the whole message)', (text) => {
    expect(classifyInboundKeyword(text)).toBe('other');
    expect(matchInboundKeyword(text)).toBeUndefined();
    expect(findRevocation(text)).toBeUndefined();
  });

  it.each<[string, RevocationPhrase]>([
    ['Please stop texting me', 'STOP'],
    ['stop texting me', 'STOP'],
    ['Stop calling!', 'STOP'],
    ["please don't stop", 'STOP'],
    ['STOP STOP', 'STOP'],
    ['stop please', 'STOP'],
    ['I want to stop', 'STOP'],
    ['un stop', 'STOP'],
    ['unsubscribe me', 'UNSUBSCRIBE'],
    ['I want to opt out', 'OPT OUT'],
    ['I want to opt-out now', 'OPT-OUT'],
    ['opt–out please', 'OPT-OUT'],
    ['Please cancel, thanks', 'CANCEL'],
    ['END.', 'END'],
    ['this has to end', 'END'],
    ['I QUIT these messages', 'QUIT'],
    ['I revoke my consent', 'REVOKE'],
    ['stop all messages', 'STOP'],
    ['stopall!!', 'STOPALL'],
    ['remove me from your list', 'REMOVE ME'],
    ['Please take me off your list', 'TAKE ME OFF'],
    ['do not text this number', 'DO NOT TEXT'],
    ['Don’t call me again', "DON'T CALL"],
    ['dont text me', 'DONT TEXT'],
    ['leave me alone', 'LEAVE ME ALONE'],
    ['help me stop these texts', 'STOP'],
    ['HELP STOP', 'STOP'],
    ['STOP START', 'STOP'],
    ['start stop', 'STOP'],
    ['wrong number, stop', 'STOP'],
    ['ＳＴＯＰ ｔｅｘｔｉｎｇ', 'STOP'],
    ['st\u200bop texting', 'STOP'],
    ['STOP\nthanks', 'STOP'],
  ])('%j -> opt_out (the sentence contains %s)', (text, phrase) => {
    expect(classifyInboundKeyword(text)).toBe('opt_out');
    expect(findRevocation(text)).toBe(phrase);
  });
});

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
/** Everyday words none of which is, or makes with its neighbours, a revocation phrase or keyword. */
const FILLER = [
  'please', 'I', 'want', 'you', 'to', 'texting', 'calling', 'me', 'now', 'thanks', 'this', 'number',
  'is', 'wrong', 'ok', 'the', 'weekend', 'backend', 'stopwatch', 'friend', 'info?', 'help?', 'start?',
]; // prettier-ignore
const SEPARATORS = [' ', '  ', ', ', '. ', '! ', '\n', ' - ', ' 🛑 ', '\t'];

const sentence = (phrase: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...FILLER), { maxLength: 6 }),
      phrase,
      fc.array(fc.constantFrom(...FILLER), { maxLength: 6 }),
      fc.constantFrom(...SEPARATORS),
      fc.constantFrom<(s: string) => string>(
        (s) => s,
        (s) => s.toUpperCase(),
        (s) => s.toLowerCase(),
        (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
      ),
    )
    .map(([before, p, after, sep, casing]) => casing([...before, p, ...after].join(sep)));

describe('classifyInboundKeyword (properties)', () => {
  it('a revocation phrase anywhere in a sentence, in any case, is an opt-out', () => {
    fc.assert(
      fc.property(sentence(fc.constantFrom(...RevocationPhrases)), (text) => {
        expect(classifyInboundKeyword(text)).toBe('opt_out');
      }),
      { numRuns: 500 },
    );
  });

  it('an opt-out wins over START and HELP in the same message', () => {
    fc.assert(
      fc.property(
        sentence(fc.constantFrom(...OptOutKeywords)),
        fc.constantFrom(...OptInKeywords, ...HelpKeywords),
        fc.boolean(),
        (text, other, first) => {
          const both = first ? `${other} ${text}` : `${text} ${other}`;
          expect(classifyInboundKeyword(both)).toBe('opt_out');
        },
      ),
    );
  });

  it('a keyword inside a longer word is not that keyword (whole words only)', () => {
    const stuck = fc
      .tuple(
        fc.array(fc.constantFrom(...LETTERS), { maxLength: 4 }).map((l) => l.join('')),
        fc.constantFrom('stop', 'end', 'quit', 'cancel', 'revoke', 'unsubscribe'),
        fc.array(fc.constantFrom(...LETTERS), { maxLength: 4 }).map((l) => l.join('')),
      )
      .filter(([pre, , post]) => pre.length + post.length > 0)
      .map(([pre, keyword, post]) => `${pre}${keyword}${post}`)
      .filter((word) => !(RevocationPhrases as readonly string[]).includes(word.toUpperCase()));
    fc.assert(
      fc.property(stuck, fc.array(fc.constantFrom(...FILLER), { maxLength: 4 }), (word, filler) => {
        expect(classifyInboundKeyword([...filler, word].join(' '))).not.toBe('opt_out');
      }),
      { numRuns: 500 },
    );
  });

  it('is total and case-blind on ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const intent = classifyInboundKeyword(text);
        expect(['opt_out', 'help', 'opt_in', 'other']).toContain(intent);
        if (/^[\x20-\x7e]*$/.test(text)) {
          expect(classifyInboundKeyword(text.toUpperCase())).toBe(intent);
          expect(classifyInboundKeyword(text.toLowerCase())).toBe(intent);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('HELP and START count only as the whole message', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HelpKeywords, ...OptInKeywords),
        fc.array(fc.constantFrom('please', 'me', 'over', 'now', 'thanks'), { minLength: 1, maxLength: 4 }),
        (keyword, words) => {
          expect(classifyInboundKeyword([keyword, ...words].join(' '))).toBe('other');
        },
      ),
    );
  });
});
