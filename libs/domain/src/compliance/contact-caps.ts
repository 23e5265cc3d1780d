/**
 * How often one number may be contacted (calls and texts together, across every campaign of a
 * customer): at most `per24h` contacts in any rolling 24 hours and `per7d` in any rolling 7 days.
 */
export interface ContactCaps {
  readonly per24h: number;
  readonly per7d: number;
}

/**
 * The caps when a customer sets none. 3 per 24 h is the strictest state cap on telephone
 * solicitation (Florida, Fla. Stat. § 501.616(6)(b); Oklahoma and Maryland follow the same
 * three-per-24-hours rule); 7 per 7 days follows the CFPB's Regulation F presumption
 * (12 CFR § 1006.14(b)(2): more than seven calls within seven days is presumed harassment).
 */
export const DefaultContactCaps: ContactCaps = Object.freeze({ per24h: 3, per7d: 7 });

/** The rolling windows the caps count over, in milliseconds. */
export const ContactCapWindowsMs = Object.freeze({ per24h: 24 * 3_600_000, per7d: 7 * 24 * 3_600_000 });

/** A customer's own caps as stored: null or absent means "the default". */
export interface CustomerContactCaps {
  readonly per24h?: number | null | undefined;
  readonly per7d?: number | null | undefined;
}

/**
 * The caps that bind a contact: the customer's (or the defaults), narrowed by the recipient
 * state's own 24-hour cap when it has one (`JurisdictionRule.maxContactsPer24h`). A cap never
 * widens another: the minimum applies. State statutes cap a day, so the state narrows only `per24h`.
 */
export function effectiveContactCaps(customer: CustomerContactCaps, stateCapPer24h?: number): ContactCaps {
  const per24h = Math.min(
    customer.per24h ?? DefaultContactCaps.per24h,
    stateCapPer24h ?? Number.POSITIVE_INFINITY,
  );
  const per7d = customer.per7d ?? DefaultContactCaps.per7d;
  return { per24h, per7d };
}
