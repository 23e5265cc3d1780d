import type { JurisdictionRule } from './jurisdiction-rule';
import {
  DATE_UNCONFIRMED,
  EIGHT_TO_EIGHT,
  LONG_IN_FORCE,
  NINE_TO_NINE,
  VOICE_AND_SMS,
  hours,
} from './rule-parts';

/*
 * US state rules that ban days (Sundays, holidays, weekends) besides narrowing hours. Split from
 * us-state-rules.ts to keep each table short enough to review.
 */

/** Rows with Sunday or holiday bans (and, for some, narrower hours). */
export const US_DAY_RULES: readonly JurisdictionRule[] = [
  {
    id: 'US-LA.do-not-call-program',
    regions: ['US-LA'],
    channels: VOICE_AND_SMS,
    weekdays: EIGHT_TO_EIGHT,
    sunday: null,
    noContactOnHolidays: true,
    citation: 'La. R.S. 45:844.11 et seq.; LPSC General Order R-29617',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note:
      'Hours and bans from two vendor tables. The PSC also bans solicitation during declared states ' +
      `of emergency, which this table cannot express. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-AL.telephone-solicitation',
    regions: ['US-AL'],
    channels: VOICE_AND_SMS,
    weekdays: EIGHT_TO_EIGHT,
    sunday: null,
    noContactOnHolidays: true,
    citation: 'Ala. Code § 8-19C-1 et seq.; Alabama PSC do-not-call rules',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note: `Hours and bans from three vendor tables; the rule's section was not found. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-MS.telephone-solicitation-act',
    regions: ['US-MS'],
    channels: VOICE_AND_SMS,
    weekdays: EIGHT_TO_EIGHT,
    sunday: null,
    citation: 'Miss. Code Ann. § 77-3-723(1)',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note:
      'Text read: 8:00-20:00 "Central Standard Time", no Sundays. Read literally, summer hours would ' +
      'be 09:00-21:00 CDT; local 08:00-20:00 is applied. The holiday ban went with the PSC rules in ' +
      `2023. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-UT.telephone-solicitation',
    regions: ['US-UT'],
    channels: VOICE_AND_SMS,
    weekdays: hours('08:00', '21:00'),
    sunday: null,
    noContactOnHolidays: true,
    citation: 'Utah Code § 13-25a-103(3)',
    effective: LONG_IN_FORCE,
    certainty: 'verified',
    note: `Read from the code text (no solicitation without consent on Sundays or legal holidays). ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-RI.telephone-sales-solicitation',
    regions: ['US-RI'],
    channels: VOICE_AND_SMS,
    weekdays: hours('09:00', '18:00'),
    saturday: hours('10:00', '17:00'),
    sunday: null,
    noContactOnHolidays: true,
    citation: 'R.I. Gen. Laws §§ 5-61-2, 5-61-3.6',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note: `§ 5-61-3.6 refers to "hours of operation" in § 5-61-2, not read; hours from vendor tables. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-PA.legal-holidays',
    regions: ['US-PA'],
    channels: VOICE_AND_SMS,
    noContactOnHolidays: true,
    citation: '73 P.S. § 2245(a)(10)',
    effective: '2019-12-03',
    certainty: 'verified',
    note: 'Act 73 of 2019; two law-firm/library sources agree on the holiday ban and its date.',
  },
  {
    id: 'US-PA.sb-992',
    regions: ['US-PA'],
    channels: VOICE_AND_SMS,
    weekdays: hours('09:00', '19:00'),
    sunday: null,
    citation: '73 P.S. § 2245 as amended by S.B. 992 (2025-26)',
    effective: '2026-10-18',
    certainty: 'uncertain',
    note:
      'SB 992 passed the Senate with 09:00-19:00 and no Sundays (texts included); one source says ' +
      'Sundays are banned from 2026-10-18. Enacted text and hours not confirmed; applied in full.',
  },
  {
    id: 'US-NE.prerecorded-messages',
    regions: ['US-NE'],
    channels: VOICE_AND_SMS,
    sunday: hours('13:00', '21:00'),
    noContactOnHolidays: true,
    citation: 'Neb. Admin. Code tit. 291, ch. 11, § 3',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note:
      'Prerecorded messages on Sundays and holidays only 13:00-21:00 (one vendor note). Holidays ' +
      `cannot carry their own window here, so they are banned outright. ${DATE_UNCONFIRMED}`,
  },
];

/** Automated-dialer statutes with weekday-only windows. */
export const US_AUTOMATED_DIALING_RULES: readonly JurisdictionRule[] = [
  {
    id: 'US-ME.automated-calling-device',
    regions: ['US-ME'],
    channels: VOICE_AND_SMS,
    weekdays: hours('09:00', '17:00'),
    saturday: null,
    sunday: null,
    maxContactsPer24h: 3,
    citation: '10 M.R.S. § 1498(3)',
    effective: LONG_IN_FORCE,
    certainty: 'verified',
    note:
      'Automated calling devices: weekdays 09:00-17:00 and one call per number per 8 hours (3 per ' +
      `24 h here). Read from the bill text amending the section. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-SD.automated-dialing',
    regions: ['US-SD'],
    channels: VOICE_AND_SMS,
    weekdays: NINE_TO_NINE,
    saturday: null,
    sunday: null,
    citation: 'S.D. Codified Laws § 37-30-28',
    effective: '1991-07-01',
    certainty: 'verified',
    note: 'Automated telephone dialing systems: weekdays 09:00-21:00 only. Read from the code text.',
  },
];
