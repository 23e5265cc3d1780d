import type { CallingChannel, ClockWindow } from '../calling-window/window-config';

/**
 * A region whose calling rules may be stricter than the federal ones: an ISO 3166-2 subdivision
 * code such as `'US-FL'`, `'US-DC'` or `'CA-ON'`, or a country code for territories that are their
 * own ISO country (`'PR'`, `'GU'`, `'VI'`). The same codes name holiday calendars (date-holidays
 * takes the country and the subdivision).
 */
export type RegionCode = string;

/**
 * One row of the calling-rules table: what a jurisdiction allows beyond (never wider than) the
 * federal windows. Every field narrows; a rule never widens what another allows.
 */
export interface JurisdictionRule {
  /** Stable id used in reports, e.g. `'US-FL.ftsa'`. */
  readonly id: string;
  /** Regions the rule binds (a national rule such as Canada's CRTC lists every province). */
  readonly regions: readonly RegionCode[];
  /** Channels it covers; a telephone-solicitation statute that reaches texts lists both. */
  readonly channels: readonly CallingChannel[];
  /** Allowed local hours Monday to Friday; absent: no narrowing on weekdays. */
  readonly weekdays?: ClockWindow | undefined;
  /** Allowed local hours on Saturday; `null`: no contact on Saturdays; absent: as `weekdays`. */
  readonly saturday?: ClockWindow | null | undefined;
  /** Allowed local hours on Sunday; `null`: no contact on Sundays; absent: as `weekdays`. */
  readonly sunday?: ClockWindow | null | undefined;
  /** No contact on the region's legal (public) holidays. */
  readonly noContactOnHolidays?: boolean | undefined;
  /** At most this many contacts per number per rolling 24 hours (the statute's own cap). */
  readonly maxContactsPer24h?: number | undefined;
  /** The statute or regulation, e.g. `'Fla. Stat. § 501.616(6)'`. */
  readonly citation: string;
  /** ISO date from which the rule applies; an attempt before it is judged without the rule. */
  readonly effective: string;
  /**
   * `'uncertain'` when the row could not be checked against the statute's text (hours or scope
   * from secondary sources); such rows are applied all the same: a wrong narrowing costs a call,
   * a wrong widening costs a lawsuit.
   */
  readonly certainty: 'verified' | 'uncertain';
  /** Why the row reads as it does, or what is uncertain about it. */
  readonly note?: string | undefined;
}
