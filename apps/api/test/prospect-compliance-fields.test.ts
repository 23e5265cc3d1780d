import { describe, expect, it } from 'vitest';
import type { CsvUpload } from '../src/common/csv-upload';
import { checkComplianceFields } from '../src/prospects/prospect-compliance-fields';
import { checkProspect, prospectsFromCsv } from '../src/prospects/prospect-rows';

const NOW = new Date('2026-12-01T12:00:00Z');
const PHONE = '+14155550101';

describe('checkComplianceFields', () => {
  const check = (raw: Parameters<typeof checkComplianceFields>[0]) => checkComplianceFields(raw, NOW);

  it('leaves absent, null and empty fields null', () => {
    expect(check({})).toEqual({ ok: true, value: { state: null, postal_code: null, consented_at: null } });
    expect(check({ state: '', zip: null, consent_date: '  ' })).toMatchObject({
      ok: true,
      value: { state: null, postal_code: null, consented_at: null },
    });
  });

  it.each([
    ['33101', '33101'],
    ['02134', '02134'],
    ['33101-1234', '33101-1234'],
    ['331011234', '33101-1234'],
    ['m5v 2t6', 'M5V 2T6'],
    ['M5V2T6', 'M5V 2T6'],
  ])('normalises the postal code %j to %j', (zip, stored) => {
    expect(check({ zip })).toMatchObject({ ok: true, value: { postal_code: stored } });
    expect(check({ postal_code: zip })).toMatchObject({ ok: true, value: { postal_code: stored } });
  });

  it.each(['3310', '331011', 'ABCDE', 'D5V 2T6', 'W5V 2T6', 'M5V-2T6-1', '33101-12'])(
    'rejects the malformed postal code %j naming the field',
    (zip) => {
      const res = check({ zip });
      expect(res.ok).toBe(false);
      expect(!res.ok && res.reason).toMatch(/^zip "/);
      const other = check({ postal_code: zip });
      expect(!other.ok && other.reason).toMatch(/^postal_code "/);
    },
  );

  it('rejects a state it does not know, naming the field', () => {
    const res = check({ state: 'Atlantis' });
    expect(!res.ok && res.reason).toMatch(/^state "Atlantis" is not a US state/);
  });

  it.each([
    ['2025-03-01', '2025-03-01T00:00:00.000Z'],
    ['2025-03-01T14:30:00Z', '2025-03-01T14:30:00.000Z'],
    ['2025-03-01T14:30:00-05:00', '2025-03-01T19:30:00.000Z'],
    ['2025-03-01T14:30:00+0100', '2025-03-01T13:30:00.000Z'],
    ['2025-03-01 14:30', '2025-03-01T14:30:00.000Z'],
    ['2026-12-01T12:00:00.000Z', '2026-12-01T12:00:00.000Z'],
  ])('reads the consent date %j as %s', (text, iso) => {
    const res = check({ consent_date: text });
    expect(res.ok && res.value.consented_at?.toISOString()).toBe(iso);
    const other = check({ consented_at: text });
    expect(other.ok && other.value.consented_at?.toISOString()).toBe(iso);
  });

  it.each(['2025-02-30', '2025-13-01', '01/03/2025', 'yesterday', '2025-03-01T25:00:00Z', '2025-3-1'])(
    'rejects the malformed consent date %j naming the field',
    (text) => {
      const res = check({ consent_date: text });
      expect(!res.ok && res.reason).toMatch(/^consent_date ".*" is not an ISO 8601 date/);
    },
  );

  it('rejects a consent given in the future', () => {
    const res = check({ consented_at: '2026-12-01T12:00:01Z' });
    expect(!res.ok && res.reason).toMatch(/^consented_at "2026-12-01T12:00:01Z" is in the future/);
    expect(check({ consent_date: '2026-12-02' }).ok).toBe(false);
  });

  it('refuses two different values for one field', () => {
    const res = check({ zip: '33101', postal_code: '33102' });
    expect(!res.ok && res.reason).toMatch(/zip and postal_code/);
    expect(check({ zip: '33101', postal_code: '33101' }).ok).toBe(true);
  });
});

describe('checkProspect with compliance fields', () => {
  it('stores them with the prospect', () => {
    const res = checkProspect(
      'c1',
      { phone: PHONE, state: 'Florida', zip: '33101', consent_date: '2025-03-01' },
      NOW,
    );
    expect(res).toMatchObject({
      ok: true,
      prospect: { phone: PHONE, state: 'US-FL', postal_code: '33101', consented_at: new Date('2025-03-01') },
    });
  });

  it('rejects the row with the field in the reason', () => {
    expect(checkProspect('c1', { phone: PHONE, state: 'Narnia' }, NOW)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^state "Narnia"/),
    });
  });
});

describe('prospectsFromCsv', () => {
  it('reads the compliance columns (any case) out of the variables', async () => {
    async function* records() {
      yield { Phone: PHONE, State: 'FL', ZIP: '33101', Consent_Date: '2025-03-01', plan: 'gold' };
    }
    const upload: CsvUpload = {
      header: ['Phone', 'State', 'ZIP', 'Consent_Date', 'plan'],
      records: records(),
    };
    const rows = [];
    for await (const row of prospectsFromCsv(upload)) rows.push(row);
    expect(rows).toEqual([
      {
        phone: PHONE,
        timezone: undefined,
        state: 'FL',
        zip: '33101',
        consent_date: '2025-03-01',
        variables: { plan: 'gold' },
      },
    ]);
  });
});
