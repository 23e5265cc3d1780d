import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createReassignedNumbersDatabase,
  ListedReassignedNumbers,
  NoReassignedNumbersDatabase,
  parseDisconnectionsCsv,
} from '../src/reassigned-numbers';

const A = '+14155550101';
const B = '+14155550102';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('NoReassignedNumbersDatabase', () => {
  it('answers no_data for every number asked', async () => {
    const answers = await new NoReassignedNumbersDatabase().check([
      { phone: A, consentedAt: day('2024-01-01') },
      { phone: B, consentedAt: day('2020-01-01') },
    ]);
    expect([...answers]).toEqual([
      [A, 'no_data'],
      [B, 'no_data'],
    ]);
  });
});

describe('ListedReassignedNumbers', () => {
  const rnd = new ListedReassignedNumbers([{ phone: A, disconnectedAt: new Date('2025-06-15T18:00:00Z') }]);

  it.each([
    ['2025-01-01', 'yes'],
    ['2025-06-15', 'yes'],
    ['2025-06-16', 'no'],
    ['2026-01-01', 'no'],
  ])('a number disconnected on 2025-06-15, consent on %s: %s', async (consent, answer) => {
    expect((await rnd.check([{ phone: A, consentedAt: day(consent) }])).get(A)).toBe(answer);
  });

  it('answers no for a number it does not list', async () => {
    expect((await rnd.check([{ phone: B, consentedAt: day('2020-01-01') }])).get(B)).toBe('no');
  });

  it('answers every phone asked, yes exactly when disconnected on or after the consent day', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 10, maxLength: 10 }),
        async (phones, disconnectDay, consentDays) => {
          const base = Date.UTC(2020, 0, 1);
          const at = (d: number) => new Date(base + d * 86_400_000 + 3_600_000);
          const listed = new ListedReassignedNumbers([
            { phone: '+14155550100', disconnectedAt: at(disconnectDay) },
          ]);
          const queries = phones.map((n, i) => ({
            phone: `+1415555010${n}`,
            consentedAt: at(consentDays[i]!),
          }));
          const answers = await listed.check(queries);
          expect(new Set(answers.keys())).toEqual(new Set(queries.map((q) => q.phone)));
          for (const q of queries) {
            const earliest = Math.min(
              ...queries.filter((o) => o.phone === q.phone).map((o) => o.consentedAt.getTime()),
            );
            const expected =
              q.phone === '+14155550100' && at(disconnectDay).getTime() >= earliest ? 'yes' : 'no';
            expect(answers.get(q.phone)).toBe(expected);
          }
        },
      ),
    );
  });
});

describe('parseDisconnectionsCsv and the file stub', () => {
  it('reads phone,disconnected_at lines, skipping blanks and comments', () => {
    const csv =
      'phone,disconnected_at\n# demo numbers\n+14155550101,2025-06-15\n\n+14155550102, 2025-07-01T12:00:00Z\n';
    expect(parseDisconnectionsCsv(csv)).toEqual([
      { phone: A, disconnectedAt: new Date('2025-06-15T00:00:00Z') },
      { phone: B, disconnectedAt: new Date('2025-07-01T12:00:00Z') },
    ]);
  });

  it.each([
    ['number,date\n+14155550101,2025-06-15', /line 1 must be the header/],
    ['phone,disconnected_at\n4155550101,2025-06-15', /line 2: phone "4155550101" is not E.164/],
    ['phone,disconnected_at\n+14155550101,15/06/2025', /line 2: disconnected_at "15\/06\/2025"/],
    ['phone,disconnected_at\n+14155550101,2025-06-15,x', /line 2 has more than two columns/],
  ])('refuses a malformed file, naming the line and column (%#)', (csv, message) => {
    expect(() => parseDisconnectionsCsv(csv)).toThrow(message);
  });

  it('answers from the file it was given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rnd-'));
    const path = join(dir, 'reassigned.csv');
    writeFileSync(path, 'phone,disconnected_at\n+14155550101,2025-06-15\n');
    const rnd = createReassignedNumbersDatabase({ kind: 'file', path });
    const answers = await rnd.check([
      { phone: A, consentedAt: day('2025-01-01') },
      { phone: B, consentedAt: day('2025-01-01') },
    ]);
    expect([answers.get(A), answers.get(B)]).toEqual(['yes', 'no']);
    expect(createReassignedNumbersDatabase({ kind: 'none' })).toBeInstanceOf(NoReassignedNumbersDatabase);
  });
});
