/**
 * Throughput and latency of `GET /api/campaigns/:id/stats` on a campaign of 1,000,000 prospects.
 *
 *   node -r @swc-node/register bench/api-stats.bench.ts
 *
 * The bench stack (Temporal dev server, embedded PostgreSQL, redis-server, carrier simulator) is
 * started with a campaign worker as a child process; the API under test runs as a child process
 * of its own (apps/api/src/main.ts, as in production), so that the load generator in this
 * process does not share its event loop. One customer (API key), one voice campaign with
 * 1,000,000 prospects loaded with one `insert ... select generate_series` (60 % queued, the rest
 * over the terminal statuses) and about 745,000 call_attempts (one per finished attempt, earlier
 * attempts `no_answer`), then `vacuum analyze` (autovacuum would otherwise run the insert-triggered
 * vacuum in the middle of a measurement and change the plans).
 *
 * Two scenarios, each driven by 1, 8 and 32 concurrent keep-alive HTTP clients (global fetch) for
 * BENCH_STATS_SECONDS (default 15) s, reported per 5-s window (median of the windows) and overall:
 *   - `not running`: the campaign was never started (status `created`): the endpoint only reads
 *     PostgreSQL (campaign row, prospects by status, attempts by outcome);
 *   - `paused`: the real campaign workflow is running, paused (started with a `pause` signal, so
 *     nothing is dialed): the endpoint also queries the workflow (`state`) through Temporal.
 * Then it breaks a request down: the endpoint's own SQL (captured from the repository functions
 * the service calls) timed serially and under EXPLAIN ANALYZE, and the Temporal state query.
 *
 * Env: BENCH_STATS_PROSPECTS (default 1000000), BENCH_STATS_CONCURRENCY (default "1,8,32"),
 * BENCH_STATS_SECONDS (default 15). About 5 minutes on a 2-core machine.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CompiledQuery } from 'kysely';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import {
  CAMPAIGN_WORKFLOW_TYPE,
  campaignSearchAttributes,
  campaignWorkflowId,
  pauseSignal,
  stateQuery,
} from '@engine/contracts';
import type { Database } from '@engine/db';
import {
  campaignAttemptStats,
  countProspectsByStatus,
  createCustomerWithApiKey,
  findCampaign,
  insertCampaign,
} from '@engine/db';
import type { ApiChild } from './support/api-child';
import { startApiChild } from './support/api-child';
import type { BenchStack } from './support/campaign-bench-stack';
import { startBenchStack, waitFor } from './support/campaign-bench-stack';
import type { CpuComponent } from './support/proc-stats';
import { formatCpu, startCpuWindow } from './support/proc-stats';
import { armHardStop, median, percentile } from './support/services';

const PROSPECTS = Number(process.env['BENCH_STATS_PROSPECTS'] ?? 1_000_000);
const CONCURRENCY = (process.env['BENCH_STATS_CONCURRENCY'] ?? '1,8,32').split(',').map(Number);
const SECONDS = Number(process.env['BENCH_STATS_SECONDS'] ?? 15);
const WINDOW_MS = 5_000;
const HARD_LIMIT_MS = 20 * 60_000;

interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  windows: Array<{ rps: number; p50: number; p99: number }>;
  cpu: string;
}

async function main(): Promise<void> {
  armHardStop(HARD_LIMIT_MS);

  const stack = await startBenchStack({ worker: 'child', timeScale: 0.001 });
  const tmp = mkdtempSync(join(tmpdir(), 'ce-bench-api-'));
  let api: ApiChild | undefined;
  try {
    // --- data
    const { customer, apiKey } = await createCustomerWithApiKey(stack.db, 'stats bench');
    await sql`
      insert into dids (customer_id, number, area_code)
      select ${customer.id}, '+1415' || lpad((2000000 + g)::text, 7, '0'), '415'
      from generate_series(0, 99) g`.execute(stack.db);
    const campaign = await insertCampaign(stack.db, {
      customer_id: customer.id,
      name: 'stats bench 1M',
      channel: 'voice',
      // 0.01 calls/s: should anything be dialed before the pause applies, it is one call.
      mode: { calls_per_second: 0.01, max_attempts: 3, min_did_score: 0 },
      schedule: { timezone: stack.callableZone },
    });
    const loadStart = performance.now();
    await loadProspects(stack, campaign.id, PROSPECTS);
    const loadedAt = performance.now();
    await loadCallAttempts(stack, campaign.id);
    const attemptsAt = performance.now();
    await sql`vacuum (analyze) prospects`.execute(stack.db);
    await sql`vacuum (analyze) call_attempts`.execute(stack.db);
    const counts = await sql<{ prospects: string; attempts: string }>`
      select (select count(*) from prospects where campaign_id = ${campaign.id}) as prospects,
             (select count(*) from call_attempts where campaign_id = ${campaign.id}) as attempts`.execute(
      stack.db,
    );
    console.log(
      `loaded ${counts.rows[0]?.prospects} prospects in ${((loadedAt - loadStart) / 1000).toFixed(1)} s, ` +
        `${counts.rows[0]?.attempts} call_attempts in ${((attemptsAt - loadedAt) / 1000).toFixed(1)} s, ` +
        `vacuum analyze ${((performance.now() - attemptsAt) / 1000).toFixed(1)} s`,
    );

    // The endpoint's own throughput is measured: one key driving it hard must not meet the per-key limit.
    api = await startApiChild(join(tmp, 'api.log'), { API_RATE_LIMIT_PER_SECOND: '0' });
    const statsUrl = `${api.url}/api/campaigns/${campaign.id}/stats`;
    const headers = { authorization: `Bearer ${apiKey}` };
    const sample = await fetch(statsUrl, { headers });
    const sampleBody = await sample.text();
    if (sample.status !== 200) throw new Error(`stats answered ${sample.status}: ${sampleBody}`);
    console.log(`stats (not running): ${sampleBody}`);

    const cpuComponents: Record<string, CpuComponent> = {
      api: { pid: api.child.pid },
      postgres: { pid: stack.pids.postgres, tree: true },
      temporal: { pid: stack.pids.temporal },
      worker: { pid: stack.pids.worker },
      'bench (load)': { pid: process.pid },
    };

    const results: Array<{ scenario: string; r: LoadResult }> = [];
    const runScenario = async (scenario: string) => {
      for (const concurrency of CONCURRENCY) {
        // Warm-up: connections opened, plans and caches warm.
        await drive(statsUrl, headers, concurrency, 1_500, cpuComponents);
        const r = await drive(statsUrl, headers, concurrency, SECONDS * 1000, cpuComponents);
        results.push({ scenario, r });
        console.log(
          `  ${scenario.padEnd(11)} c=${String(concurrency).padStart(2)}: ${r.rps.toFixed(1)} req/s, p50 ${r.p50.toFixed(1)} ms, ` +
            `p99 ${r.p99.toFixed(1)} ms (${r.requests} requests${r.errors ? `, ${r.errors} errors: ${r.firstError}` : ''}) ` +
            `| windows rps ${r.windows.map((w) => w.rps.toFixed(1)).join('/')} | CPU ${r.cpu}`,
        );
      }
    };

    console.log(
      `\nscenario 1: campaign not running (status created; PostgreSQL only), ${SECONDS} s per level`,
    );
    await runScenario('not running');

    // --- scenario 2: the real workflow, paused before it dials anything.
    const workflowId = campaignWorkflowId(campaign.id);
    await stack.db
      .updateTable('campaigns')
      .set({ workflow_id: workflowId })
      .where('id', '=', campaign.id)
      .execute();
    const handle = await stack.client.workflow.signalWithStart(CAMPAIGN_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: stack.taskQueue,
      args: [{ campaignId: campaign.id }],
      signal: pauseSignal,
      signalArgs: [{ reason: 'stats bench' }],
      typedSearchAttributes: campaignSearchAttributes({
        campaignId: campaign.id,
        customerId: customer.id,
        channel: 'voice',
        status: 'created',
      }),
    });
    const paused = await waitFor(async () => {
      const row = await findCampaign(stack.db, customer.id, campaign.id);
      return row?.status === 'paused';
    }, 60_000);
    if (!paused) throw new Error('the campaign workflow did not reach paused within 60 s');
    const pausedBody = await (await fetch(statsUrl, { headers })).text();
    console.log(`\nstats (paused): ${pausedBody}`);
    if (!pausedBody.includes('"workflow":{'))
      throw new Error('the stats of the paused campaign carry no workflow state');
    console.log(`scenario 2: campaign paused with its workflow running (PostgreSQL + Temporal query)`);
    await runScenario('paused');

    // --- what a request is made of
    console.log('\nbreakdown of one request (serial, this process, 30 runs each; median / p99):');
    const captured = await captureEndpointQueries(customer.id, campaign.id);
    for (const { name, query } of captured) {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        await stack.db.executeQuery(query);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${name.padEnd(24)} ${median(times).toFixed(2)} ms / ${percentile(times, 99).toFixed(2)} ms   ${oneLine(query.sql)}`,
      );
    }
    const queryTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await handle.query(stateQuery);
      queryTimes.push(performance.now() - t0);
    }
    queryTimes.sort((a, b) => a - b);
    console.log(
      `  ${'temporal state query'.padEnd(24)} ${median(queryTimes).toFixed(2)} ms / ${percentile(queryTimes, 99).toFixed(2)} ms`,
    );

    console.log('\nEXPLAIN (ANALYZE, BUFFERS) of the endpoint queries:');
    for (const { name, query } of captured) {
      const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${sql.raw(
        inlineParameters(query),
      )}`.execute(stack.db);
      const lines = plan.rows.map((r) => r['QUERY PLAN']);
      const total = lines.find((l) => l.startsWith('Execution Time')) ?? '?';
      console.log(`  ${name}: ${total}`);
      for (const l of lines) if (!l.startsWith('Execution Time')) console.log(`      ${l}`);
    }

    // What-if, on this throwaway database only: a covering index for the attempts aggregate.
    console.log(
      '\nwhat-if (bench database only, not in the migrations): ' +
        'create index on call_attempts (campaign_id, outcome) include (duration_seconds)',
    );
    await sql`create index bench_call_attempts_outcome_idx on call_attempts (campaign_id, outcome) include (duration_seconds)`.execute(
      stack.db,
    );
    await sql`vacuum (analyze) call_attempts`.execute(stack.db);
    for (const { name, query } of captured.filter((q) => q.name === 'campaignAttemptStats')) {
      for (const forceIndex of [false, true]) {
        const lines = await stack.db.transaction().execute(async (trx) => {
          if (forceIndex) await sql`set local enable_seqscan = off`.execute(trx);
          const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${sql.raw(
            inlineParameters(query),
          )}`.execute(trx);
          return plan.rows.map((r) => r['QUERY PLAN']);
        });
        const scan = lines.find((l) => /Scan/.test(l))?.trim() ?? '?';
        console.log(
          `  ${name}${forceIndex ? ' (enable_seqscan off)' : ''}: ` +
            `${lines.find((l) => l.startsWith('Execution Time')) ?? '?'}; ${scan.split('  (')[0]}`,
        );
      }
    }
    await sql`drop index bench_call_attempts_outcome_idx`.execute(stack.db);

    console.log(
      `\nGET /api/campaigns/:id/stats, ${PROSPECTS} prospects, ${counts.rows[0]?.attempts} call attempts`,
    );
    console.log('  scenario    | clients | req/s (median 5-s window) | p50 ms | p99 ms | requests | errors');
    for (const { scenario, r } of results) {
      console.log(
        `  ${scenario.padEnd(11)} | ${String(r.concurrency).padStart(7)} | ${median(
          r.windows.map((w) => w.rps),
        )
          .toFixed(1)
          .padStart(
            25,
          )} | ${r.p50.toFixed(1).padStart(6)} | ${r.p99.toFixed(1).padStart(6)} | ${String(r.requests).padStart(8)} | ${r.errors}`,
      );
    }
    await handle.signal('cancel', {}).catch(() => undefined);
  } finally {
    if (api) await api.stop();
    if (api && process.env['BENCH_STATS_KEEP_LOG']) console.log(readFileSync(join(tmp, 'api.log'), 'utf8'));
    rmSync(tmp, { recursive: true, force: true });
    await stack.close();
  }
}

/** 1M prospects in one statement: 60 % queued, 40 % over the terminal statuses (a hash of g). */
async function loadProspects(stack: BenchStack, campaignId: string, n: number): Promise<void> {
  await sql`
    insert into prospects (campaign_id, phone, area_code, timezone, status, attempt_count, last_outcome,
                           next_attempt_at, variables)
    select ${campaignId}, '+1415' || lpad(g::text, 7, '0'), '415', ${stack.callableZone}, s.status,
           case
             when s.status = 'queued' then (h % 10 = 0)::int      -- 10 % of the queue awaits a retry
             when s.status = 'cancelled' then 0                   -- suppressed before dialing
             when s.status = 'no_answer' then 3                   -- max_attempts used up
             else 1 + (h % 4 = 0)::int                            -- a quarter answered on the 2nd try
           end,
           case when s.status = 'queued' then (case when h % 10 = 0 then 'no_answer' end) else s.status end,
           now() + (h % 86400) * interval '1 second',
           jsonb_build_object('first_name', 'P' || g)
    from generate_series(0, ${n - 1}) g
    cross join lateral (select abs(hashint4(g::int)::bigint) as h) hh
    cross join lateral (select case
        when h % 100 < 60 then 'queued'
        when h % 100 < 70 then 'human_connected'
        when h % 100 < 72 then 'human_hangup'
        when h % 100 < 80 then 'voicemail'
        when h % 100 < 92 then 'no_answer'
        when h % 100 < 95 then 'busy'
        when h % 100 < 98 then 'failed'
        else 'cancelled' end as status) s`.execute(stack.db);
}

