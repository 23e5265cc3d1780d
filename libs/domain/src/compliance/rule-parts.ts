import type { CallingChannel, ClockWindow } from '../calling-window/window-config';

/*
 * Building blocks shared by the rule tables, so that each row reads like the statute it encodes.
 */

/** A local window `start`-`end` (`HH:mm`, end exclusive). */
export function hours(start: string, end: string): ClockWindow {
  return Object.freeze({ start, end });
}

/** The most common state window, 08:00-20:00. */
export const EIGHT_TO_EIGHT = hours('08:00', '20:00');

/** 09:00-21:00, common in automated-dialer statutes. */
export const NINE_TO_NINE = hours('09:00', '21:00');

/**
 * Voice and SMS. Most telephone-solicitation statutes define a "call" broadly or were extended to
 * texts; where a row's note says the reach to texts is unsettled, both are listed all the same:
 * a wrong narrowing costs a message, a wrong widening a lawsuit.
 */
export const VOICE_AND_SMS: readonly CallingChannel[] = Object.freeze(['voice', 'sms']);

/**
 * The effective date of a row whose date could not be confirmed: set early, so that the rule is
 * never skipped for an attempt made while it was (probably) already in force.
 */
export const LONG_IN_FORCE = '1990-01-01';

/** Note suffix for rows using {@link LONG_IN_FORCE}. */
export const DATE_UNCONFIRMED = 'Effective date not confirmed: set early so that the rule is never skipped.';
