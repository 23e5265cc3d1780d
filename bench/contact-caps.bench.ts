/**
 * Frequency-cap benchmark: the cost of reserving a contact in the ledger (`reserveContacts`: one
 * transaction, the numbers' advisory locks, a read of their last 7 days, the insert) with 50
 * dialers reserving at once, as 50 concurrent dial ticks across worker processes would.
 *
 *   node -r @swc-node/register bench/contact-caps.bench.ts
 *
 * Uses DATABASE_URL if set (a database of its own is created there and dropped at the end),
 * otherwise a throwaway embedded PostgreSQL. Each dialer has a connection of its own: 5 pools of
 * 10 connections, as 5 worker processes would. Scenarios (each `BENCH_ROUND_S`, default 8 s):
 *
 * - `serial`: one dialer alone, distinct numbers: the latency of a reservation without queueing;
 * - `fresh`: one contact per reservation, every number distinct (no lock is ever waited for);
 * - `mixed`: one contact per reservation; 80 % distinct numbers, 20 % one of 10 hot numbers (every
 *   dialer wants them, so they serialise on their locks and are mostly refused by the cap);
 * - `batch`: 10 contacts per reservation (one dial tick's calls), same mix;
 * - `hot`: one contact per reservation, all on the 10 hot numbers (the worst case).
 *
 * Prints per scenario: reservations/s, contacts/s, p50/p99/max latency of one `reserveContacts`
 * call, how many were refused, and whether any number exceeded its cap (it must not).
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ContactRequest, Database } from '@engine/db';
import {
  createCustomerWithApiKey,
  createDb,
  insertCampaign,
  migrateToLatest,
  reserveContacts,
} from '@engine/db';
import { DefaultContactCaps } from '@engine/domain';
import { armHardStop, benchPostgres, percentile } from './support/services';

const DIALERS = 50;
const POOLS = 5;
const ROUND_MS = Number(process.env['BENCH_ROUND_S'] ?? 8) * 1000;
const WARMUP_MS = 1_000;
const HOT_NUMBERS = 10;
const HOT_SHARE = 0.2;
const HARD_LIMIT_MS = 3 * 60_000;

interface Scenario {
  name: string;
  batch: number;
  hotShare: number;
  /** Concurrent dialers (default `DIALERS`). */
  dialers?: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'serial', batch: 1, hotShare: 0, dialers: 1 },
  { name: 'fresh', batch: 1, hotShare: 0 },
  { name: 'mixed', batch: 1, hotShare: HOT_SHARE },
  { name: 'batch', batch: 10, hotShare: HOT_SHARE },
  { name: 'hot', batch: 1, hotShare: 1 },
];

interface Figures {
  calls: number;
  contacts: number;
  refused: number;
  seconds: number;
  latencies: number[];
}

interface Target {
  pools: Array<Kysely<Database>>;
  customerId: string;
  campaignId: string;
}

let sequence = 0;
const hotNumber = (run: string, i: number) => `+1212${run}${String(i).padStart(3, '0')}`;
const freshNumber = () => `+1646${String(1_000_000 + (sequence % 8_999_999)).padStart(7, '0')}`;

function requestsFor(target: Target, scenario: Scenario, run: string): ContactRequest[] {
  return Array.from({ length: scenario.batch }, () => {
    sequence += 1;
    const hot = Math.random() < scenario.hotShare;
    return {
      attemptId: `bench-${run}-${sequence}`,
      customerId: target.customerId,
      phone: hot ? hotNumber(run, Math.floor(Math.random() * HOT_NUMBERS)) : freshNumber(),
      channel: 'voice',
      campaignId: target.campaignId,
      at: new Date(),
      ...DefaultContactCaps,
    };
  });
}

