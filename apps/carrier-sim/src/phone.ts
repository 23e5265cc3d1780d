/** E.164: a plus, a non-zero country-code digit, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** A NANP area code (first digit 2-9). */
export const NANP_AREA_CODE = /^[2-9]\d{2}$/;

/** The NANP area code of an E.164 number (`+1415...` gives `415`); undefined outside NANP. */
export function nanpAreaCode(e164: string): string | undefined {
  if (!e164.startsWith('+1') || e164.length !== 12) return undefined;
  const areaCode = e164.slice(2, 5);
  return NANP_AREA_CODE.test(areaCode) ? areaCode : undefined;
}
