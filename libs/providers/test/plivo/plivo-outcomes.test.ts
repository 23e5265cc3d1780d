import { describe, expect, it } from 'vitest';
import { plivoCallOutcome, plivoStatusOutcomes } from '../../src';
import { plivoErrorReason, retryAfterMs } from '../../src/plivo/plivo-errors';
import { cdrOutcome } from '../../src/plivo/plivo-find-call';
import { plivoMessageStates } from '../../src/plivo/plivo-sms';

describe('plivo status → outcome', () => {
  it.each([
    ['completed', 30, undefined, 'human_connected'],
    ['completed', 3, undefined, 'human_hangup'],
    ['completed', 20, true, 'voicemail'],
    ['completed', 20, false, 'human_connected'],
    ['busy', 0, undefined, 'busy'],
    ['no-answer', 0, undefined, 'no_answer'],
    ['timeout', 0, undefined, 'no_answer'],
    ['cancel', 0, undefined, 'no_answer'],
    ['failed', 0, undefined, 'failed'],
    ['something-new', 0, undefined, 'failed'],
  ] as const)('hangup CallStatus %s (%i s, machine %s) → %s', (status, duration, machine, outcome) => {
    expect(plivoCallOutcome(status, duration, machine)).toBe(outcome);
  });

  it('covers every final CallStatus', () => {
    expect(Object.keys(plivoStatusOutcomes).sort()).toEqual([
      'busy',
      'cancel',
      'completed',
      'failed',
      'no-answer',
      'timeout',
    ]);
  });

  it.each([
    ['ANSWER', 'Normal Hangup', 45, 'human_connected'],
    ['ANSWER', 'Normal Hangup', 2, 'human_hangup'],
    ['BUSY', 'Busy Line', 0, 'busy'],
    ['NO_ANSWER', 'No Answer', 0, 'no_answer'],
    ['CANCEL', 'Cancelled', 0, 'no_answer'],
    ['FAILED', 'Network Error', 0, 'failed'],
    [undefined, 'Busy Line', 0, 'busy'],
  ] as const)('CDR call_state %s / %s → %s', (state, cause, duration, outcome) => {
    expect(cdrOutcome(state, cause, duration)).toBe(outcome);
  });

  it('maps message states', () => {
    expect(plivoMessageStates).toMatchObject({
      queued: 'queued',
      sent: 'sent',
      delivered: 'delivered',
      undelivered: 'failed',
      failed: 'failed',
      rejected: 'failed',
    });
  });
});

describe('plivo error → reason', () => {
  it.each([
    [401, 'Authentication credentials invalid', 'auth'],
    [429, 'too many requests', 'rate_limited'],
    [500, 'internal server error', 'unavailable'],
    [503, '', 'unavailable'],
    [400, "Invalid destination number '123': 'to' is not a valid phone number", 'invalid_number'],
    [400, "Invalid 'dst' parameter", 'invalid_number'],
    [400, "'from' number 14155550100 is not a Plivo number or a verified caller ID", 'caller_id_unverified'],
    [400, 'src number not rented or verified', 'caller_id_unverified'],
    [403, 'Geo permission for the destination country is not enabled', 'geo_permission'],
    [403, '', 'geo_permission'],
    [400, 'answer_url is not a valid URL', 'refused'],
  ] as const)('%i %s → %s', (status, text, reason) => {
    expect(plivoErrorReason(status, text)).toBe(reason);
  });

  it('reads Retry-After in seconds or as a date', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
