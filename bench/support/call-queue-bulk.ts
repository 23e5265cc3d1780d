/**
 * Part 1 of bench/call-queue.bench.ts: 100,000 calls queued through `POST /api/calls/bulk-queue`
 * on an API child process while no worker runs, then the read routes timed with them queued.
 */
import { readFileSync } from 'node:fs';
import { campaignWorkflowId } from '@engine/contracts';
import { createCustomerWithApiKey } from '@engine/db';
import { sql } from 'kysely';
import type { ApiChild } from './api-child';
import type { BenchStack } from './campaign-bench-stack';
import { sleep } from './campaign-bench-stack';
import {
  ALL_AREA_CODES,
  apiClient,
  bulkRow,
  nthNumber,
  spread,
  tableWrites,
  walBytes,
} from './call-queue-bench';
import { peakRssMiB, processCpuSeconds, rssMiB, treeCpuSeconds } from './proc-stats';

export interface BulkOptions {
  requests: number;
  rowsPerRequest: number;
  /** Worker-probe lines of the API child (heap, event-loop delay). */
  probeFile: string;
}

interface ProbeLine {
  at: number;
  heapUsedMiB: number;
  rssMiB: number;
  eventLoopDelayMaxMs: number;
}

const probeLines = (file: string, from: number, to: number): ProbeLine[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProbeLine)
    .filter((l) => l.at >= from && l.at <= to);