/** `scenario.dialers` loops reserving one after another until `ms` have passed; latencies after the warm-up. */
async function runScenario(target: Target, scenario: Scenario, run: string, ms: number): Promise<Figures> {
  const figures: Figures = { calls: 0, contacts: 0, refused: 0, seconds: 0, latencies: [] };
  const start = performance.now();
  const measureFrom = start + WARMUP_MS;
  const deadline = measureFrom + ms;
  await Promise.all(
    Array.from({ length: scenario.dialers ?? DIALERS }, async (_, dialer) => {
      const db = target.pools[dialer % target.pools.length]!;
      while (performance.now() < deadline) {
        const requests = requestsFor(target, scenario, run);
        const t0 = performance.now();
        const answers = await reserveContacts(db, requests);
        const t1 = performance.now();
        if (t0 < measureFrom) continue;
        figures.calls += 1;
        figures.contacts += requests.length;
        figures.refused += answers.filter((a) => !a.reserved).length;
        figures.latencies.push(t1 - t0);
      }
    }),
  );
  figures.seconds = (performance.now() - measureFrom) / 1000;
  return figures;
}

/** The most contacts any number of the run got in any 24 hours (all of the run is within a day). */
async function mostPerNumber(db: Kysely<Database>, run: string): Promise<number> {
  const row = await sql<{ most: string | null }>`
    select max(n) as most from (
      select count(*) as n from contact_ledger where attempt_id like ${`bench-${run}-%`} group by phone
    ) t`.execute(db);
  return Number(row.rows[0]?.most ?? 0);
}

async function main(): Promise<void> {
  armHardStop(HARD_LIMIT_MS);
  const pg = await benchPostgres();
  const admin = createDb(pg.url, { maxConnections: 2, applicationName: 'bench-admin' });
  const dbName = `ce_bench_caps_${randomBytes(3).toString('hex')}`;
  await sql.raw(`create database ${dbName}`).execute(admin);
  const url = new URL(pg.url);
  url.pathname = `/${dbName}`;
  const pools = Array.from({ length: POOLS }, (_, i) =>
    createDb(url.toString(), { maxConnections: DIALERS / POOLS, applicationName: `bench-caps-${i}` }),
  );
  try {
    const db = pools[0]!;
    await migrateToLatest(db);
    const { customer } = await createCustomerWithApiKey(db, 'bench caps');
    const campaign = await insertCampaign(db, { customer_id: customer.id, name: 'bench', channel: 'voice' });
    const target: Target = { pools, customerId: customer.id, campaignId: campaign.id };
    console.log(
      `contact caps: ${DIALERS} concurrent dialers over ${POOLS} pools, caps ${DefaultContactCaps.per24h}/24 h ` +
        `and ${DefaultContactCaps.per7d}/7 d, ${ROUND_MS / 1000} s per scenario after ${WARMUP_MS / 1000} s warm-up`,
    );
    for (const [i, scenario] of SCENARIOS.entries()) {
      const run = String(100 + i);
      const f = await runScenario(target, scenario, run, ROUND_MS);
      const sorted = [...f.latencies].sort((a, b) => a - b);
      const most = await mostPerNumber(db, run);
      console.log(
        `${scenario.name.padEnd(6)} ${String(scenario.dialers ?? DIALERS).padStart(2)} dialers, batch ${String(scenario.batch).padStart(2)}, hot ${Math.round(scenario.hotShare * 100)} %: ` +
          `${(f.calls / f.seconds).toFixed(0)} reservations/s (${(f.contacts / f.seconds).toFixed(0)} contacts/s), ` +
          `latency p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ` +
          `max ${percentile(sorted, 100).toFixed(1)} ms; refused ${((100 * f.refused) / Math.max(1, f.contacts)).toFixed(1)} %; ` +
          `most contacts on one number ${most} (cap ${DefaultContactCaps.per24h}) ${most <= DefaultContactCaps.per24h ? 'ok' : 'EXCEEDED'}`,
      );
    }
    const rows = await sql<{ n: string }>`select count(*) as n from contact_ledger`.execute(db);
    const load = loadavg().map((l) => l.toFixed(1));
    console.log(
      `ledger rows at the end: ${rows.rows[0]?.n}; machine load average (1/5/15 min): ${load.join(' / ')}`,
    );
  } finally {
    await Promise.all(pools.map((p) => p.destroy()));
    await sql.raw(`drop database if exists ${dbName}`).execute(admin);
    await admin.destroy();
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
