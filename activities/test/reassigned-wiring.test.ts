import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readEngineEnv } from '@engine/config';
import { ListedReassignedNumbers, NoReassignedNumbersDatabase } from '@engine/providers';
import { reassignedNumbersFromEnv } from '../src/campaign/reassigned-wiring';

describe('reassignedNumbersFromEnv', () => {
  it('is the no-data stub by default: nothing is asked of anyone', () => {
    expect(reassignedNumbersFromEnv(readEngineEnv({}))).toBeInstanceOf(NoReassignedNumbersDatabase);
  });

  it('answers from REASSIGNED_NUMBERS_FILE with REASSIGNED_NUMBERS=file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rnd-env-')), 'rnd.csv');
    writeFileSync(path, 'phone,disconnected_at\n+14155550101,2025-06-15\n');
    const rnd = reassignedNumbersFromEnv(
      readEngineEnv({ REASSIGNED_NUMBERS: 'file', REASSIGNED_NUMBERS_FILE: path }),
    );
    expect(rnd).toBeInstanceOf(ListedReassignedNumbers);
    const answers = await rnd.check([{ phone: '+14155550101', consentedAt: new Date('2025-01-01') }]);
    expect(answers.get('+14155550101')).toBe('yes');
  });

  it('stops start-up naming the variable when the file is missing, absent or malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rnd-env-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'phone,disconnected_at\nnot-a-number,2025-06-15\n');
    const from = (file?: string) => () =>
      reassignedNumbersFromEnv(
        readEngineEnv({ REASSIGNED_NUMBERS: 'file', ...(file ? { REASSIGNED_NUMBERS_FILE: file } : {}) }),
      );
    expect(from()).toThrow(ConfigError);
    expect(from()).toThrow(/REASSIGNED_NUMBERS_FILE/);
    expect(from(join(dir, 'missing.csv'))).toThrow(/REASSIGNED_NUMBERS_FILE .*missing\.csv/);
    expect(from(bad)).toThrow(/REASSIGNED_NUMBERS_FILE .*line 2: phone "not-a-number"/);
    expect(() => readEngineEnv({ REASSIGNED_NUMBERS: 'rnd' })).toThrow(/REASSIGNED_NUMBERS/);
  });
});