/** One completed attempt per attempt made: the last carries the prospect's outcome, earlier ones no_answer. */
async function loadCallAttempts(stack: BenchStack, campaignId: string): Promise<void> {
  await sql`
    insert into call_attempts (id, prospect_id, campaign_id, attempt_number, from_number, to_number, status,
                               provider, provider_call_id, outcome, duration_seconds, created_at,
                               originated_at, completed_at)
    select gen_random_uuid(), p.id, p.campaign_id, a.n, '+14152000000', p.phone, 'completed',
           'simulator', 'bench-' || p.id || '-' || a.n, o.outcome,
           case o.outcome
             when 'human_connected' then 20 + p.id % 280
             when 'human_hangup' then 2 + p.id % 10
             when 'voicemail' then 15 + p.id % 30
             else 0 end,
           now() - interval '1 day', now() - interval '1 day', now() - interval '1 day'
    from prospects p
    cross join lateral generate_series(1, p.attempt_count) a(n)
    cross join lateral (select case
        when p.status = 'queued' or a.n < p.attempt_count then 'no_answer'
        else p.status end as outcome) o
    where p.campaign_id = ${campaignId} and p.attempt_count > 0`.execute(stack.db);
}

/** `concurrency` clients, each one request after another, for `durationMs`. */
async function drive(
  url: string,
  headers: Record<string, string>,
  concurrency: number,
  durationMs: number,
  cpuComponents: Record<string, CpuComponent>,
): Promise<LoadResult> {
  const samples: Array<{ at: number; ms: number }> = [];
  let errors = 0;
  let firstError: string | undefined;
  const cpu = startCpuWindow(cpuComponents);
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const res = await fetch(url, { headers });
          const body = await res.text();
          if (res.status !== 200) {
            errors += 1;
            firstError ??= `${res.status} ${body.slice(0, 200)}`;
            continue;
          }
        } catch (err) {
          errors += 1;
          firstError ??= String(err);
          continue;
        }
        const t1 = performance.now();
        samples.push({ at: t1 - start, ms: t1 - t0 });
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuWindow = cpu.stop();
  // A process tree's CPU is read from its live processes: a backend that exited during the window
  // takes its CPU time with it and the difference can go negative; such a figure is not shown.
  const unreadable = Object.keys(cpuWindow.byComponent).filter((k) => cpuWindow.byComponent[k]! < 0);
  for (const k of unreadable) delete cpuWindow.byComponent[k];
  const cpuText = formatCpu(cpuWindow) + (unreadable.length > 0 ? ` (${unreadable.join(', ')}: n/a)` : '');
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  const windows: LoadResult['windows'] = [];
  for (let from = 0; from + WINDOW_MS <= durationMs + 1; from += WINDOW_MS) {
    const inWindow = samples
      .filter((s) => s.at >= from && s.at < from + WINDOW_MS)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    windows.push({
      rps: inWindow.length / (WINDOW_MS / 1000),
      p50: percentile(inWindow, 50),
      p99: percentile(inWindow, 99),
    });
  }
  return {
    concurrency,
    requests: samples.length,
    errors,
    ...(firstError ? { firstError } : {}),
    seconds,
    rps: samples.length / seconds,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    windows: windows.length > 0 ? windows : [{ rps: samples.length / seconds, p50: NaN, p99: NaN }],
    cpu: cpuText,
  };
}

/**
 * The SQL the stats endpoint runs, captured by calling the same repository functions as
 * CampaignsService.stats on a Kysely that logs its queries (so the plans are of the real queries).
 */
async function captureEndpointQueries(
  customerId: string,
  campaignId: string,
): Promise<Array<{ name: string; query: CompiledQuery }>> {
  const captured: CompiledQuery[] = [];
  const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: 1 });
  const logging = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    const out: Array<{ name: string; query: CompiledQuery }> = [];
    const take = async (name: string, run: () => Promise<unknown>) => {
      captured.length = 0;
      await run();
      for (const query of captured) out.push({ name, query });
    };
    await take('findCampaign', () => findCampaign(logging, customerId, campaignId));
    await take('countProspectsByStatus', () => countProspectsByStatus(logging, campaignId));
    await take('campaignAttemptStats', () => campaignAttemptStats(logging, campaignId, 'voice'));
    return out;
  } finally {
    await logging.destroy();
  }
}

/** A compiled query with its $n parameters written in as literals (for EXPLAIN ANALYZE). */
function inlineParameters(query: CompiledQuery): string {
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = query.parameters[Number(n) - 1];
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return `'${String(value).replace(/'/g, "''")}'`;
  });
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').slice(0, 140);

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
