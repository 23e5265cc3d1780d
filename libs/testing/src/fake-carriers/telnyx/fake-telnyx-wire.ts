import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Telnyx's wire format as the fake speaks it: ids, error bodies (`{"errors":[…]}` with the API
 * error catalogue's codes), list pages (`{"data":[…],"meta":{…}}`).
 */

/** A `call_control_id` shaped like Telnyx's (`v3:` and an opaque token). */
export function callControlId(): string {
  return `v3:${randomBytes(30).toString('base64url')}`;
}

export const uuid = (): string => randomUUID();

/** One entry of a Telnyx error body. */
export interface TelnyxErrorEntry {
  code: string;
  title: string;
  detail?: string;
  source?: { pointer: string };
}

/** A status and the body Telnyx answers it with. */
export interface TelnyxErrorAnswer {
  status: number;
  body: { errors: TelnyxErrorEntry[] };
  headers?: Record<string, string>;
}

const answer = (
  status: number,
  entry: TelnyxErrorEntry,
  headers?: Record<string, string>,
): TelnyxErrorAnswer => ({
  status,
  body: { errors: [entry] },
  ...(headers ? { headers } : {}),
});

/** The errors the fake answers, by what went wrong. */
export const TelnyxErrors = {
  authentication: () =>
    answer(401, {
      code: '10009',
      title: 'Authentication failed',
      detail: 'The required authentication headers were either invalid or not included in the request.',
    }),
  notFound: () =>
    answer(404, {
      code: '10005',
      title: 'Resource not found',
      detail: 'The requested resource or URL could not be found.',
    }),
  missing: (field: string) =>
    answer(422, {
      code: '10004',
      title: 'Missing required parameter',
      detail: `The '${field}' parameter is required.`,
      source: { pointer: `/${field}` },
    }),
  notE164: (field: string) =>
    answer(422, {
      code: '10016',
      title: 'Phone number must be in +E.164 format',
      detail: `The '${field}' parameter must be in +E.164 format.`,
      source: { pointer: `/${field}` },
    }),
  invalidNumber: (field: string) =>
    answer(422, {
      code: '10002',
      title: 'Invalid phone number',
      detail: 'The phone number is invalid.',
      source: { pointer: `/${field}` },
    }),
  badConnection: () =>
    answer(422, {
      code: '10015',
      title: 'Bad Request',
      detail: 'connection_id does not name a Call Control application of this account.',
      source: { pointer: '/connection_id' },
    }),
  callerIdInvalid: () =>
    answer(403, {
      code: 'D35',
      title: 'Caller Origination Number is Invalid',
      detail: 'The from number is not a number of this account or a verified number.',
      source: { pointer: '/from' },
    }),
  destinationNotWhitelisted: () =>
    answer(403, {
      code: 'D13',
      title: 'Dialed number is not included in whitelisted countries',
      detail: "The destination's country is not enabled on the outbound voice profile.",
      source: { pointer: '/to' },
    }),
  invalidCallControlId: () =>
    answer(422, {
      code: '90015',
      title: 'Invalid Call Control ID',
      detail: 'The provided call_control_id was not valid.',
    }),
  callEnded: () =>
    answer(422, {
      code: '90018',
      title: 'Call has already ended',
      detail: 'This call is no longer active and can not receive commands.',
    }),
  /** What `failNext` answers: 429 with `Retry-After`, or a 5xx. */
  transient: (status: number) =>
    status === 429
      ? answer(
          429,
          {
            code: '10011',
            title: 'Too many requests',
            detail: 'You have exceeded the maximum number of allowed requests.',
          },
          { 'retry-after': '1' },
        )
      : answer(status, { code: '10007', title: 'Unexpected error', detail: 'An unexpected error occured.' }),
} as const;

/** One page of a list, as the SDK's `DefaultFlatPagination` reads it. */
export function page<T>(
  items: readonly T[],
  query: URLSearchParams,
): { data: T[]; meta: Record<string, number> } {
  const size = Math.max(1, Math.min(250, Number(query.get('page[size]') ?? 20) || 20));
  const number = Math.max(1, Number(query.get('page[number]') ?? 1) || 1);
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return {
    data: items.slice((number - 1) * size, number * size),
    meta: { page_number: number, page_size: size, total_pages: totalPages, total_results: items.length },
  };
}

export const E164 = /^\+[1-9]\d{6,14}$/;
