import type { FakeCallScript } from '../fake-carrier';
import type { CallRecord } from './twilio-call-driver';
import type { TwilioError } from './twilio-fake-wire';
import { API_VERSION, matchesDayFilter, rfc2822, sid, TwilioErrors } from './twilio-fake-wire';

const E164 = /^\+[1-9]\d{6,14}$/;

/** Twilio's call resource as its API returns it. */
export function callJson(accountSid: string, call: CallRecord): Record<string, unknown> {
  const uri = `/${API_VERSION}/Accounts/${accountSid}/Calls/${call.view.id}`;
  return {
    account_sid: accountSid,
    annotation: null,
    answered_by: call.answeredBy ?? null,
    api_version: API_VERSION,
    caller_name: null,
    date_created: rfc2822(call.view.createdAt),
    date_updated: rfc2822(new Date()),
    direction: 'outbound-api',
    duration: call.endTime === undefined ? null : String(call.duration),
    end_time: rfc2822(call.endTime),
    forwarded_from: null,
    from: call.view.from,
    from_formatted: call.view.from,
    group_sid: null,
    parent_call_sid: null,
    phone_number_sid: null,
    price: null,
    price_unit: 'USD',
    queue_time: '0',
    sid: call.view.id,
    start_time: rfc2822(call.startTime),
    status: call.status,
    subresource_uris: { notifications: `${uri}/Notifications.json`, recordings: `${uri}/Recordings.json` },
    to: call.view.to,
    to_formatted: call.view.to,
    trunk_sid: null,
    uri: `${uri}.json`,
  };
}

/** Why Twilio would refuse this call create, if it would. */
export function callRefusal(
  form: URLSearchParams,
  script: FakeCallScript,
  owned: readonly string[] | undefined,
): TwilioError | undefined {
  const to = form.get('To') ?? '';
  const from = form.get('From') ?? '';
  if (to === '') return TwilioErrors.missingTo;
  if (from === '') return TwilioErrors.missingFrom;
  if (!form.get('Url') && !form.get('Twiml') && !form.get('ApplicationSid')) return TwilioErrors.missingUrl;
  if ((!E164.test(to) && !to.startsWith('sip:')) || script.answer === 'invalid_number')
    return TwilioErrors.invalidTo;
  if (owned !== undefined && !owned.includes(from)) return TwilioErrors.callerIdUnverified;
  return undefined;
}

/** A new call record, queued. */
export function newCall(
  form: URLSearchParams,
  request: Record<string, unknown>,
  script: FakeCallScript,
): CallRecord {
  return {
    view: {
      id: sid('CA'),
      to: form.get('To') ?? '',
      from: form.get('From') ?? '',
      createdAt: new Date(),
      request,
      state: 'queued',
      script,
      laterDocuments: [],
      commands: [],
      voicemailDropped: false,
    },
    status: 'queued',
    duration: 0,
    done: false,
    sequence: 0,
    timers: new Set(),
    posts: Promise.resolve(),
  };
}

/** The calls a list request selects (`To`, `From`, `Status`, day-granular `StartTime` filters), newest first. */
export function listCalls(calls: readonly CallRecord[], query: URLSearchParams): CallRecord[] {
  return calls
    .filter((c) => {
      const to = query.get('To');
      const from = query.get('From');
      const status = query.get('Status');
      return (
        (to === null || c.view.to === to) &&
        (from === null || c.view.from === from) &&
        (status === null || c.status === status) &&
        matchesDayFilter(query, 'StartTime', c.startTime)
      );
    })
    .sort((a, b) => b.view.createdAt.getTime() - a.view.createdAt.getTime());
}
