import { describe, expect, it } from 'vitest';
import { nanpAreaCode } from '../../src/phone';

describe('nanpAreaCode', () => {
  it.each([
    ['+14158675309', '415'],
    ['+12127365000', '212'],
    ['+19055551234', '905'],
    ['+18005551212', '800'],
  ])('%s -> %s', (e164, areaCode) => {
    expect(nanpAreaCode(e164)).toBe(areaCode);
  });

  it.each([
    ['+442079460958', 'not +1'],
    ['4158675309', 'not E.164'],
    ['+1415867530', 'too short'],
    ['+141586753091', 'too long'],
    ['+11234567890', 'area code starts with 1'],
    ['+14151234567', 'exchange starts with 1'],
    ['+1 415 867 5309', 'formatted'],
    ['', 'empty'],
  ])('%s -> undefined (%s)', (e164) => {
    expect(nanpAreaCode(e164)).toBeUndefined();
  });
});
