import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DefaultContactCaps, effectiveContactCaps } from '../../src/compliance/contact-caps';

describe('effective contact caps', () => {
  it('uses the defaults (3 per 24 h, 7 per 7 days) when the customer sets none', () => {
    expect(DefaultContactCaps).toEqual({ per24h: 3, per7d: 7 });
    expect(effectiveContactCaps({})).toEqual({ per24h: 3, per7d: 7 });
    expect(effectiveContactCaps({ per24h: null, per7d: null })).toEqual({ per24h: 3, per7d: 7 });
  });

  it("takes the customer's own caps, looser or stricter than the defaults", () => {
    expect(effectiveContactCaps({ per24h: 1, per7d: 20 })).toEqual({ per24h: 1, per7d: 20 });
    expect(effectiveContactCaps({ per24h: 10 })).toEqual({ per24h: 10, per7d: 7 });
  });

  it("narrows the 24-hour cap to the state's when that is stricter, never widens it", () => {
    expect(effectiveContactCaps({ per24h: 10 }, 3)).toEqual({ per24h: 3, per7d: 7 });
    expect(effectiveContactCaps({ per24h: 1 }, 3)).toEqual({ per24h: 1, per7d: 7 });
  });

  it('is never looser than any cap that applies (property)', () => {
    const cap = fc.option(fc.integer({ min: 1, max: 500 }), { nil: null });
    fc.assert(
      fc.property(cap, cap, fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }), (d, w, state) => {
        const caps = effectiveContactCaps({ per24h: d, per7d: w }, state);
        expect(caps.per24h).toBeLessThanOrEqual(d ?? DefaultContactCaps.per24h);
        expect(caps.per24h).toBeLessThanOrEqual(state ?? Infinity);
        expect(caps.per7d).toBe(w ?? DefaultContactCaps.per7d);
      }),
    );
  });
});
