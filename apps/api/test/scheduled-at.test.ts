import { describe, expect, it } from 'vitest';
import { parseIsoInstant, scheduledAt } from '../src/calls/scheduled-at';

describe('scheduled_at', () => {
  it('reads a date-time with its offset as that instant', () => {
    expect(parseIsoInstant('2025-01-15T14:30:00Z')?.toISOString()).toBe('2025-01-15T14:30:00.000Z');
    expect(parseIsoInstant('2025-01-15T09:30:00.123456-05:00')?.toISOString()).toBe(
      '2025-01-15T14:30:00.123Z',
    );
    expect(parseIsoInstant('2025-01-15T20:00+05:30')?.toISOString()).toBe('2025-01-15T14:30:00.000Z');
  });

  it('refuses a time without an offset, an impossible calendar time or another shape', () => {
    for (const text of [
      '2025-01-15T14:30:00',
      '2025-02-30T10:00:00Z',
      '2025-01-15T24:00:00Z',
      '2025-01-15',
      'soon',
    ])
      expect(parseIsoInstant(text), text).toBeUndefined();
  });

  it('allows any past time and up to 90 days ahead', () => {
    expect(scheduledAt.safeParse('2001-01-01T00:00:00Z').success).toBe(true);
    expect(scheduledAt.safeParse(new Date(Date.now() + 89 * 86_400_000).toISOString()).success).toBe(true);
    const far = scheduledAt.safeParse(new Date(Date.now() + 91 * 86_400_000).toISOString());
    expect(far.success).toBe(false);
    expect(far.error?.issues[0]?.message).toContain('90 days');
  });
});
