/**
 * The FCC's Reassigned Numbers Database (RND, 47 CFR 64.1200(l)): a caller gives a telephone
 * number and a date (when the called party consented) and learns whether the number has been
 * permanently disconnected since, which means it may now belong to someone else who never
 * consented. An answer of "no" from the RND gives the caller a safe harbor for a call to a number
 * that turns out to be reassigned anyway; "yes" means the consent no longer covers the number.
 */

/**
 * The RND's answer for one number and date:
 * - `yes`: the number was permanently disconnected on or after the date: treat it as reassigned,
 *   do not contact it on that consent.
 * - `no`: not permanently disconnected since the date: the consent still covers the number.
 * - `no_data`: the RND cannot say (a date before its data begins, a provider that does not report
 *   the number). Neither a yes nor a safe harbor: the contact proceeds on the consent as given.
 */
export type ReassignedAnswer = 'yes' | 'no' | 'no_data';

/** One question: was `phone` (E.164) permanently disconnected since `consentedAt`? */
export interface ReassignedQuery {
  phone: string;
  consentedAt: Date;
}

/**
 * The port the campaign activities ask before contacting a prospect with a consent date. Batched,
 * as the RND's own bulk queries are. A failure (the database unreachable, a refused query) is
 * thrown, never answered as `no`: an activity retries it.
 */
export interface ReassignedNumbersDatabase {
  /**
   * The answer for each queried phone; every phone of `queries` has one. A phone asked twice in one
   * call is answered for its earliest date (a disconnection since a later date is one since the
   * earlier too, so the answer errs towards `yes`).
   */
  check(queries: readonly ReassignedQuery[]): Promise<Map<string, ReassignedAnswer>>;
}