/** Runs part 1 and prints its figures; returns one summary line. */
export async function benchBulkQueueing(stack: BenchStack, api: ApiChild, o: BulkOptions): Promise<string> {
  const pid = api.child.pid!;
  // Warm-up on another customer: JIT, pools, the verified-key cache.
  const warm = await createCustomerWithApiKey(stack.db, 'bench warm-up');
  const warmCall = apiClient(api.url, warm.apiKey);
  const warmRows = Array.from({ length: 200 }, (_, i) => bulkRow(nthNumber(['646'], i), i, 'w', Date.now()));
  const w = await warmCall(
    'POST',
    '/calls/bulk-queue',
    JSON.stringify({ batch_id: 'warm', calls: warmRows }),
  );
  if (w.status !== 201) throw new Error(`warm-up bulk-queue answered ${w.status}: ${JSON.stringify(w.json)}`);
  await warmCall('GET', '/queue/status');

  const { customer, apiKey } = await createCustomerWithApiKey(stack.db, 'bench bulk');
  const call = apiClient(api.url, apiKey);
  const now = Date.now();
  // Bodies serialised before the clock starts: the client's JSON work is not the API's.
  const bodies = Array.from({ length: o.requests }, (_, r) => {
    const rows = Array.from({ length: o.rowsPerRequest }, (_, k) => {
      const i = r * o.rowsPerRequest + k;
      return bulkRow(nthNumber(ALL_AREA_CODES, i), i, 'crm', now);
    });
    return JSON.stringify({ batch_id: `import-${r + 1}`, calls: rows });
  });
  const bodyMiB = bodies.reduce((a, b) => a + Buffer.byteLength(b), 0) / o.requests / 1048576;

  // A backend flushes its pg_stat counters at most every second, and 10 s after it went idle.
  await sleep(11_000);
  const writes0 = await tableWrites(stack.db);
  const wal0 = await walBytes(stack.db);
  const rss0 = rssMiB(pid);
  const cpu0 = { api: processCpuSeconds(pid), pg: treeCpuSeconds(stack.pids.postgres!) };
  const t0 = Date.now();
  const latencies: number[] = [];
  let accepted = 0;
  for (const body of bodies) {
    const res = await call('POST', '/calls/bulk-queue', body);
    if (res.status !== 201) throw new Error(`bulk-queue answered ${res.status}: ${JSON.stringify(res.json)}`);
    accepted += (res.json as { accepted: number }).accepted;
    latencies.push(res.ms);
  }
  const seconds = (Date.now() - t0) / 1000;
  const cpu = { api: processCpuSeconds(pid) - cpu0.api, pg: treeCpuSeconds(stack.pids.postgres!) - cpu0.pg };
  await sleep(11_000);
  const peakRss = peakRssMiB(pid);
  const probes = probeLines(o.probeFile, t0, Date.now());
  const peakHeap = Math.max(...probes.map((p) => p.heapUsedMiB));
  const worstLoopDelay = Math.max(...probes.map((p) => p.eventLoopDelayMaxMs));
  const writes1 = await tableWrites(stack.db);
  const walMiB = ((await walBytes(stack.db)) - wal0) / 1048576;
  const written = Object.entries(writes1)
    .map(([t, n]) => [t, n - (writes0[t] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const rowsWritten = written.reduce((a, [, n]) => a + n, 0);

  const total = o.requests * o.rowsPerRequest;
  console.log(
    `\n== Part 1: bulk queueing (${o.requests} x ${o.rowsPerRequest} rows, ${bodyMiB.toFixed(2)} MiB a body, no worker)`,
  );
  console.log(
    `  accepted ${accepted} of ${total} in ${seconds.toFixed(1)} s: ${(o.requests / seconds).toFixed(2)} requests/s, ${(accepted / seconds).toFixed(0)} calls/s`,
  );
  console.log(
    `  per request ms: ${spread(latencies, 0)}; all: ${latencies.map((l) => l.toFixed(0)).join(' ')}`,
  );
  console.log(
    `  API process: VmRSS ${rss0.toFixed(0)} MiB before, peak (VmHWM) ${peakRss.toFixed(0)} MiB, ${rssMiB(pid).toFixed(0)} MiB after; ` +
      `heap used peak ${peakHeap.toFixed(0)} MiB (sampled every 200 ms, no forced GC); event-loop delay max ${worstLoopDelay.toFixed(0)} ms`,
  );
  console.log(
    `  CPU during the requests: API ${cpu.api.toFixed(1)} s (${((cpu.api / accepted) * 1e6).toFixed(0)} µs a call), PostgreSQL ${cpu.pg.toFixed(1)} s`,
  );
  console.log(
    `  PostgreSQL rows written ${rowsWritten} (${(rowsWritten / accepted).toFixed(2)} a call): ${written.map(([t, n]) => `${t} ${n}`).join(', ')}; WAL ${walMiB.toFixed(0)} MiB (${((walMiB * 1048576) / accepted).toFixed(0)} B a call)`,
  );

  const reads = await timeReads(stack, call, customer.id);
  for (const l of reads.lines) console.log(l);
  await dropQueue(stack, customer.id);
  await dropQueue(stack, warm.customer.id);
  return (
    `bulk: ${(accepted / seconds).toFixed(0)} calls/s, request ms ${spread(latencies, 0)}, API peak RSS ${peakRss.toFixed(0)} MiB, ` +
    `heap ${peakHeap.toFixed(0)} MiB, rows ${(rowsWritten / accepted).toFixed(2)}/call; ${reads.summary}`
  );
}

/** Queue status, call status (by id and by custom id), batch view and cancel, timed with the calls queued. */
async function timeReads(stack: BenchStack, call: ReturnType<typeof apiClient>, customerId: string) {
  const ids = await sql<{ id: string; custom_call_id: string | null }>`
    select id, custom_call_id from queued_calls where customer_id = ${customerId}`.execute(stack.db);
  const byId = ids.rows.map((r) => r.id);
  const byCustom = ids.rows.flatMap((r) => (r.custom_call_id ? [r.custom_call_id] : []));
  const pick = <T>(list: T[], i: number) => list[(i * 7_919) % list.length]!;
  const timed = async (
    n: number,
    req: (i: number) => Promise<{ status: number; ms: number; json: unknown }>,
    ok = 200,
  ) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const res = await req(i);
      if (res.status !== ok) throw new Error(`answered ${res.status}: ${JSON.stringify(res.json)}`);
      out.push(res.ms);
    }
    return out;
  };
  const queueStatus = await timed(50, () => call('GET', '/queue/status'));
  const statusById = await timed(200, (i) => call('GET', `/calls/${pick(byId, i)}/status`));
  const statusByCustom = await timed(200, (i) =>
    call('GET', `/calls/${encodeURIComponent(pick(byCustom, i))}/status`),
  );
  const batch = await timed(20, () => call('GET', '/calls/batches/import-1'));
  const cancel = await timed(100, (i) => call('DELETE', `/calls/${byId[(i * 997) % byId.length]!}`));
  const lines = [
    `  with ${ids.rows.length} calls queued (ms):`,
    `    GET /api/queue/status (50)                  ${spread(queueStatus)}`,
    `    GET /api/calls/:id/status by call_id (200)  ${spread(statusById)}`,
    `    GET /api/calls/:id/status by custom id (200) ${spread(statusByCustom)}`,
    `    GET /api/calls/batches/:batchId, 10,000 calls (20) ${spread(batch)}`,
    `    DELETE /api/calls/:id (100)                  ${spread(cancel)}`,
  ];
  const p = (v: number[]) => spread(v).split(' / ').slice(0, 2).join(' / ');
  return { lines, summary: `queue/status ${p(queueStatus)} ms, call status ${p(statusById)} ms` };
}

/** Ends the bulk customer's queue: its workflow terminated (no worker ever ran it), its calls cancelled. */
async function dropQueue(stack: BenchStack, customerId: string): Promise<void> {
  const queue = await stack.db
    .selectFrom('campaigns')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'call_queue')
    .executeTakeFirstOrThrow();
  await stack.client.workflow
    .getHandle(campaignWorkflowId(queue.id))
    .terminate('call-queue bench: bulk part done')
    .catch(() => undefined);
  const now = new Date();
  await sql`update prospects set status = 'cancelled', status_reason = 'bench', updated_at = ${now}
    where campaign_id = ${queue.id} and status = 'queued'`.execute(stack.db);
  await sql`update queued_calls set cancelled_at = ${now}, cancel_reason = 'bench'
    where queue_id = ${queue.id} and cancelled_at is null`.execute(stack.db);
  await sql`update campaigns set status = 'cancelled' where id = ${queue.id}`.execute(stack.db);
}
