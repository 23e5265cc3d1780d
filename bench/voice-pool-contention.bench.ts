/**
 * A voice campaign on a channel pool that other traffic keeps 90 % busy: how much work does each
 * dial cost when channels, not the pace, are the limit?
 *
 *   node -r @swc-node/register bench/voice-pool-contention.bench.ts
 *
 * The `campaign` pool has its production size (60); 54 of its leases are held by "other traffic"
 * for the whole run, so the campaign has 6 channels. It asks for 20 calls a second; calls last 1 to
 * 6 s (the simulator's default mix at timeScale 0.05), so it can place about two a second. Figures,
 * per dialed prospect: rows written in PostgreSQL (inserts, updates and deletes from
 * pg_stat_user_tables, by table), transactions committed, prospects claimed (the workflow's
 * `claimed` counter; runs of older code have none), activities and billable actions (from the
 * histories, across continue-as-new), and the workflow's poolFull / poolWaits counters.
 *
 * Env: BENCH_POOL_PROSPECTS (default 150), BENCH_POOL_CPS (20). About 2 minutes.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CampaignWorkflowResult } from '@engine/contracts';
import type { Database } from '@engine/db';
import { ChannelSemaphore } from '@engine/redis';
import { sleep, startBenchStack } from './support/campaign-bench-stack';
import { fetchRunChain, summarizeCost } from './support/history';

const PROSPECTS = Number(process.env['BENCH_POOL_PROSPECTS'] ?? 150);
const CPS = Number(process.env['BENCH_POOL_CPS'] ?? 20);
const POOL = 60;
const HELD_BY_OTHERS = 54;
const HARD_LIMIT_MS = 10 * 60_000;

const per = (n: number, d: number) => (d > 0 ? (n / d).toFixed(2) : 'n/a');

interface WriteCounts {
  byTable: Record<string, number>;
  commits: number;
}

/** Rows written per table and transactions committed so far (the statistics lag ~1 s). */
async function writeCounts(db: Kysely<Database>): Promise<WriteCounts> {
  const tables = await sql<{ relname: string; n: string }>`
    select relname, (n_tup_ins + n_tup_upd + n_tup_del)::text as n from pg_stat_user_tables`.execute(db);
  const commits = await sql<{ n: string }>`
    select xact_commit::text as n from pg_stat_database where datname = current_database()`.execute(db);
  return {
    byTable: Object.fromEntries(tables.rows.map((r) => [r.relname, Number(r.n)])),
    commits: Number(commits.rows[0]?.n ?? 0),
  };
}

async function main(): Promise<void> {
  const hardStop = setTimeout(() => {
    console.error(`hard limit of ${HARD_LIMIT_MS / 60_000} min reached`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  hardStop.unref();

  const stack = await startBenchStack({ timeScale: 0.05, channelPool: POOL });
  try {
    const others = new ChannelSemaphore(stack.redis, { limits: { campaign: POOL } });
    for (let i = 0; i < HELD_BY_OTHERS; i++)
      await others.acquire('campaign', `other-traffic-${i}`, HARD_LIMIT_MS);
    const campaign = await stack.newCampaign({ prospects: PROSPECTS, callsPerSecond: CPS, dids: 20 });
    await sleep(1_500);
    const before = await writeCounts(stack.db);
    const started = performance.now();
    const handle = await stack.startCampaign(campaign);
    const result = (await handle.result()) as CampaignWorkflowResult;
    const seconds = (performance.now() - started) / 1000;
    await sleep(2_000);
    const after = await writeCounts(stack.db);

    const dialed = result.counters.dialed;
    const writes: Record<string, number> = {};
    for (const [table, n] of Object.entries(after.byTable)) {
      const d = n - (before.byTable[table] ?? 0);
      if (d > 0) writes[table] = d;
    }
    const totalWrites = Object.values(writes).reduce((a, b) => a + b, 0);
    const runs = await fetchRunChain(stack.client, campaign.workflowId, handle.firstExecutionRunId);
    const cost = summarizeCost(runs);
    const claimed = (result.counters as { claimed?: number }).claimed;
    const poolWaits = (result.counters as { poolWaits?: number }).poolWaits;

    console.log(
      `${PROSPECTS} prospects at ${CPS}/s on ${POOL - HELD_BY_OTHERS} free channels of ${POOL}: ` +
        `${result.status} in ${seconds.toFixed(0)} s (${(dialed / seconds).toFixed(2)} dials/s)`,
    );
    console.log(`  dialed ${dialed}; poolFull ${result.counters.poolFull}; poolWaits ${poolWaits ?? 'n/a'}`);
    console.log(
      `  prospects claimed per dial: ${claimed === undefined ? 'n/a (no counter)' : per(claimed, dialed)}`,
    );
    console.log(
      `  database rows written per dial: ${per(totalWrites, dialed)} ` +
        `(${Object.entries(writes)
          .sort((a, b) => b[1] - a[1])
          .map(([t, n]) => `${t} ${per(n, dialed)}`)
          .join(', ')})`,
    );
    console.log(
      `  transactions committed per dial: ${per(after.commits - before.commits, dialed)} (all sessions)`,
    );
    console.log(
      `  activities per dial: ${per(cost.breakdown.activitiesScheduled, dialed)} ` +
        `(${JSON.stringify(cost.activitiesByType)}); billable actions per dial ${per(cost.actions, dialed)}`,
    );
  } finally {
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
