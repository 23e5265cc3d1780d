import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiStack } from './support/api-stack';
import { startApiStack } from './support/api-stack';

const ROWS = 100_000;

/** A CSV produced chunk by chunk: the test never holds the file either. */
function csvStream(
  rows: number,
  line: (i: number) => string,
  header: string,
  prefix = '',
  suffix = '',
): ReadableStream<Uint8Array> {
  let i = 0;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${prefix}${header}\n`));
    },
    pull(controller) {
      if (i >= rows) {
        if (suffix) controller.enqueue(encoder.encode(suffix));
        controller.close();
        return;
      }
      const parts: string[] = [];
      for (let n = 0; n < 2000 && i < rows; n += 1, i += 1) parts.push(line(i));
      controller.enqueue(encoder.encode(`${parts.join('\n')}\n`));
    },
  });
}

/** Samples the process's memory while `work` runs (the API under test runs in this process). */
async function measured<T>(work: () => Promise<T>): Promise<{
  result: T;
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
  peakExternalMb: number;
  baseRssMb: number;
}> {
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  let peakExternal = base.external;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakExternal = Math.max(peakExternal, m.external);
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      ms: performance.now() - started,
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
      peakExternalMb: peakExternal / 2 ** 20,
      baseRssMb: base.rss / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

describe('prospect and suppression bulk loads', () => {
  let s: ApiStack;
  let http: ApiClient;
  let apiKey: string;

  beforeAll(async () => {
    s = await startApiStack();
    ({ http, apiKey } = await s.tenant('Importer'));
  });
  afterAll(() => s?.close());

  const newCampaign = async () =>
    (await http.post('/campaigns', { name: 'Import', channel: 'voice' })).body.id as string;
  const count = async (campaignId: string) =>
    Number(
      (
        await s.stack.database.db
          .selectFrom('prospects')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('campaign_id', '=', campaignId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it(`streams a ${ROWS.toLocaleString('en')}-row multipart CSV in batches`, async () => {
    const id = await newCampaign();
    const boundary = '----engine-test-boundary';
    // Every 10,000th row is invalid; every 25,000th repeats the row before it.
    const line = (i: number) => {
      if (i % 10_000 === 9_999) return `not-a-number,Bad${i},,gold`;
      const n = i % 25_000 === 24_999 ? i - 1 : i;
      const zone = i % 3 === 0 ? 'America/New_York' : '';
      return `+1415${2_000_000 + n},"Name, ${i}",${zone},silver`;
    };
    const invalid = Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 10_000 === 9_999).length;
    const repeated = Array.from({ length: ROWS }, (_, i) => i).filter(
      (i) => i % 25_000 === 24_999 && i % 10_000 !== 9_999,
    ).length;
    const body = csvStream(
      ROWS,
      line,
      'phone,first_name,timezone,plan',
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="prospects.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      `\r\n--${boundary}--\r\n`,
    );
    const m = await measured(() =>
      http.request('POST', `/campaigns/${id}/prospects`, {
        body: body as unknown as RequestInit['body'],
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      }),
    );
    const res = m.result;
    expect(res.status, res.text).toBe(200);
    expect(res.body.accepted).toBe(ROWS - invalid - repeated);
    expect(res.body.duplicates).toBe(repeated);
    expect(res.body.rejectedCount).toBe(invalid);
    expect(res.body.rejected[0]).toMatchObject({ row: 10_000 });
    expect(res.body.rejected[0].reason).toMatch(/letters/);
    expect(await count(id)).toBe(ROWS - invalid - repeated);
    const rowsPerSecond = Math.round(ROWS / (m.ms / 1000));
    console.log(
      `[csv import] ${ROWS} rows (multipart) in ${(m.ms / 1000).toFixed(2)} s = ${rowsPerSecond} rows/s; ` +
        `RSS ${m.baseRssMb.toFixed(0)} MB -> peak ${m.peakRssMb.toFixed(0)} MB; peak heap used ${m.peakHeapMb.toFixed(0)} MB; peak external ${m.peakExternalMb.toFixed(0)} MB`,
    );
    // Streamed: memory does not grow with the file (measured: about +40 MB for 100k rows).
    expect(m.peakRssMb - m.baseRssMb).toBeLessThan(200);

    const first = await http.get(`/campaigns/${id}/prospects?limit=2`);
    expect(first.body.items[0]).toMatchObject({
      phone: '+14152000000',
      timezone: 'America/New_York',
      areaCode: '415',
      variables: { first_name: 'Name, 0', plan: 'silver' },
      status: 'queued',
    });
    expect(first.body.items[1].timezone).toBeNull();
  });

  it('takes a text/csv body, and reports bad rows with reasons', async () => {
    const id = await newCampaign();
    const csv = [
      'Phone,Timezone,company',
      '(415) 555-0101,America/Chicago,Acme',
      '415-555-0102,Mars/Olympus,Acme',
      '123,,Acme',
      '',
      '+44 20 7946 0958,Europe/London,Globex',
      '(415) 555-0101,,Acme again',
      ',,empty phone',
    ].join('\n');
    const res = await http.request('POST', `/campaigns/${id}/prospects`, {
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ accepted: 2, duplicates: 1, rejectedCount: 3 });
    expect(res.body.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3, 6]);
    expect(res.body.rejected[0].reason).toMatch(/timezone "Mars\/Olympus"/);
    expect(res.body.rejected[1].reason).toMatch(/phone "123"/);

    const streamed = await http.request('POST', `/campaigns/${id}/prospects`, {
      body: csvStream(
        20_000,
        (i) => `+1212${3_000_000 + i},v${i}`,
        'phone,v',
      ) as unknown as RequestInit['body'],
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(streamed.status, streamed.text).toBe(200);
    expect(streamed.body.accepted).toBe(20_000);
  });

  it('refuses a CSV without a phone column, a malformed one (loading nothing), and unknown media types', async () => {
    const id = await newCampaign();
    const post = (body: string, type = 'text/csv') =>
      http.request('POST', `/campaigns/${id}/prospects`, { body, headers: { 'content-type': type } });
    const noPhone = await post('name,email\nA,a@example.com\n');
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.message).toMatch(/phone/);
    const malformed = await post('phone,name\n+14155550101,ok\n+14155550102,"unterminated\n');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/CSV is malformed/);
    expect(await count(id)).toBe(0);
    expect((await post('')).status).toBe(400);
    expect((await post('<xml/>', 'application/xml')).status).toBe(415);
    const noFile = await http.request('POST', `/campaigns/${id}/prospects`, {
      body: '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(noFile.status).toBe(400);
    expect(noFile.body.message).toMatch(/file/);
  });

  it('suppresses from JSON and CSV, gets, lists and removes suppressions (GET and DELETE 404 afterwards)', async () => {
    const csv = [
      'phone,reason',
      '+14155550201,asked',
      '(415) 555-0202,',
      'garbage,x',
      '+14155550201,again',
    ].join('\n');
    const res = await http.request('POST', '/suppressions', {
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ added: 2, duplicates: 1, rejectedCount: 1 });

    const one = await http.post('/suppressions', { phone: '415 555 0203', reason: 'complaint' });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({
      phone: '+14155550203',
      reason: 'complaint',
      source: 'api',
      created: true,
    });
    expect((await http.post('/suppressions', { phone: '+14155550203' })).body.created).toBe(false);
    const bulk = await http.post('/suppressions', { phones: ['+14155550204', 'nope', '+14155550204'] });
    expect(bulk.status).toBe(200);
    expect(bulk.body).toMatchObject({ added: 1, duplicates: 1, rejectedCount: 1 });
    expect(bulk.body.rejected).toEqual([{ row: 2, reason: expect.stringContaining('nope') }]);
    // A list item that is not even a string is a 400 naming it, not a row to report.
    const notText = await http.post('/suppressions', { phones: ['+14155550205', 12] });
    expect(notText.status).toBe(400);
    expect(notText.body).toMatchObject({ code: 'validation_failed', field: 'phones[1]' });

    const entry = await http.get(`/suppressions/${encodeURIComponent('+14155550201')}`);
    expect(entry.status).toBe(200);
    expect(entry.body).toEqual({
      phone: '+14155550201',
      reason: 'asked',
      source: 'import',
      createdAt: expect.any(String),
    });
    // Any common format names the same entry.
    expect((await http.get('/suppressions/(415)%20555-0201')).body.phone).toBe('+14155550201');
    const none = await http.get('/suppressions/4155550299');
    expect(none.status).toBe(404);
    expect(none.body.message).toContain('+14155550299 is not suppressed');
    const list = await http.get('/suppressions?limit=2');
    expect(list.body.items).toHaveLength(2);
    const rest = await http.get(`/suppressions?limit=10&cursor=${list.body.nextCursor}`);
    expect(rest.body.items).toHaveLength(2);

    // A real DELETE: the entry is gone, so its URL answers 404 to GET and to a second DELETE.
    expect((await http.delete(`/suppressions/${encodeURIComponent('+14155550201')}`)).status).toBe(204);
    expect((await http.delete(`/suppressions/${encodeURIComponent('+14155550201')}`)).status).toBe(404);
    expect((await http.get(`/suppressions/${encodeURIComponent('+14155550201')}`)).status).toBe(404);
    // Suppressed again: a new entry at the same URL.
    expect((await http.post('/suppressions', { phone: '+14155550201' })).status).toBe(201);
    expect((await http.get(`/suppressions/${encodeURIComponent('+14155550201')}`)).status).toBe(200);
    expect(apiKey).toBeTruthy();
  });
});
