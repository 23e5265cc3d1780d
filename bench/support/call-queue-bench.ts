/**
 * Pieces of bench/call-queue.bench.ts: realistic bulk-queue rows, an area code whose recipients
 * are inside their calling window now, PostgreSQL write counters, a queue workflow's runs, and a
 * small JSON client for the API.
 */
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '@engine/db';
import type { RunHistory } from './history';

/** US area codes by zone (real ones), west to east. */
const AREA_CODES_BY_ZONE: ReadonlyArray<{ zone: string; areaCodes: string[] }> = [
  { zone: 'Pacific/Honolulu', areaCodes: ['808'] },
  { zone: 'America/Anchorage', areaCodes: ['907'] },
  { zone: 'America/Los_Angeles', areaCodes: ['415', '213', '206'] },
  { zone: 'America/Denver', areaCodes: ['303', '801'] },
  { zone: 'America/Chicago', areaCodes: ['312', '214', '612'] },
  { zone: 'America/New_York', areaCodes: ['212', '617', '305', '404'] },
];

/** Every area code above (the rows of a bulk queue that is not dialed). */
export const ALL_AREA_CODES = AREA_CODES_BY_ZONE.flatMap((z) => z.areaCodes);

/**
 * An area code whose local hour is within [fromHour, toHour) now, so that a call to it is inside
 * every US calling window for the length of a run; undefined at hours when no US zone is.
 */
export function callableAreaCode(now: Date, fromHour = 9, toHour = 19): string | undefined {
  for (const { zone, areaCodes } of AREA_CODES_BY_ZONE) {
    const hour = Number(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(now),
    );
    if (hour >= fromHour && hour < toHour) return areaCodes[0];
  }
  return undefined;
}

/** The `n`-th distinct E.164 number over `areaCodes` (exchanges from 201, lines 0000-9999). */
export function nthNumber(areaCodes: readonly string[], n: number): string {
  const areaCode = areaCodes[n % areaCodes.length]!;
  const rest = Math.floor(n / areaCodes.length);
  const exchange = 201 + Math.floor(rest / 10_000);
  return `+1${areaCode}${exchange}${String(rest % 10_000).padStart(4, '0')}`;
}

const PRIORITIES = [
  'normal',
  'normal',
  'normal',
  'normal',
  'normal',
  'high',
  'high',
  'high',
  'low',
  'urgent',
];

/**
 * One row of a bulk queue as a CRM would send it: mixed priorities (50 % normal, 30 % high, 10 %
 * low, 10 % urgent), a custom id on 30 % of rows, retries 0-3, 10 % scheduled 1-48 h ahead (if
 * `scheduleShare`), and a call_config with a flow and five variables.
 */
export function bulkRow(
  phone: string,
  i: number,
  prefix: string,
  now: number,
  scheduleShare = 0.1,
): Record<string, unknown> {
  const row: Record<string, unknown> = {
    phone_number: phone,
    priority: PRIORITIES[i % PRIORITIES.length],
    max_retries: i % 4,
    call_config: {
      agent: 'ai',
      voice: 'en-US',
      flow_name: 'payment-reminder',
      max_duration: 600,
      recording_enabled: i % 2 === 0,
      variables: {
        name: `Customer ${i}`,
        account_id: `ACC-${String(100_000 + i)}`,
        amount_due: `${(i % 900) + 100}.${String(i % 100).padStart(2, '0')}`,
        due_date: '2026-12-15',
        language: i % 5 === 0 ? 'es' : 'en',
      },
    },
  };
  if (i % 10 < 3) row['custom_call_id'] = `${prefix}-${i}`;
  if ((i * 7919) % 1000 < scheduleShare * 1000)
    row['scheduled_at'] = new Date(now + 3_600_000 * (1 + (i % 48))).toISOString();
  return row;
}

/** Rows inserted/updated/deleted so far, by table (pg_stat_user_tables; flushed about every second). */
export async function tableWrites(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await sql<{ relname: string; n: string }>`
    select relname, (n_tup_ins + n_tup_upd + n_tup_del)::text as n from pg_stat_user_tables`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.relname, Number(r.n)]));
}

/** The WAL position in bytes (what the cluster has written to its log so far). */
export async function walBytes(db: Kysely<Database>): Promise<number> {
  const row = await sql<{ b: string }>`select (pg_current_wal_lsn() - '0/0'::pg_lsn)::text as b`.execute(db);
  return Number(row.rows[0]?.b ?? Number.NaN);
}

/** Every run of a workflow that may still be running, oldest first (walked back from its newest run). */
export async function runsOf(client: Client, workflowId: string): Promise<RunHistory[]> {
  const runs: RunHistory[] = [];
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory();
    const events: temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
    runs.unshift({ runId, events });
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}

/** A keep-alive JSON client for the API with one customer's key; each call is timed. */
export function apiClient(baseUrl: string, apiKey: string) {
  return async (
    method: string,
    path: string,
    body?: string,
  ): Promise<{ status: number; ms: number; json: unknown }> => {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    return { status: res.status, ms, json: text ? (JSON.parse(text) as unknown) : undefined };
  };
}

/** p50 / p99 / max of a list, as text with `digits` decimals. */
export function spread(values: number[], digits = 1): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const f = (v: number | undefined) => (v === undefined ? 'n/a' : v.toFixed(digits));
  return `p50 ${f(at(50))} / p99 ${f(at(99))} / max ${f(sorted[sorted.length - 1])}`;
}
