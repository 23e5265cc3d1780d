import type { PhoneNumberProblem } from './phone-number-problem';

/** A phone number that cannot be turned into E.164; `reason` says why in plain words. */
export class InvalidPhoneNumberError extends Error {
  readonly code = 'INVALID_PHONE_NUMBER';
  constructor(
    /** The text as it was given. */
    readonly input: string,
    /** A sentence naming what is wrong, fit to show to the user. */
    readonly reason: string,
    /** The kind of problem, for callers that branch or count. */
    readonly problem: PhoneNumberProblem,
  ) {
    super(`invalid phone number ${JSON.stringify(input)}: ${reason}`);
    this.name = 'InvalidPhoneNumberError';
  }
}
