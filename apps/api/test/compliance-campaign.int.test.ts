import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoneWithLocalHour } from '@engine/testing';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack, waitFor } from './support/api-stack';

/** Florida, Texas, Washington, California and the split Florida panhandle code. */
const AREA_CODES = ['305', '512', '206', '415', '850'];

describe('the compliance report of a campaign run end to end', () => {
  let s: ApiStack;
  let http: ApiClient;
  // 13:00-19:00 local: inside every rule of these states on any day, Sundays included (Texas 12:00).
  const zone = zoneWithLocalHour(new Date(), 13, 18);

  beforeAll(async () => {
    s = await startApiStack({ timeScale: 0.0005 });
    await s.stack.startWorker();
    ({ http } = await s.tenant('Compliance'));
  });
  afterAll(() => s?.close());

  it('lists every call with its rules and has zero flags', async () => {
    const created = await http.post('/campaigns', {
      name: 'Compliant outreach',
      channel: 'voice',
      mode: { calls_per_second: 5, max_attempts: 1, agent: 'plain' },
      schedule: { calling_hours: { start: '12:00', end: '20:00' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.schedule.calling_hours).toEqual({ start: '12:00', end: '20:00', days: null });
    const id = created.body.id as string;
    const prospects = AREA_CODES.flatMap((code, i) =>
      Array.from({ length: 4 }, (_, j) => ({
        phone: `+1${code}555${String(2000 + i * 10 + j).padStart(4, '0')}`,
        timezone: zone,
        ...(j === 0 ? { state: 'TX', zip: '33101' } : {}),
      })),
    );
    expect((await http.post(`/campaigns/${id}/prospects`, { prospects })).body.accepted).toBe(
      prospects.length,
    );
    for (const number of ['+14152000011', '+14152000012']) {
      expect((await http.post('/dids', { number })).status).toBe(201);
    }
    expect((await http.post(`/campaigns/${id}/start`)).status).toBe(200);
    await waitFor(
      async () => (await http.get(`/campaigns/${id}`)).body.status === 'completed',
      120_000,
      'the campaign to complete',
    );

    const summary = await http.get(`/campaigns/${id}/compliance/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ attempts: prospects.length, flagged: 0 });
    expect((await http.get(`/campaigns/${id}/compliance?flagged=true`)).body.items).toEqual([]);

    const report = await http.get(`/campaigns/${id}/compliance?limit=100`);
    expect(report.body.items).toHaveLength(prospects.length);
    expect(report.body.nextCursor).toBeNull();
    for (const item of report.body.items) {
      expect(item.flags).toEqual([]);
      expect(item.rules).toEqual(expect.arrayContaining(['federal.voice', 'campaign']));
      expect(item.recipientLocalTimes.map((t: { zone: string }) => t.zone)).toEqual([zone]);
    }
    // A Miami number whose owner is stated to live in Texas is bound by both states' rows.
    const both = report.body.items.find((i: { phone: string }) => i.phone === '+13055552000');
    expect(both.regions).toEqual(expect.arrayContaining(['US-FL', 'US-TX']));
    expect(both.rules.some((r: string) => r.startsWith('state:US-FL'))).toBe(true);
    expect(both.rules.some((r: string) => r.startsWith('state:US-TX'))).toBe(true);

    const csv = await http.request('GET', `/campaigns/${id}/compliance?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\n')).toHaveLength(prospects.length + 1);
  }, 180_000);
});
