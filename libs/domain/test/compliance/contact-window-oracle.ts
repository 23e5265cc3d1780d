import { DateTime } from 'luxon';
import Holidays from 'date-holidays';
import type { CallingChannel } from '../../src/calling-window';
import type { CampaignCallingHours, JurisdictionRule } from '../../src/compliance';

/*
 * An oracle written independently of the code under test: it reads each zone's wall clock with
 * luxon at the instant and checks every rule in plain minutes, with date-holidays asked directly.
 */

const FEDERAL: Record<CallingChannel, readonly [number, number]> = {
  voice: [8 * 60, 21 * 60],
  sms: [7 * 60, 19 * 60],
};

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

const inside = (tod: number, w: { start: string; end: string }) =>
  tod >= minutes(w.start) && tod < minutes(w.end);

const holidayYears = new Map<string, ReadonlySet<string>>();
function isHoliday(region: string, date: string): boolean {
  const key = `${region} ${date.slice(0, 4)}`;
  let days = holidayYears.get(key);
  if (days === undefined) {
    const [country, sub] = region.split('-');
    const h = sub ? new Holidays(country ?? '', sub) : new Holidays(country ?? '');
    const list = h.getHolidays(Number(date.slice(0, 4))).filter((d) => d.type === 'public');
    days = new Set(list.map((d) => d.date.slice(0, 10)));
    holidayYears.set(key, days);
  }
  return days.has(date);
}

/** Whether the oracle allows contacting the recipient at `t`. */
export function oracleAllowed(
  t: number,
  o: {
    channel: CallingChannel;
    zones: readonly string[];
    regions: readonly string[];
    rules: readonly JurisdictionRule[];
    campaignHours?: CampaignCallingHours;
    holidayCalendars?: readonly string[] | undefined;
  },
): boolean {
  return o.zones.every((zone) => {
    const local = DateTime.fromMillis(t, { zone });
    const tod = local.hour * 60 + local.minute;
    const date = local.toISODate() ?? '';
    const [from, to] = FEDERAL[o.channel];
    if (!(tod >= from && tod < to)) return false;
    for (const rule of o.rules) {
      if (!rule.channels.includes(o.channel) || rule.effective > date) continue;
      if (!rule.regions.some((r) => o.regions.includes(r))) continue;
      const calendars = o.holidayCalendars ?? rule.regions.filter((r) => o.regions.includes(r));
      if (rule.noContactOnHolidays && calendars.some((r) => isHoliday(r, date))) return false;
      const hours =
        local.weekday === 7 && rule.sunday !== undefined
          ? rule.sunday
          : local.weekday === 6 && rule.saturday !== undefined
            ? rule.saturday
            : rule.weekdays;
      if (hours === null) return false;
      if (hours !== undefined && !inside(tod, hours)) return false;
    }
    const c = o.campaignHours;
    if (c) {
      const day = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][local.weekday - 1];
      if (c.days && !c.days.includes(day as never)) return false;
      if (!inside(tod, c)) return false;
    }
    return true;
  });
}
