import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsentEvent, ContactAttemptRow, Prospect } from '@engine/db';
import { contactWindowFor } from '@engine/domain';
import { csvLine, complianceCsvLine, COMPLIANCE_CSV_COLUMNS } from '../src/compliance/compliance-report.csv';
import { evaluateAttempt, optOutInForce } from '../src/compliance/compliance-report.evaluate';

const PHONE = '+12125550100';
const at = (iso: string) => new Date(iso);
const event = (kind: ConsentEvent['kind'], iso: string): ConsentEvent => ({
  phone: PHONE,
  at: at(iso),
  kind,
});

function prospect(overrides: Partial<Prospect> = {}): Prospect {
  const now = new Date('2026-11-01T00:00:00Z');
  return {
    id: 1,
    campaign_id: '00000000-0000-4000-8000-000000000001',
    phone: PHONE,
    area_code: '212',
    timezone: 'America/New_York',
    state: null,
    postal_code: null,
    consented_at: null,
    variables: {},
    priority: 0,
    max_attempts: null,
    call_config: null,
    ad_hoc: false,
    status: 'queued',
    attempt_count: 0,
    next_attempt_at: now,
    last_outcome: null,
    status_reason: null,
    claim_token: null,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

function attempt(
  iso: string,
  p: Prospect = prospect(),
  channel: 'voice' | 'sms' = 'voice',
): ContactAttemptRow {
  return {
    channel,
    attemptId: '00000000-0000-4000-8000-0000000000aa',
    phone: p.phone,
    attemptedAt: at(iso),
    attemptKey: `${iso.slice(0, 19)}.000000Z`,
    prospect: p,
  };
}

const SETTINGS = { timezone: 'America/New_York', callingHours: null };

describe('optOutInForce', () => {
  it('is the STOP before the attempt, until a START lifts it', () => {
    const stop = event('opt_out', '2026-12-01T10:00:00Z');
    const start = event('opt_in', '2026-12-01T11:00:00Z');
    expect(optOutInForce([stop], at('2026-12-01T10:30:00Z'))).toEqual(stop.at);
    expect(optOutInForce([stop, start], at('2026-12-01T12:00:00Z'))).toBeNull();
    expect(optOutInForce([stop], at('2026-12-01T09:59:59Z'))).toBeNull();
    // Same instant as the attempt: not before it.
    expect(optOutInForce([stop], stop.at)).toBeNull();
  });

  it('keeps an operator suppression through a START, and takes the earliest opt-out in force', () => {
    const manual = event('suppressed', '2026-12-01T09:00:00Z');
    const stop = event('opt_out', '2026-12-01T08:00:00Z');
    const start = event('opt_in', '2026-12-01T10:00:00Z');
    expect(optOutInForce([start, manual], at('2026-12-01T11:00:00Z'))).toEqual(manual.at);
    expect(optOutInForce([manual, stop], at('2026-12-01T09:30:00Z'))).toEqual(stop.at);
    expect(optOutInForce([stop, manual, start], at('2026-12-01T11:00:00Z'))).toEqual(manual.at);
  });

  it('agrees with replaying the history one event at a time (any order given)', () => {
    const kinds = fc.constantFrom<ConsentEvent['kind']>('opt_out', 'opt_in', 'suppressed');
    const events = fc.array(fc.record({ kind: kinds, minute: fc.integer({ min: 0, max: 100 }) }), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(events, fc.integer({ min: 0, max: 101 }), (raw, minute) => {
        const base = Date.UTC(2026, 11, 1);
        const history = raw.map((e) => ({
          phone: PHONE,
          kind: e.kind,
          at: new Date(base + e.minute * 60_000),
        }));
        // Oracle: walk minute by minute; a START clears an opt-out, never an operator entry.
        let optedOut: number | null = null;
        let suppressed: number | null = null;
        for (let m = 0; m < minute; m++) {
          const now = history.filter((e) => e.at.getTime() === base + m * 60_000);
          // Within one minute, events apply in the order optOutInForce's stable sort keeps them.
          for (const e of now) {
            if (e.kind === 'opt_in') optedOut = null;
            else if (e.kind === 'opt_out') optedOut ??= e.at.getTime();
            else suppressed ??= e.at.getTime();
          }
        }
        const candidates = [optedOut, suppressed].filter((v): v is number => v !== null);
        const expected = candidates.length === 0 ? null : Math.min(...candidates);
        const actual = optOutInForce(history, new Date(base + minute * 60_000));
        expect(actual?.getTime() ?? null).toBe(expected);
      }),
    );
  });
});

describe('evaluateAttempt', () => {
  it('flags a call at 23:00 recipient-local, with that local time and the next allowed instant', () => {
    // 2026-12-02T04:00Z is 23:00 on Tuesday 1 December in New York (EST, -05:00).
    const item = evaluateAttempt(attempt('2026-12-02T04:00:00Z'), SETTINGS, []);
    const expectedFrom = contactWindowFor(
      { e164: PHONE, timezone: 'America/New_York', campaignZone: SETTINGS.timezone },
      { channel: 'voice' },
    ).nextAllowed(at('2026-12-02T04:00:00Z'));
    expect(item.flags).toEqual(['outside_window']);
    expect(item.recipientLocalTimes).toEqual([
      {
        zone: 'America/New_York',
        localTime: '2026-12-01T23:00:00-05:00',
        allowedHours: { start: '08:00', end: '21:00' },
      },
    ]);
    expect(item.allowedFrom).toBe(expectedFrom.toISOString());
    expect(item.allowedFrom).toBe('2026-12-02T13:00:00.000Z');
    expect(item.rules).toContain('federal.voice');
    expect(item.zoneSource).toBe('prospect');
  });

  it('passes an allowed call and gives its own instant as allowedFrom; the campaign hours narrow it', () => {
    const allowed = evaluateAttempt(attempt('2026-12-01T15:00:00Z'), SETTINGS, []);
    expect(allowed.flags).toEqual([]);
    expect(allowed.allowedFrom).toBe('2026-12-01T15:00:00.000Z');
    const narrowed = evaluateAttempt(
      attempt('2026-12-01T15:00:00Z'),
      { ...SETTINGS, callingHours: { start: '12:00', end: '17:00' } },
      [],
    );
    expect(narrowed.flags).toEqual(['outside_window']);
    expect(narrowed.rules).toEqual(['federal.voice', 'campaign']);
    expect(narrowed.allowedFrom).toBe('2026-12-01T17:00:00.000Z');
  });

  it('uses the SMS window for a text and flags one after a STOP', () => {
    // 20:00 in New York: inside the voice window (21:00), outside the SMS one (19:00).
    const text = attempt('2026-12-02T01:00:00Z', prospect(), 'sms');
    const stop = event('opt_out', '2026-12-01T12:00:00Z');
    const item = evaluateAttempt(text, SETTINGS, [stop]);
    expect(item.flags).toEqual(['outside_window', 'after_opt_out']);
    expect(item.rules).toContain('federal.sms');
    expect(item.optedOutAt).toBe(stop.at.toISOString());
  });

  it('checks a split zone in every zone', () => {
    // No prospect zone and an unknown +1 area code: every NANP zone binds (the narrowest window).
    const p = prospect({ phone: '+15555550100', area_code: '555', timezone: null });
    const item = evaluateAttempt(attempt('2026-12-01T13:30:00Z', p), SETTINGS, []);
    expect(item.recipientLocalTimes.length).toBeGreaterThan(1);
    // 08:30 in New York is 05:30 in Los Angeles.
    expect(item.flags).toEqual(['outside_window']);
  });
});

describe('compliance CSV', () => {
  it('writes one record per item with the header columns', () => {
    const item = evaluateAttempt(attempt('2026-12-02T04:00:00Z'), SETTINGS, []);
    const [header, record] = parse(csvLine(COMPLIANCE_CSV_COLUMNS) + complianceCsvLine(item)) as string[][];
    expect(header).toEqual([...COMPLIANCE_CSV_COLUMNS]);
    const row = Object.fromEntries(header!.map((name, i) => [name, record![i]]));
    expect(row).toMatchObject({
      attempt_id: item.attemptId,
      phone: PHONE,
      local_times: '2026-12-01T23:00:00-05:00',
      allowed_hours: '08:00-21:00',
      allowed_from: '2026-12-02T13:00:00.000Z',
      flags: 'outside_window',
    });
  });

  it('quotes any text so that a CSV reader gets it back (RFC 4180), formulas neutralised', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [parsed] = parse(csvLine(cells), { relax_column_count: true }) as string[][];
        const expected = cells.map((c) => (/^[=@\t\r]/.test(c) ? `'${c}` : c));
        expect(parsed).toEqual(expected);
      }),
    );
  });
});
