import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Twilio's REST API version, in every path and resource. */
export const API_VERSION = '2010-04-01';

/** A Twilio SID: a two-letter prefix and 32 hex digits (`CA…` calls, `SM…` messages, `PN…` numbers). */
export function sid(prefix: 'AC' | 'CA' | 'SM' | 'PN' | 'PA'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/** Twilio's resource dates: RFC 2822 in UTC (`Tue, 01 Dec 2026 12:00:00 +0000`). */
export function rfc2822(date: Date | undefined): string | null {
  return date === undefined ? null : date.toUTCString().replace('GMT', '+0000');
}

/** A Twilio error answer: the JSON body its REST API sends with every 4xx and 5xx. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(
    res,
    status,
    { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    headers,
  );
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Twilio's error codes the fake answers with, and their messages. */
export const TwilioErrors = {
  authenticate: { status: 401, code: 20003, message: 'Authenticate' },
  notFound: { status: 404, code: 20404, message: 'The requested resource was not found' },
  tooManyRequests: { status: 429, code: 20429, message: 'Too Many Requests' },
  internal: { status: 500, code: 20500, message: 'Internal Server Error' },
  unavailable: { status: 503, code: 20503, message: 'Service Unavailable' },
  missingTo: { status: 400, code: 21201, message: "No 'To' number is specified" },
  missingFrom: { status: 400, code: 21213, message: "No 'From' number is specified" },
  missingUrl: { status: 400, code: 21205, message: 'Url parameter is required.' },
  invalidTo: { status: 400, code: 21211, message: "Invalid 'To' Phone Number" },
  callerIdUnverified: {
    status: 400,
    code: 21210,
    message: 'The source phone number provided is not yet verified for your account.',
  },
  geoPermission: {
    status: 400,
    code: 21215,
    message:
      'Account not authorized to call this number. Perhaps you need to enable some international permissions.',
  },
  smsGeoPermission: {
    status: 400,
    code: 21408,
    message: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number",
  },
  smsFromNotOwned: {
    status: 400,
    code: 21606,
    message:
      "The 'From' phone number is not a valid, SMS-capable inbound phone number or short code for your account.",
  },
  optedOut: { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' },
  notInProgress: { status: 400, code: 21220, message: 'Call is not in-progress. Cannot redirect.' },
} as const;

/** One of {@link TwilioErrors}. */
export type TwilioError = (typeof TwilioErrors)[keyof typeof TwilioErrors];

/** A list answer of Twilio's REST API: one page of `key` records and the page links. */
export function page<T>(
  path: string,
  key: string,
  records: readonly T[],
  query: URLSearchParams,
): Record<string, unknown> {
  const pageSize = Math.min(1000, Math.max(1, Number(query.get('PageSize') ?? 50) || 50));
  const pageNumber = Math.max(0, Number(query.get('Page') ?? 0) || 0);
  const start = pageNumber * pageSize;
  const slice = records.slice(start, start + pageSize);
  const link = (n: number) => {
    const q = new URLSearchParams(query);
    q.set('PageSize', String(pageSize));
    q.set('Page', String(n));
    if (n > 0) q.set('PageToken', sid('PA'));
    else q.delete('PageToken');
    return `${path}?${q.toString()}`;
  };
  return {
    [key]: slice,
    page: pageNumber,
    page_size: pageSize,
    start,
    end: start + Math.max(0, slice.length - 1),
    uri: link(pageNumber),
    first_page_uri: link(0),
    previous_page_uri: pageNumber > 0 ? link(pageNumber - 1) : null,
    next_page_uri: start + pageSize < records.length ? link(pageNumber + 1) : null,
  };
}

/**
 * Twilio's day-granular date filters (`StartTime`, `StartTime<`, `StartTime>`, and the same for
 * `DateSent`): the value is cut to its UTC day, and a record without the date (a queued call has
 * no start time) never matches.
 */
export function matchesDayFilter(query: URLSearchParams, name: string, value: Date | undefined): boolean {
  const day = (text: string) => text.slice(0, 10);
  const filters: Array<[string, (a: string, b: string) => boolean]> = [
    [name, (a, b) => a === b],
    [`${name}<`, (a, b) => a <= b],
    [`${name}>`, (a, b) => a >= b],
  ];
  for (const [param, compare] of filters) {
    const wanted = query.get(param);
    if (wanted === null) continue;
    if (value === undefined || !compare(day(value.toISOString()), day(wanted))) return false;
  }
  return true;
}
