import { BadRequestException } from '@nestjs/common';
import type { NewProspect } from '@engine/db';
import { parsePhoneNumber } from '@engine/domain';
import type { CsvUpload } from '../common/csv-upload';
import { findColumn } from '../common/csv-upload';
import { isKnownTimeZone } from '../common/time-zones';
import type { RawComplianceFields } from './prospect-compliance-fields';
import { checkComplianceFields } from './prospect-compliance-fields';
import { MAX_VARIABLE_NAME, MAX_VARIABLE_VALUE, MAX_VARIABLES } from './prospect-input.schema';

/** One prospect as uploaded (a JSON row the schema let through, or a CSV record), before its checks. */
export interface RawProspect extends RawComplianceFields {
  phone?: unknown;
  timezone?: unknown;
  variables?: unknown;
}

const PHONE_COLUMNS = ['phone', 'phone_number', 'phonenumber'];
const TIMEZONE_COLUMNS = ['timezone', 'time_zone', 'tz'];
/** Columns read as the compliance fields of the same name (not template variables). */
const COMPLIANCE_COLUMNS = ['state', 'zip', 'postal_code', 'consent_date', 'consented_at'] as const;

type Checked = { ok: true; prospect: NewProspect } | { ok: false; reason: string };

/** Postgres refuses NUL in text and jsonb: such a CSV value rejects its row rather than the upload. */
const hasNul = (text: string) => text.includes('\u0000');

function checkVariables(
  variables: unknown,
): { ok: true; vars: Record<string, string> } | { ok: false; reason: string } {
  const vars: Record<string, string> = {};
  if (variables === undefined || variables === null) return { ok: true, vars };
  if (typeof variables !== 'object' || Array.isArray(variables))
    return { ok: false, reason: 'variables must be an object' };
  const entries = Object.entries(variables as Record<string, unknown>);
  if (entries.length > MAX_VARIABLES)
    return { ok: false, reason: `variables has more than ${MAX_VARIABLES} entries` };
  for (const [key, value] of entries) {
    if (key.length === 0 || key.length > MAX_VARIABLE_NAME || hasNul(key)) {
      return {
        ok: false,
        reason: `variable names must be 1 to ${MAX_VARIABLE_NAME} characters, without NUL`,
      };
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      return { ok: false, reason: `variables.${key} must be a string, number or boolean` };
    }
    const text = String(value);
    if (text.length > MAX_VARIABLE_VALUE) {
      return { ok: false, reason: `variables.${key} is longer than ${MAX_VARIABLE_VALUE} characters` };
    }
    if (hasNul(text)) return { ok: false, reason: `variables.${key} contains a NUL character` };
    vars[key] = text;
  }
  return { ok: true, vars };
}

/**
 * Validates one uploaded prospect: a phone valid for its region, a known IANA zone, a known state
 * or province, a US or Canadian postal code, a consent date not in the future (`now`), flat
 * variables.
 */
export function checkProspect(campaignId: string, raw: unknown, now: Date = new Date()): Checked {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'row must be an object' };
  const { phone, timezone, variables } = raw as RawProspect;
  if (typeof phone !== 'string' && typeof phone !== 'number') {
    return {
      ok: false,
      reason: phone === undefined || phone === null ? 'phone is missing' : 'phone must be a string',
    };
  }
  const parsed = parsePhoneNumber(String(phone));
  if (!parsed.ok) return { ok: false, reason: `phone ${JSON.stringify(String(phone))}: ${parsed.reason}` };

  let zone: string | null = null;
  if (timezone !== undefined && timezone !== null && timezone !== '') {
    if (typeof timezone !== 'string' || !isKnownTimeZone(timezone.trim())) {
      return {
        ok: false,
        reason: `timezone ${JSON.stringify(timezone)} is not an IANA time zone such as "America/Chicago"`,
      };
    }
    zone = timezone.trim();
  }

  const compliance = checkComplianceFields(raw as RawProspect, now);
  if (!compliance.ok) return compliance;
  const vars = checkVariables(variables);
  if (!vars.ok) return vars;
  return {
    ok: true,
    prospect: {
      campaign_id: campaignId,
      phone: parsed.e164,
      area_code: parsed.nanpAreaCode ?? null,
      timezone: zone,
      ...compliance.value,
      variables: JSON.stringify(vars.vars),
    },
  };
}

const noPhoneColumn = (header: readonly string[]) =>
  new BadRequestException(`CSV has no "phone" column (header: ${header.join(', ').slice(0, 200)})`);

/** The header's compliance columns (any case), by the field each one fills. */
function complianceColumns(header: readonly string[]): Map<string, keyof RawComplianceFields> {
  const columns = new Map<string, keyof RawComplianceFields>();
  for (const field of COMPLIANCE_COLUMNS) {
    const column = findColumn(header, [field]);
    if (column !== undefined) columns.set(column, field);
  }
  return columns;
}

/**
 * Turns CSV records into prospects: the `phone`, `timezone`, `state`, `zip` / `postal_code` and
 * `consent_date` / `consented_at` columns, the others as variables.
 */
export async function* prospectsFromCsv(upload: CsvUpload): AsyncGenerator<RawProspect> {
  let phoneColumn: string | undefined;
  let zoneColumn: string | undefined;
  let compliance = new Map<string, keyof RawComplianceFields>();
  for await (const record of upload.records) {
    if (phoneColumn === undefined) {
      const header = upload.header ?? [];
      phoneColumn = findColumn(header, PHONE_COLUMNS);
      if (phoneColumn === undefined) throw noPhoneColumn(header);
      zoneColumn = findColumn(header, TIMEZONE_COLUMNS);
      compliance = complianceColumns(header);
    }
    const variables: Record<string, string> = {};
    const fields: RawComplianceFields = {};
    for (const [key, value] of Object.entries(record)) {
      const field = compliance.get(key);
      if (field) fields[field] = value;
      else if (key !== phoneColumn && key !== zoneColumn && value !== undefined && value !== '')
        variables[key] = value;
    }
    yield {
      phone: record[phoneColumn] ?? '',
      timezone: zoneColumn ? record[zoneColumn] : undefined,
      ...fields,
      variables,
    };
  }
  if (phoneColumn === undefined) {
    const header = upload.header;
    if (!header)
      throw new BadRequestException('CSV upload is empty: expected a header row with a "phone" column');
    if (!findColumn(header, PHONE_COLUMNS)) throw noPhoneColumn(header);
  }
}
