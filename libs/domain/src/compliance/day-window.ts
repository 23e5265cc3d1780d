import type { CallingChannel, ChannelWindows, ClockWindow, DayRange } from '../calling-window/window-config';
import { CallingWindows, toDayRange } from '../calling-window/window-config';
import { holidayName, type LocalDate } from './holiday-calendar';
import type { JurisdictionRule, RegionCode } from './jurisdiction-rule';

/** Days of the week as a campaign names them. */
export const WeekdayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One day; see {@link WeekdayNames}. */
export type WeekdayName = (typeof WeekdayNames)[number];

/**
 * A campaign's own calling hours in the recipient's local time: they narrow the legal window,
 * never widen it (08:00-22:00 on a voice campaign still stops at 21:00).
 */
export interface CampaignCallingHours {
  readonly start: string;
  readonly end: string;
  /** Days the campaign contacts anyone; absent: every day the law allows. */
  readonly days?: readonly WeekdayName[] | undefined;
}

/** What decided a recipient's allowed hours on one local day, for reports. */
export interface DayRuleSource {
  /** `federal.voice`, `state:<rule id>`, `holiday:<rule id>`, `campaign`. */
  readonly id: string;
  readonly window: ClockWindow | null;
  readonly detail?: string | undefined;
}

/** A recipient's allowed hours on one local day, and the rules that set them. */
export interface DayWindow {
  readonly range: DayRange;
  readonly sources: readonly DayRuleSource[];
}

/** The rules that bind one recipient, compiled once and asked about many days. */
export interface RecipientRules {
  readonly channel: CallingChannel;
  readonly regions: readonly RegionCode[];
  readonly jurisdictionRules: readonly JurisdictionRule[];
  readonly campaignHours?: CampaignCallingHours | undefined;
  readonly federal?: ChannelWindows | undefined;
  /**
   * The calendars a holiday ban reads; absent: the calendars of the rule's regions the recipient
   * is in. Set for a recipient nobody can place, bound by every region's rules: every state's
   * holidays at once would leave no day free for weeks, so the national calendars stand in.
   */
  readonly holidayCalendars?: readonly RegionCode[] | undefined;
}

/** A rule counts only for its channels and when it binds one of the recipient's regions. */
function binds(rule: JurisdictionRule, rules: RecipientRules): boolean {
  return rule.channels.includes(rules.channel) && rule.regions.some((r) => rules.regions.includes(r));
}

const EMPTY: DayRange = { startMs: 0, endMs: 0 };

function intersect(a: DayRange, b: DayRange): DayRange {
  const startMs = Math.max(a.startMs, b.startMs);
  const endMs = Math.min(a.endMs, b.endMs);
  return startMs < endMs ? { startMs, endMs } : EMPTY;
}

/** The rule's hours on a weekday (1 = Monday ... 7 = Sunday, as luxon counts); `null`: none. */
function ruleHours(rule: JurisdictionRule, weekday: number): ClockWindow | null | undefined {
  if (weekday === 7 && rule.sunday !== undefined) return rule.sunday;
  if (weekday === 6 && rule.saturday !== undefined) return rule.saturday;
  return rule.weekdays;
}

function holidayOf(rule: JurisdictionRule, rules: RecipientRules, date: LocalDate) {
  if (!rule.noContactOnHolidays) return undefined;
  const calendars = rules.holidayCalendars ?? rule.regions.filter((r) => rules.regions.includes(r));
  for (const region of calendars) {
    const name = holidayName(region, date);
    if (name !== undefined) return `${name} (${region})`;
  }
  return undefined;
}

/**
 * The allowed local hours on one local date (weekday 1-7 as luxon counts): the federal window of
 * the channel, intersected with every jurisdiction rule in force that day (hours of that weekday,
 * a Sunday or holiday ban) and with the campaign's own hours.
 */
export function dayWindow(rules: RecipientRules, date: LocalDate, weekday: number): DayWindow {
  const federal = (rules.federal ?? CallingWindows)[rules.channel];
  let range = toDayRange(federal);
  const sources: DayRuleSource[] = [{ id: `federal.${rules.channel}`, window: clockOf(range) }];
  for (const rule of rules.jurisdictionRules) {
    if (!binds(rule, rules)) continue;
    if (rule.effective > date) continue;
    const holiday = holidayOf(rule, rules, date);
    if (holiday !== undefined) {
      range = EMPTY;
      sources.push({ id: `holiday:${rule.id}`, window: null, detail: holiday });
      continue;
    }
    const hours = ruleHours(rule, weekday);
    if (hours === undefined) continue;
    range = hours === null ? EMPTY : intersect(range, toDayRange(hours));
    sources.push({ id: `state:${rule.id}`, window: hours, detail: rule.citation });
  }
  const campaign = rules.campaignHours;
  if (campaign) {
    const day = WeekdayNames[weekday - 1];
    const open = campaign.days === undefined || (day !== undefined && campaign.days.includes(day));
    const hours = open ? { start: campaign.start, end: campaign.end } : null;
    range = hours === null ? EMPTY : intersect(range, toDayRange(hours));
    sources.push({ id: 'campaign', window: hours });
  }
  return { range, sources };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:mm` of a time of day in ms (whole minutes; the table holds no seconds). */
export function clockTime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function clockOf(range: DayRange): ClockWindow | null {
  return range.startMs < range.endMs
    ? { start: clockTime(range.startMs), end: clockTime(range.endMs) }
    : null;
}

/** The day's allowed hours as `HH:mm`, `null` when none. */
export function dayWindowClock(window: DayWindow): ClockWindow | null {
  return clockOf(window.range);
}
