import { IANAZone } from 'luxon';
import type { DayRange } from './window-config';
import { DAY_MS, isInsideRange } from './window-config';

/*
 * Wall-clock arithmetic on UTC instants (epoch milliseconds). Within a stretch where a zone's UTC
 * offset is constant, local time is UTC plus that offset, so the next window edge is plain
 * arithmetic; only across an offset change (DST, or a zone changing its standard time) is the
 * change located and the arithmetic restarted from it. That makes spring-forward gaps, repeated
 * fall-back hours, half-hour offsets and zones without DST all the same case.
 */

/**
 * The zone by IANA name.
 *
 * @throws RangeError for a name the runtime's time-zone data does not know: a calling-window check
 *   must never guess, and a silent UTC fallback would call people at night.
 */
export function ianaZone(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`unknown IANA time zone ${JSON.stringify(name)}`);
  return zone;
}

/*
 * luxon reads an offset through Intl (~30 µs a call); a calling-window check asks for several per
 * recipient. Every offset change in the tz data of our era falls on a quarter hour (St. John's
 * changes at 05:30 UTC), so the offset at the start of a 15-minute bucket holds for the whole
 * bucket, and buckets are cached per zone (bounded: three years of buckets is ~105,000).
 */
const BUCKET_MS = 900_000;
const MAX_BUCKETS_PER_ZONE = 200_000;
const offsetBuckets = new Map<string, Map<number, number>>();

/** The zone's UTC offset at the instant, in milliseconds. */
export function zoneOffsetMs(zone: IANAZone, instant: number): number {
  let buckets = offsetBuckets.get(zone.name);
  if (buckets === undefined) {
    buckets = new Map();
    offsetBuckets.set(zone.name, buckets);
  }
  const bucket = Math.floor(instant / BUCKET_MS);
  let offset = buckets.get(bucket);
  if (offset === undefined) {
    offset = zone.offset(bucket * BUCKET_MS) * 60_000;
    if (buckets.size >= MAX_BUCKETS_PER_ZONE) buckets.clear();
    buckets.set(bucket, offset);
  }
  return offset;
}

const offsetMs = zoneOffsetMs;

function timeOfDay(wallMs: number): number {
  return ((wallMs % DAY_MS) + DAY_MS) % DAY_MS;
}

/** Milliseconds since local midnight in the zone at the instant. */
export function localTimeOfDayMs(zone: IANAZone, instant: number): number {
  return timeOfDay(instant + offsetMs(zone, instant));
}

/** The first instant in (before, after] whose offset differs from the one at `before`. */
function offsetChangeBetween(zone: IANAZone, before: number, after: number): number {
  const offset = offsetMs(zone, before);
  let lo = before;
  let hi = after;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetMs(zone, mid) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/*
 * Real zones change offset at most a couple of times a year, so a few steps always suffice; the
 * bound only turns corrupt time-zone data into an error instead of a hang.
 */
const MAX_STEPS = 32;

/**
 * The earliest instant >= `from` at which the zone's wall clock is inside the range (`inside`
 * true) or outside it (`inside` false). `Infinity` when that never happens: an empty range is
 * never entered and a whole-day range is never left.
 *
 * Assumes the offset does not change twice within one day (true of all real tz data), so an
 * equal offset at both ends of a step means no change in between.
 */
export function nextInstantInZone(zone: IANAZone, from: number, range: DayRange, inside: boolean): number {
  if (range.startMs >= range.endMs) return inside ? Infinity : from;
  if (range.startMs === 0 && range.endMs >= DAY_MS) return inside ? from : Infinity;

  let instant = from;
  for (let step = 0; step < MAX_STEPS; step++) {
    const offset = offsetMs(zone, instant);
    const tod = timeOfDay(instant + offset);
    if (isInsideRange(range, tod) === inside) return instant;

    let untilEdge: number;
    if (!inside) untilEdge = range.endMs - tod;
    else if (tod < range.startMs) untilEdge = range.startMs - tod;
    else untilEdge = DAY_MS - tod + range.startMs;

    const edge = instant + untilEdge;
    instant = offsetMs(zone, edge) === offset ? edge : offsetChangeBetween(zone, instant, edge);
  }
  throw new Error(`time-zone data for ${zone.name} changes offset too often to find a calling-window edge`);
}
