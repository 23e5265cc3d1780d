import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

describe('prospect import: state, postal code and consent date', () => {
  let s: ApiStack;
  let http: ApiClient;

  beforeAll(async () => {
    s = await startApiStack();
    ({ http } = await s.tenant('Compliance importer'));
  });
  afterAll(() => s?.close());

  const newCampaign = async () =>
    (await http.post('/campaigns', { name: 'Compliance import', channel: 'voice' })).body.id as string;
  const listed = async (id: string) => (await http.get(`/campaigns/${id}/prospects`)).body.items;

  it('stores them from JSON, normalised, and shows them; a bad one rejects its row naming the field', async () => {
    const id = await newCampaign();
    const res = await http.post(`/campaigns/${id}/prospects`, {
      prospects: [
        { phone: '+14155550101', state: 'Florida', zip: '33101-1234', consent_date: '2025-03-01' },
        {
          phone: '+14155550102',
          state: 'CA-ON',
          postal_code: 'm5v2t6',
          consented_at: '2025-03-01T14:30:00-05:00',
        },
        { phone: '+14155550103' },
        { phone: '+14155550104', state: 'Atlantis' },
        { phone: '+14155550105', zip: '1234' },
        { phone: '+14155550106', consent_date: '2999-01-01' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ accepted: 3, rejectedCount: 3 });
    expect(res.body.rejected).toEqual([
      { row: 4, reason: expect.stringMatching(/^state "Atlantis"/) },
      { row: 5, reason: expect.stringMatching(/^zip "1234"/) },
      { row: 6, reason: expect.stringMatching(/^consent_date "2999-01-01" is in the future/) },
    ]);
    const items = await listed(id);
    expect(items.map((p: Record<string, unknown>) => [p.state, p.postalCode, p.consentedAt])).toEqual([
      ['US-FL', '33101-1234', '2025-03-01T00:00:00.000Z'],
      ['CA-ON', 'M5V 2T6', '2025-03-01T19:30:00.000Z'],
      [null, null, null],
    ]);
  });

  it('reads the CSV columns of those names, not as variables', async () => {
    const id = await newCampaign();
    const csv = [
      'phone,State,zip,consent_date,plan',
      '+14155550111,fl,33101,2025-03-01,gold',
      '+14155550112,XX,33101,2025-03-01,gold',
      '+14155550113,,,,silver',
    ].join('\n');
    const res = await http.request('POST', `/campaigns/${id}/prospects`, {
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ accepted: 2, rejectedCount: 1 });
    expect(res.body.rejected[0]).toEqual({ row: 2, reason: expect.stringMatching(/^state "XX"/) });
    const items = await listed(id);
    expect(items[0]).toMatchObject({
      state: 'US-FL',
      postalCode: '33101',
      consentedAt: '2025-03-01T00:00:00.000Z',
      variables: { plan: 'gold' },
    });
    expect(items[1]).toMatchObject({
      state: null,
      postalCode: null,
      consentedAt: null,
      variables: { plan: 'silver' },
    });
  });
});
