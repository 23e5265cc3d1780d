import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import {
  isSupportedCountry,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { InvalidPhoneNumberError } from './invalid-phone-number-error';
import { nanpAreaCode } from './nanp';
import type { PhoneNumberProblem } from './phone-number-problem';

export type { CountryCode } from 'libphonenumber-js/max';

/** A number that parsed and is valid for its region. */
export interface ParsedPhoneNumber {
  readonly ok: true;
  /** The number in E.164, e.g. `+14158675309`: the only form the engine stores or dials. */
  readonly e164: string;
  /** ISO 3166-1 alpha-2 region, e.g. `'US'`, `'CA'`, `'GB'`; absent for non-geographic numbers. */
  readonly country?: string;
  /** Area code of a +1 number, e.g. `'415'`; absent outside the NANP. */
  readonly nanpAreaCode?: string;
}

/** A number that was rejected, with a sentence for the user and a code for the program. */
export interface RejectedPhoneNumber {
  readonly ok: false;
  /** What is wrong, in words a user can act on, e.g. "phone number contains letters". */
  readonly reason: string;
  readonly problem: PhoneNumberProblem;
}

/** Result of {@link parsePhoneNumber}. */
export type PhoneNumberParseResult = ParsedPhoneNumber | RejectedPhoneNumber;

/** A trailing extension: "ext. 12", "extension 12", "x12". */
const EXTENSION = /(?:\bext\.?|\bextension|\bx)\s*\p{Nd}+$/iu;
const LETTER = /\p{L}/u;
/** Digits in any script, whitespace, plus signs, brackets and the usual separators and dashes. */
const ALLOWED_CHAR = /[\p{Nd}\s+\uFF0B()\-./\u2010-\u2015\u2212]/u;
const PLUS = /[+\uFF0B]/u;
const DIGIT = /\p{Nd}/u;

const reject = (problem: PhoneNumberProblem, reason: string): RejectedPhoneNumber => ({
  ok: false,
  problem,
  reason,
});

const digits = (n: number): string => `${n} digit${n === 1 ? '' : 's'}`;

/**
 * Checks the characters before the library sees them: libphonenumber quietly drops text it does
 * not understand (it turns "1-800-FLOWERS" into +1 800 or keeps only the "x12" extension), and a
 * number we would dial must be exactly what the user wrote.
 */
function checkCharacters(text: string): RejectedPhoneNumber | undefined {
  if (text === '') return reject('empty', 'phone number is empty');
  const extension = EXTENSION.exec(text);
  if (extension) {
    return reject(
      'has_extension',
      `phone number has an extension ("${extension[0].trim()}"); give the number without it`,
    );
  }
  if (LETTER.test(text)) {
    return reject(
      'contains_letters',
      'phone number contains letters; use digits only (vanity numbers such as 1-800-FLOWERS are not accepted)',
    );
  }
  const stray = [...text].find((ch) => !ALLOWED_CHAR.test(ch));
  if (stray !== undefined) {
    return reject(
      'invalid_characters',
      `phone number contains "${stray}", which is not part of a phone number; use digits, spaces and + ( ) - . /`,
    );
  }
  if ([...text].slice(1).some((ch) => PLUS.test(ch))) {
    return reject('misplaced_plus', 'phone number has a "+" that is not at the start');
  }
  if (!DIGIT.test(text)) return reject('no_digits', 'phone number contains no digits');
  return undefined;
}

/** Maps the library's parse failures to sentences. */
function fromParseError(message: string, text: string, defaultCountry: CountryCode): RejectedPhoneNumber {
  switch (message) {
    case 'INVALID_COUNTRY':
      if (PLUS.test(text.charAt(0))) {
        return reject(
          'invalid_country_code',
          'phone number does not start with a valid country calling code after the "+"',
        );
      }
      if (!isSupportedCountry(defaultCountry)) {
        return reject('invalid_default_country', `default country "${defaultCountry}" is not a known region`);
      }
      return reject(
        'invalid_country_code',
        `phone number has no country calling code and is not a number from ${defaultCountry}; start it with "+" and the country code`,
      );
    case 'TOO_SHORT':
      return reject('too_short', 'phone number is too short');
    case 'TOO_LONG':
      return reject('too_long', 'phone number is too long');
    case 'INVALID_LENGTH':
      return reject('invalid_length', 'phone number has a length that no number in its region has');
    default:
      return reject('not_a_number', 'phone number is not recognisable as a phone number');
  }
}

/** Length problems that parse does not report (it accepts "12" as a national number). */
function checkLength(
  text: string,
  phone: PhoneNumber,
  defaultCountry: CountryCode,
): RejectedPhoneNumber | undefined {
  const problem = validatePhoneNumberLength(text, { defaultCountry });
  const where = `${digits(phone.nationalNumber.length)} after the country code +${phone.countryCallingCode}`;
  switch (problem) {
    case undefined:
      return undefined;
    case 'TOO_SHORT':
      return reject('too_short', `phone number is too short (${where})`);
    case 'TOO_LONG':
      return reject('too_long', `phone number is too long (${where})`);
    case 'INVALID_LENGTH':
      return reject('invalid_length', `phone number has a length no number in its region has (${where})`);
    default:
      return fromParseError(problem, text, defaultCountry);
  }
}

/** Why a number of plausible length is still not valid, as precisely as the digits allow. */
function invalidForRegion(phone: PhoneNumber): RejectedPhoneNumber {
  const national = phone.nationalNumber;
  if (phone.countryCallingCode === '1' && national.length === 10) {
    const areaCode = national.slice(0, 3);
    const exchange = national.slice(3, 6);
    if (/^[01]/.test(areaCode)) {
      return reject(
        'invalid_for_region',
        `area code ${areaCode} does not exist: North American area codes never start with 0 or 1`,
      );
    }
    if (/^[01]/.test(exchange)) {
      return reject(
        'invalid_for_region',
        `exchange ${exchange} (the 3 digits after the area code) does not exist: North American exchanges never start with 0 or 1`,
      );
    }
    if (phone.country === undefined) {
      return reject(
        'invalid_for_region',
        `area code ${areaCode} is not an assigned area code in any North American region`,
      );
    }
  }
  return reject(
    'invalid_for_region',
    phone.country === undefined
      ? `phone number is not a valid number for any region with country code +${phone.countryCallingCode}`
      : `phone number is not a valid number for its region (${phone.country}, +${phone.countryCallingCode})`,
  );
}

/**
 * Parses a phone number as a user typed it and returns it in E.164, or a sentence naming what is
 * wrong (empty, contains letters, has an extension, too short, too long, unknown country code,
 * not a valid number for its region, ...).
 *
 * Accepts national and international formats: "(415) 867-5309", "415.867.5309",
 * "+1 415 867 5309", "14158675309", "+44 20 7946 0958", and international dialing prefixes of
 * the default country ("011 44 ..." from the US). Numbers without a country code are read as
 * numbers of `defaultCountry`.
 *
 * Validation uses libphonenumber's full ("max") metadata, so a number must match the numbering
 * plan of its region, not only have the right length. That metadata is plain data (no Node
 * built-ins, about 150 kB), which keeps this function usable in Temporal workflow code.
 */
export function parsePhoneNumber(input: string, defaultCountry: CountryCode = 'US'): PhoneNumberParseResult {
  const text = input.trim();
  const badCharacters = checkCharacters(text);
  if (badCharacters) return badCharacters;

  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(text, { defaultCountry, extract: false });
  } catch (error) {
    if (error instanceof ParseError) return fromParseError(error.message, text, defaultCountry);
    throw error;
  }

  const badLength = checkLength(text, phone, defaultCountry);
  if (badLength) return badLength;
  if (!phone.isValid()) return invalidForRegion(phone);

  const e164 = phone.number;
  const areaCode = phone.countryCallingCode === '1' ? nanpAreaCode(e164) : undefined;
  return {
    ok: true,
    e164,
    ...(phone.country !== undefined && { country: phone.country }),
    ...(areaCode !== undefined && { nanpAreaCode: areaCode }),
  };
}

/**
 * Like {@link parsePhoneNumber}, for callers that cannot go on without a valid number.
 *
 * @throws InvalidPhoneNumberError carrying the input, the reason sentence and the problem code.
 */
export function toE164OrThrow(input: string, defaultCountry: CountryCode = 'US'): string {
  const result = parsePhoneNumber(input, defaultCountry);
  if (!result.ok) throw new InvalidPhoneNumberError(input, result.reason, result.problem);
  return result.e164;
}
