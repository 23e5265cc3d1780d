import { describe, expect, it } from 'vitest';
import type { InboundSmsIntent, InboundSmsKeyword } from '../../src/sms';
import {
  classifyInboundKeyword,
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
    "please don't stop",
    'stop texting me',
    'STOP STOP',
    'stop please',
    'I want to stop',
    'stopp',
    'stops',
    'S.T.O.P',
    's t o p',
    'st op',
    'non-stop',
    'help me',
    'information',
    'YES',
    'y',
    'ok',
    'start over',
    'opt in',
    'out',
    'un stop',
    'sto',
    '',
    '   ',
    '!!!',
    '😀',
    'who is this?',
  ])('%j -> other', (text) => {
    expect(classifyInboundKeyword(text)).toBe('other');
    expect(matchInboundKeyword(text)).toBeUndefined();
  });
});
