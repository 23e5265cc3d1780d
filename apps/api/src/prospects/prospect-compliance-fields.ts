import { regionForStateName } from '@engine/domain';

/** The compliance fields of one uploaded prospect, as given (JSON keys or CSV columns). */
export interface RawComplianceFields {
  state?: unknown;
  zip?: unknown;
  postal_code?: unknown;
  consent_date?: unknown;
  consented_at?: unknown;
}

/** The compliance fields as stored; null where not given. */
export interface ComplianceFields {
  state: string | null;
  postal_code: string | null;
  consented_at: Date | null;
}

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const US_ZIP = /^(\d{5})(?:[\s-]?(\d{4}))?$/;
// Canada Post: no D, F, I, O, Q or U anywhere, no W or Z in first place.
const CA_POSTAL = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])\s?(\d[ABCEGHJ-NPRSTV-Z]\d)$/;
const ISO_DATE_OR_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

const isGiven = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

/** One of two spellings of a field: absent when neither is given, refused when both differ. */
function pick(
  raw: RawComplianceFields,
  a: keyof RawComplianceFields,
  b: keyof RawComplianceFields,
): Checked<{ name: string; value: unknown } | undefined> {
  const [va, vb] = [raw[a], raw[b]];
  if (isGiven(va) && isGiven(vb) && va !== vb)
    return { ok: false, reason: `${a} and ${b} are the same field; give one of them` };
  if (isGiven(va)) return { ok: true, value: { name: a, value: va } };
  if (isGiven(vb)) return { ok: true, value: { name: b, value: vb } };
  return { ok: true, value: undefined };
}

function checkState(value: unknown): Checked<string | null> {
  if (!isGiven(value)) return { ok: true, value: null };
  const code = typeof value === 'string' ? regionForStateName(value) : undefined;
  return code
    ? { ok: true, value: code }
    : {
        ok: false,
        reason:
          `state ${JSON.stringify(value)} is not a US state, territory or Canadian province: give its ` +
          'code ("FL", "ON"), its name ("Florida") or its ISO 3166-2 code ("US-FL")',
      };
}

/** A US ZIP (12345 or 12345-6789) or Canadian postal code (A1A 1A1), in its usual spelling. */
function checkPostalCode(field: { name: string; value: unknown } | undefined): Checked<string | null> {
  if (!field) return { ok: true, value: null };
  const text = typeof field.value === 'string' ? field.value.trim().toUpperCase() : '';
  const zip = US_ZIP.exec(text);
  if (zip) return { ok: true, value: zip[2] ? `${zip[1]}-${zip[2]}` : zip[1]! };
  const postal = CA_POSTAL.exec(text);
  if (postal) return { ok: true, value: `${postal[1]} ${postal[2]}` };
  return {
    ok: false,
    reason: `${field.name} ${JSON.stringify(field.value)} is not a US ZIP code (12345 or 12345-6789) or a Canadian postal code (A1A 1A1)`,
  };
}

/**
 * An ISO 8601 date (midnight UTC) or date-time (without an offset: UTC), a real calendar day, not
 * after `now`: a consent cannot have been given in the future.
 */
function checkConsentDate(
  field: { name: string; value: unknown } | undefined,
  now: Date,
): Checked<Date | null> {
  if (!field) return { ok: true, value: null };
  const malformed = {
    ok: false as const,
    reason: `${field.name} ${JSON.stringify(field.value)} is not an ISO 8601 date (2025-03-01) or date-time (2025-03-01T14:30:00Z)`,
  };
  const text = typeof field.value === 'string' ? field.value.trim() : '';
  const m = ISO_DATE_OR_TIME.exec(text);
  if (!m) return malformed;
  const [, y, mo, d, h = '00', mi = '00', s = '00', offset] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (
    day.getUTCMonth() !== Number(mo) - 1 ||
    day.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  )
    return malformed;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${text.match(/\.\d+/)?.[0] ?? ''}${normaliseOffset(offset)}`;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return malformed;
  if (at.getTime() > now.getTime())
    return { ok: false, reason: `${field.name} ${JSON.stringify(field.value)} is in the future` };
  return { ok: true, value: at };
}

function normaliseOffset(offset: string | undefined): string {
  if (!offset || offset.toUpperCase() === 'Z') return 'Z';
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/**
 * Checks and normalises a prospect's state, postal code and consent date (each optional; `zip` and
 * `postal_code`, `consent_date` and `consented_at` are two spellings of one field). The reason of a
 * refusal names the field.
 */
export function checkComplianceFields(raw: RawComplianceFields, now: Date): Checked<ComplianceFields> {
  const state = checkState(raw.state);
  if (!state.ok) return state;
  const postalField = pick(raw, 'zip', 'postal_code');
  if (!postalField.ok) return postalField;
  const postal = checkPostalCode(postalField.value);
  if (!postal.ok) return postal;
  const consentField = pick(raw, 'consent_date', 'consented_at');
  if (!consentField.ok) return consentField;
  const consent = checkConsentDate(consentField.value, now);
  if (!consent.ok) return consent;
  return { ok: true, value: { state: state.value, postal_code: postal.value, consented_at: consent.value } };
}
