/**
 * NANP numbers in E.164: +1, a 3-digit area code (NPA) and a 7-digit subscriber number whose
 * exchange (NXX) part also starts with 2-9.
 */
const NANP_E164 = /^\+1([2-9]\d{2})[2-9]\d{6}$/;

/**
 * The area code (NPA) of a North American (+1) number in E.164 form, e.g. `'415'` for
 * `+14158675309`; `undefined` for anything else. Used for local-presence DID selection and to
 * infer a prospect's time zone. Toll-free and other non-geographic codes (800, 888, ...) come
 * back too: they are NPAs, but map to no time zone.
 */
export function nanpAreaCode(e164: string): string | undefined {
  return NANP_E164.exec(e164)?.[1];
}
