import type { ComplianceItem } from './compliance-report.evaluate';

/** Joins the values of a multi-valued column (zones, rules, flags) inside one cell. */
const LIST_SEPARATOR = ';';

/** The CSV columns, in order: the JSON item flattened, one zone-dependent value per zone. */
export const COMPLIANCE_CSV_COLUMNS = [
  'attempt_id',
  'channel',
  'phone',
  'attempted_at',
  'zones',
  'local_times',
  'allowed_hours',
  'zone_source',
  'regions',
  'region_sources',
  'rules',
  'allowed_from',
  'opted_out_at',
  'flags',
] as const;

// A spreadsheet runs a cell that starts with = or @ (or a tab or CR before one) as a formula.
// Engine data never starts so; anything that does is neutralised with a leading apostrophe.
const FORMULA_START = /^[=@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell, quoted per RFC 4180 when it holds a quote, comma or line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record (CRLF-terminated, as RFC 4180 says). */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The header record. */
export const COMPLIANCE_CSV_HEADER = csvLine(COMPLIANCE_CSV_COLUMNS);

const list = (values: readonly string[]) => values.join(LIST_SEPARATOR);

/** An item as a CSV record, in {@link COMPLIANCE_CSV_COLUMNS} order. */
export function complianceCsvLine(item: ComplianceItem): string {
  const zones = item.recipientLocalTimes;
  return csvLine([
    item.attemptId,
    item.channel,
    item.phone,
    item.attemptedAt,
    list(zones.map((z) => z.zone)),
    list(zones.map((z) => z.localTime)),
    list(zones.map((z) => (z.allowedHours ? `${z.allowedHours.start}-${z.allowedHours.end}` : 'none'))),
    item.zoneSource,
    list(item.regions),
    list(item.regionSources),
    list(item.rules),
    item.allowedFrom ?? '',
    item.optedOutAt ?? '',
    list(item.flags),
  ]);
}
