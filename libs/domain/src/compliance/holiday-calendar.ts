import Holidays from 'date-holidays';
import type { RegionCode } from './jurisdiction-rule';

/*
 * Legal holidays come from date-holidays (maintained, per country and subdivision, federal days
 * included in each state's calendar) rather than a hand-kept list: a state that adds a holiday
 * reaches us with the next version of the package. Only days of type `public` count: observances
 * (Valentine's Day) and optional days are no legal holiday anywhere.
 */

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const calendars = new Map<RegionCode, Holidays | null>();
const yearDays = new Map<string, ReadonlyMap<LocalDate, string>>();

function calendarOf(region: RegionCode): Holidays | null {
  let calendar = calendars.get(region);
  if (calendar === undefined) {
    const [country = '', subdivision] = region.split('-');
    const candidate = new Holidays();
    // `init` is typed void but answers whether the package knows the region.
    const init = (...region: string[]) =>
      Boolean((candidate.init as (...args: string[]) => unknown)(...region));
    // A subdivision the package does not know still gets its country's calendar: federal days
    // bind every state that bans holiday calls.
    const known = (subdivision !== undefined && init(country, subdivision)) || init(country);
    calendar = known ? candidate : null;
    calendars.set(region, calendar);
  }
  return calendar;
}

/** The region's public holidays in a year (local date → name). Empty for a region the package lacks. */
export function publicHolidays(region: RegionCode, year: number): ReadonlyMap<LocalDate, string> {
  const key = `${region}:${year}`;
  let days = yearDays.get(key);
  if (days === undefined) {
    const calendar = calendarOf(region);
    const list = calendar ? calendar.getHolidays(year) : [];
    days = new Map(list.filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name]));
    yearDays.set(key, days);
  }
  return days;
}

/** The public holiday's name on that date in the region, for reports; `undefined` when none. */
export function holidayName(region: RegionCode, date: LocalDate): string | undefined {
  return publicHolidays(region, Number(date.slice(0, 4))).get(date);
}
