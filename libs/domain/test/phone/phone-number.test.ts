import { describe, expect, it } from 'vitest';
import type { PhoneNumberProblem } from '../../src/phone';
import { InvalidPhoneNumberError, parsePhoneNumber, toE164OrThrow } from '../../src/phone';

describe('parsePhoneNumber: accepted formats', () => {
  it.each([
    ['(415) 555-2671', '+14155552671', 'US', '415'],
    ['415.555.2671', '+14155552671', 'US', '415'],
    ['415-555-2671', '+14155552671', 'US', '415'],
    ['415/555/2671', '+14155552671', 'US', '415'],
    ['+1 415 555 2671', '+14155552671', 'US', '415'],
    ['+1-415-555-2671', '+14155552671', 'US', '415'],
    ['+1 (415) 555-2671', '+14155552671', 'US', '415'],
    ['14155552671', '+14155552671', 'US', '415'],
    ['1 (415) 555-2671', '+14155552671', 'US', '415'],
    ['4155552671', '+14155552671', 'US', '415'],
    ['+14158675309', '+14158675309', 'US', '415'],
    ['  (212) 736-5000  ', '+12127365000', 'US', '212'],
    ['+1 905 555 1234', '+19055551234', 'CA', '905'],
    ['+1 (800) 555-1212', '+18005551212', 'US', '800'],
    ['+44 20 7946 0958', '+442079460958', 'GB', undefined],
    ['011 44 20 7946 0958', '+442079460958', 'GB', undefined],
    ['+33 1 42 68 53 00', '+33142685300', 'FR', undefined],
    ['+49 30 901820', '+4930901820', 'DE', undefined],
    ['+61 2 9374 4000', '+61293744000', 'AU', undefined],
    ['＋1 415 867 5309', '+14158675309', 'US', '415'],
    ['+1 415–867–5309', '+14158675309', 'US', '415'],
  ])('%j -> %s', (input, e164, country, nanpAreaCode) => {
    const result = parsePhoneNumber(input);
    expect(result).toEqual({ ok: true, e164, country, ...(nanpAreaCode && { nanpAreaCode }) });
  });

  it('reads national numbers in the default country', () => {
    expect(parsePhoneNumber('020 7946 0958', 'GB')).toEqual({
      ok: true,
      e164: '+442079460958',
      country: 'GB',
    });
    expect(parsePhoneNumber('+1 415 867 5309', 'GB')).toMatchObject({ ok: true, e164: '+14158675309' });
  });

  it('has no country for non-geographic numbers', () => {
    expect(parsePhoneNumber('+800 1234 5678')).toEqual({ ok: true, e164: '+80012345678' });
  });
});

describe('parsePhoneNumber: rejected input, with reasons', () => {
  it.each<[string, PhoneNumberProblem, RegExp]>([
    ['', 'empty', /is empty/],
    ['   ', 'empty', /is empty/],
    ['1-800-FLOWERS', 'contains_letters', /contains letters/],
    ['415abc8675', 'contains_letters', /contains letters/],
    ['+1 415 867 5309 ext. 12', 'has_extension', /has an extension \("ext\. 12"\)/],
    ['(415) 867-5309 x12', 'has_extension', /has an extension \("x12"\)/],
    ['415#867#5309', 'invalid_characters', /contains "#"/],
    ['415*867*5309', 'invalid_characters', /contains "\*"/],
    ['415+867 5309', 'misplaced_plus', /"\+" that is not at the start/],
    ['++1 415 867 5309', 'misplaced_plus', /"\+" that is not at the start/],
    ['()-', 'no_digits', /no digits/],
    ['12', 'too_short', /too short \(2 digits after the country code \+1\)/],
    ['867-5309', 'too_short', /too short \(7 digits after the country code \+1\)/],
    ['+1', 'too_short', /too short/],
    ['+44 20 7946', 'too_short', /too short \(6 digits after the country code \+44\)/],
    ['+1 415 867 53091', 'too_long', /too long \(11 digits after the country code \+1\)/],
    ['415867530912345678', 'too_long', /too long/],
    ['+999 123 4567', 'invalid_country_code', /valid country calling code/],
    ['+0 123', 'invalid_country_code', /valid country calling code/],
    ['+1 123 456 7890', 'invalid_for_region', /area code 123 does not exist/],
    ['+1 415 123 4567', 'invalid_for_region', /exchange 123 .* does not exist/],
    ['+1 555 555 5555', 'invalid_for_region', /area code 555 is not an assigned area code/],
    ['+1 311 555 1234', 'invalid_for_region', /area code 311 is not an assigned area code/],
    ['+44 99 1234 5678', 'invalid_for_region', /not a valid number for any region with country code \+44/],
  ])('%j -> %s', (input, problem, reason) => {
    const result = parsePhoneNumber(input);
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('names an unknown default country', () => {
    // A bad default can only come from untyped input (config, a request body).
    const result = parsePhoneNumber('020 7946 0958', 'XX' as never);
    expect(result).toMatchObject({ ok: false, problem: 'invalid_default_country' });
  });

  it('says every reason as a sentence starting with what is wrong', () => {
    for (const input of ['', 'abc', '12', '+999 1', '+1 123 456 7890']) {
      const result = parsePhoneNumber(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^(phone number|area code|exchange|default country) /);
    }
  });
});

describe('toE164OrThrow', () => {
  it('returns E.164', () => {
    expect(toE164OrThrow('(415) 867-5309')).toBe('+14158675309');
    expect(toE164OrThrow('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('throws InvalidPhoneNumberError with the input, the reason and a stable code', () => {
    let caught: unknown;
    try {
      toE164OrThrow('1-800-FLOWERS');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidPhoneNumberError);
    expect(caught).toMatchObject({
      name: 'InvalidPhoneNumberError',
      code: 'INVALID_PHONE_NUMBER',
      input: '1-800-FLOWERS',
      problem: 'contains_letters',
      reason: expect.stringMatching(/contains letters/),
      message: expect.stringMatching(/^invalid phone number "1-800-FLOWERS": phone number contains letters/),
    });
  });
});
