import { describe, expect, it } from 'vitest';
import { twilioCallOutcome } from '../../src';
import { amdVerdict, callState } from '../../src/twilio/twilio-call-status';
import { parseRetryAfter, rebaseTwilioUrl } from '../../src/twilio/twilio-http-client';
import { receiptStatus, smsStatus } from '../../src/twilio/twilio-sms';

describe('twilio status → outcome mapping', () => {
  it.each([
    ['completed', 'human', 30, 'human_connected'],
    ['completed', 'human', 5, 'human_hangup'],
    ['completed', undefined, 6, 'human_connected'],
    ['completed', 'unknown', 2, 'human_hangup'],
    ['completed', 'machine_end_beep', 40, 'voicemail'],
    ['completed', 'machine_end_silence', 12, 'voicemail'],
    ['completed', 'machine_end_other', 12, 'voicemail'],
    ['completed', 'machine_start', 12, 'voicemail'],
    ['completed', 'fax', 12, 'failed'],
    ['busy', undefined, 0, 'busy'],
    ['no-answer', undefined, 0, 'no_answer'],
    ['canceled', undefined, 0, 'no_answer'],
    ['failed', undefined, 0, 'failed'],
    ['in-progress', undefined, 0, undefined],
    ['ringing', undefined, 0, undefined],
    ['queued', undefined, 0, undefined],
  ] as const)('%s / AnsweredBy %s / %i s → %s', (status, answeredBy, duration, outcome) => {
    expect(twilioCallOutcome(status, answeredBy, duration)).toBe(outcome);
  });

  it('maps call states and AMD verdicts', () => {
    expect(['queued', 'initiated', 'ringing', 'in-progress', 'busy'].map(callState)).toEqual([
      'ringing',
      'ringing',
      'ringing',
      'in_progress',
      'completed',
    ]);
    expect(['human', 'machine_end_beep', 'fax', 'unknown', undefined].map(amdVerdict)).toEqual([
      'human',
      'machine',
      'machine',
      'unknown',
      'unknown',
    ]);
  });

  it('maps message statuses and receipts', () => {
    const statuses = [
      'accepted',
      'queued',
      'sending',
      'sent',
      'delivered',
      'read',
      'undelivered',
      'failed',
      'canceled',
    ];
    expect(statuses.map(smsStatus)).toEqual([
      'queued',
      'queued',
      'sent',
      'sent',
      'delivered',
      'delivered',
      'failed',
      'failed',
      'failed',
    ]);
    expect(['queued', 'sent', 'delivered', 'undelivered', 'received'].map(receiptStatus)).toEqual([
      'sent',
      'sent',
      'delivered',
      'failed',
      undefined,
    ]);
  });
});

describe('twilio HTTP client helpers', () => {
  it('rebases every twilio.com host, regional ones included, onto the base URL (with its path prefix)', () => {
    const base = 'http://127.0.0.1:4000/proxy/';
    expect(rebaseTwilioUrl('https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json?To=%2B1', base)).toBe(
      'http://127.0.0.1:4000/proxy/2010-04-01/Accounts/AC1/Calls.json?To=%2B1',
    );
    expect(
      rebaseTwilioUrl('https://api.sydney.au1.twilio.com/2010-04-01/Accounts.json', 'https://eu.example.com'),
    ).toBe('https://eu.example.com/2010-04-01/Accounts.json');
    expect(rebaseTwilioUrl('https://example.com/x', base)).toBe('https://example.com/x');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
