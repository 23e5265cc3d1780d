import { createHmac, randomInt } from 'node:crypto';

/**
 * Plivo's V3 webhook signature, as Plivo computes it (the SDK only verifies): HMAC-SHA256 keyed
 * with the auth token over `<url>.<nonce>`, where for a POST the URL's query (sorted) is followed
 * by the sorted parameters as `keyvalue` pairs, base64-encoded.
 */

type Params = Record<string, string>;

function sortedQuery(url: URL, extra: Params): string {
  const pairs: Array<[string, string]> = [...url.searchParams.entries(), ...Object.entries(extra)];
  const byKey = new Map<string, string[]>();
  for (const [key, value] of pairs) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  return [...byKey.keys()]
    .sort()
    .flatMap((key) => (byKey.get(key) ?? []).sort().map((value) => `${key}=${value}`))
    .join('&');
}

function origin(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** The string Plivo signs for a request (before `.<nonce>`). */
export function plivoV3SignedString(method: 'GET' | 'POST', url: string, params: Params): string {
  const parsed = new URL(url);
  if (method === 'GET') {
    const query = sortedQuery(parsed, params);
    return query ? `${origin(parsed)}?${query}` : origin(parsed);
  }
  const query = sortedQuery(parsed, {});
  const keys = Object.keys(params).sort();
  if (keys.length === 0) return query ? `${origin(parsed)}?${query}` : origin(parsed);
  const body = keys.map((key) => `${key}${params[key] ?? ''}`).join('');
  return `${origin(parsed)}?${query}${query ? '.' : ''}${body}`;
}

/** The `X-Plivo-Signature-V3` value for a request. */
export function signPlivoV3(
  authToken: string,
  method: 'GET' | 'POST',
  url: string,
  params: Params,
  nonce: string,
): string {
  return createHmac('sha256', authToken)
    .update(`${plivoV3SignedString(method, url, params)}.${nonce}`)
    .digest('base64');
}

/** A nonce like Plivo's: 20 random digits, unique per delivery. */
export function plivoNonce(): string {
  let digits = '';
  for (let i = 0; i < 20; i += 1) digits += String(randomInt(10));
  return digits;
}
