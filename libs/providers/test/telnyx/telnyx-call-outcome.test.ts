import { describe, expect, it } from 'vitest';
import { TelnyxHangupCauseOutcomes, telnyxCallOutcome } from '../../src';

const START = '2026-03-01T10:00:00.000000Z';
const ANSWER = '2026-03-01T10:00:04.000000Z';
const at = (seconds: number) => new Date(Date.parse(ANSWER) + seconds * 1000).toISOString();

describe('Telnyx hangup → outcome', () => {
  it.each([
    // cause, answered?, talk seconds, machine?, outcome, duration
    ['normal_clearing', true, 45, false, 'human_connected', 45],
    ['normal_clearing', true, 4, false, 'human_hangup', 4],
    ['normal_clearing', true, 20, true, 'voicemail', 20],
    ['time_limit', true, 600, false, 'human_connected', 600],
    ['user_busy', false, 0, false, 'busy', 0],
    ['call_rejected', false, 0, false, 'busy', 0],
    ['timeout', false, 0, false, 'no_answer', 0],
    ['no_answer', false, 0, false, 'no_answer', 0],
    ['originator_cancel', false, 0, false, 'no_answer', 0],
    ['not_found', false, 0, false, 'failed', 0],
    ['unspecified', false, 0, false, 'failed', 0],
    ['something_new', false, 0, false, 'failed', 0],
  ] as const)(
    '%s (answered: %s, %i s, machine: %s) → %s',
    (cause, answered, talk, machine, outcome, duration) => {
      const end = telnyxCallOutcome({
        hangupCause: cause,
        ...(answered ? { answeredAt: ANSWER } : {}),
        startTime: START,
        endedAt: at(answered ? talk : 30),
        machine,
      });
      expect(end).toEqual({ outcome, durationSeconds: duration });
    },
  );

  it('a connected call whose answer time was not stamped is measured from start_time (ringing included)', () => {
    expect(telnyxCallOutcome({ hangupCause: 'normal_clearing', startTime: START, endedAt: at(10) })).toEqual({
      outcome: 'human_connected',
      durationSeconds: 14,
    });
  });

  it('the table covers every hangup_cause the SDK declares', () => {
    for (const cause of [
      'call_rejected',
      'normal_clearing',
      'originator_cancel',
      'timeout',
      'time_limit',
      'user_busy',
      'not_found',
      'no_answer',
      'unspecified',
    ]) {
      expect(TelnyxHangupCauseOutcomes).toHaveProperty(cause);
    }
  });
});
