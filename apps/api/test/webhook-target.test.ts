import { describe, expect, it } from 'vitest';
import { uuidOrNil } from '@engine/db';
import { matchWebhookTarget } from '../src/webhooks/webhook-target';

interface Row {
  id: string;
  carrierId: string | null;
}
const ids = { ourId: 'ours', carrierId: 'theirs' };
const match = (rows: Row[]) => matchWebhookTarget(rows, ids, (r) => r.carrierId);

describe('matchWebhookTarget: which row a carrier webhook is about', () => {
  it('finds the row both ids name, or that only the carrier id names', () => {
    expect(match([{ id: 'ours', carrierId: 'theirs' }])).toEqual({
      kind: 'found',
      row: { id: 'ours', carrierId: 'theirs' },
    });
    expect(match([{ id: 'other', carrierId: 'theirs' }]).kind).toBe('found');
  });

  it('accepts our id alone while the carrier id is not recorded yet (webhook before the originate answer)', () => {
    expect(match([{ id: 'ours', carrierId: null }]).kind).toBe('found');
  });

  it('refuses two rows, or our id on a row the carrier knows by another id', () => {
    expect(
      match([
        { id: 'ours', carrierId: 'x' },
        { id: 'other', carrierId: 'theirs' },
      ]).kind,
    ).toBe('mismatch');
    expect(match([{ id: 'ours', carrierId: 'x' }]).kind).toBe('mismatch');
  });

  it('knows nothing of no row', () => {
    expect(match([])).toEqual({ kind: 'unknown' });
  });

  it('keeps ids that are not UUIDs away from uuid comparisons', () => {
    const uuid = '0b7f9d4e-6a51-4c3e-9a6f-1d2e3f4a5b6c';
    expect(uuidOrNil(uuid)).toBe(uuid);
    expect(uuidOrNil("x' or 1=1")).toBe('00000000-0000-0000-0000-000000000000');
  });
});
