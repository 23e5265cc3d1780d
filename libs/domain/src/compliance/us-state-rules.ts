import type { JurisdictionRule } from './jurisdiction-rule';
import {
  DATE_UNCONFIRMED,
  EIGHT_TO_EIGHT,
  LONG_IN_FORCE,
  NINE_TO_NINE,
  VOICE_AND_SMS,
  hours,
} from './rule-parts';
import { US_AUTOMATED_DIALING_RULES, US_DAY_RULES } from './us-day-rules';

/*
 * US state rules stricter than the federal window (08:00-21:00 local, 47 C.F.R. § 64.1200(c)(1)).
 * Most statutes bind sales calls only; applying them to every campaign contact can only narrow.
 */

/** Rows of the "mini-TCPA" statutes: 08:00-20:00 and three contacts per 24 hours. */
const MINI_TCPA: readonly JurisdictionRule[] = [
  {
    id: 'US-FL.telemarketing-act',
    regions: ['US-FL'],
    channels: VOICE_AND_SMS,
    weekdays: EIGHT_TO_EIGHT,
    maxContactsPer24h: 3,
    citation: 'Fla. Stat. § 501.616(6)',
    effective: '2021-07-01',
    certainty: 'verified',
    note:
      'SB 1120 (2021) moved the end from 21:00 to 20:00 and capped calls at 3 per 24 h on the same ' +
      'subject; the cap is applied per number whatever the subject. The FTSA (§ 501.059) reaches texts.',
  },
  {
    id: 'US-OK.telephone-solicitation-act',
    regions: ['US-OK'],
    channels: VOICE_AND_SMS,
    weekdays: EIGHT_TO_EIGHT,
    maxContactsPer24h: 3,
    citation: 'Okla. Stat. tit. 15, § 775C.4',
    effective: '2022-11-01',
    certainty: 'verified',
    note: 'Telephone Solicitation Act of 2022 (HB 3168); its definitions name text messages.',
  },
  {
    id: 'US-MD.stop-the-spam-calls-act',
    regions: ['US-MD'],
    channels: VOICE_AND_SMS,
    weekdays: EIGHT_TO_EIGHT,
    maxContactsPer24h: 3,
    citation: 'Md. Code Ann., Com. Law § 14-4503',
    effective: '2024-01-01',
    certainty: 'verified',
    note: 'Stop the Spam Calls Act of 2023 (SB 90, ch. 413): the cap counts "calls or text messages".',
  },
];

/** Rows that narrow the hours only. */
const HOURS: readonly JurisdictionRule[] = [
  {
    id: 'US-WA.commercial-telephone-solicitation',
    regions: ['US-WA'],
    channels: VOICE_AND_SMS,
    weekdays: EIGHT_TO_EIGHT,
    citation: 'Wash. Rev. Code § 19.158.040(2)',
    effective: LONG_IN_FORCE,
    certainty: 'verified',
    note: `Read from the RCW text. Whether it reaches texts is unsettled. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-TX.telephone-solicitation',
    regions: ['US-TX'],
    channels: VOICE_AND_SMS,
    weekdays: NINE_TO_NINE,
    sunday: hours('12:00', '21:00'),
    citation: 'Tex. Bus. & Com. Code § 301.051',
    effective: '2009-04-01',
    certainty: 'uncertain',
    note: 'Secondary sources only (09:00 start; Sunday from noon); the section text was not read.',
  },
  {
    id: 'US-CT.telephonic-sales-calls',
    regions: ['US-CT'],
    channels: VOICE_AND_SMS,
    weekdays: hours('09:00', '20:00'),
    citation: 'Conn. Gen. Stat. § 42-288a',
    effective: '2023-10-01',
    certainty: 'uncertain',
    note: 'Public Act 23-98 added texts and the 09:00-20:00 window per two vendor tables; text unread.',
  },
  {
    id: 'US-MA.do-not-call-regulation',
    regions: ['US-MA'],
    channels: VOICE_AND_SMS,
    weekdays: EIGHT_TO_EIGHT,
    citation: '201 CMR 12.02(2); Mass. Gen. Laws ch. 159C',
    effective: '2003-01-01',
    certainty: 'verified',
    note: 'Read from the regulation text ("between the hours of 8:00 P.M. to 8:00 A.M.").',
  },
  {
    id: 'US-KY.telephone-solicitation',
    regions: ['US-KY'],
    channels: VOICE_AND_SMS,
    weekdays: hours('10:00', '21:00'),
    citation: 'Ky. Rev. Stat. § 367.46955(15)',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note: `10:00 start from three vendor tables; the subsection was not read. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-MN.automatic-dialing',
    regions: ['US-MN'],
    channels: VOICE_AND_SMS,
    weekdays: NINE_TO_NINE,
    citation: 'Minn. Stat. § 325E.27',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note: `Automated/prerecorded calls, per a vendor table; text unread. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-MI.home-solicitation-sales',
    regions: ['US-MI'],
    channels: VOICE_AND_SMS,
    weekdays: NINE_TO_NINE,
    citation: 'Mich. Comp. Laws § 445.111a et seq.',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note: `09:00-21:00 from vendor tables; section not confirmed. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-NM.telephone-solicitation',
    regions: ['US-NM'],
    channels: VOICE_AND_SMS,
    weekdays: NINE_TO_NINE,
    citation: 'N.M. Stat. Ann. § 57-12-22',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note: `09:00-21:00 from a vendor table; text unread. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-IL.automatic-telephone-dialers',
    regions: ['US-IL'],
    channels: VOICE_AND_SMS,
    weekdays: NINE_TO_NINE,
    citation: '815 ILCS 305/15',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note: `Autodialed/prerecorded calls only, per one vendor table (another says 08:00). ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-NV.automatic-dialing',
    regions: ['US-NV'],
    channels: VOICE_AND_SMS,
    weekdays: hours('09:00', '20:00'),
    citation: 'Nev. Rev. Stat. § 597.814(2)',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note:
      'The statute (read) bars autodialed prerecorded calls 21:00-09:00; a vendor table gives 20:00 ' +
      `for all solicitation calls, so the narrower 09:00-20:00 is applied. ${DATE_UNCONFIRMED}`,
  },
  {
    id: 'US-WY.telephone-solicitation',
    regions: ['US-WY'],
    channels: VOICE_AND_SMS,
    weekdays: EIGHT_TO_EIGHT,
    citation: 'Wyo. Stat. § 40-12-302',
    effective: LONG_IN_FORCE,
    certainty: 'uncertain',
    note: `One secondary source gives a 20:00 end; the section text was not read. ${DATE_UNCONFIRMED}`,
  },
];

/** Every US state row. */
export const US_STATE_RULES: readonly JurisdictionRule[] = [
  ...MINI_TCPA,
  ...HOURS,
  ...US_DAY_RULES,
  ...US_AUTOMATED_DIALING_RULES,
];
