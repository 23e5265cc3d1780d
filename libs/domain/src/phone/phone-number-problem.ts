/** Why a phone number was rejected, as a stable code (the human sentence is `reason`). */
export const PhoneNumberProblems = [
  'empty',
  'contains_letters',
  'has_extension',
  'invalid_characters',
  'misplaced_plus',
  'no_digits',
  'too_short',
  'too_long',
  'invalid_length',
  'invalid_country_code',
  'invalid_default_country',
  'invalid_for_region',
  'not_a_number',
] as const;

/** One rejection reason code; see {@link PhoneNumberProblems}. */
export type PhoneNumberProblem = (typeof PhoneNumberProblems)[number];
