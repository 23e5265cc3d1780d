/**
 * Domain-core database figures:
 *   - DID selection latency p50/p99 with 1,000 DIDs and 50 concurrent selectors (voice and SMS);
 *   - time to claim the next 100 eligible prospects from a campaign of 1,000,000 (p50/p99).
 * Run: node -r @swc-node/register bench/domain-core.bench.ts   (DATABASE_URL optional)
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import {
  claimEligibleProspects,
  createCustomerWithApiKey,
  createDb,
  insertCampaign,
  migrateToLatest,
  selectDidForCall,
  selectDidForSms,
} from '@engine/db';
import { ensureDatabase, withDatabase } from '@engine/local-services';
import { benchPostgres, percentile } from './support/services';

const PROSPECTS = Number(process.env['BENCH_PROSPECTS'] ?? 1_000_000);

async function main(): Promise<void> {
  const pg = await benchPostgres();
  const dbName = `ce_bench_${Date.now()}`;
  await ensureDatabase(pg.url, dbName);
  const db = createDb(withDatabase(pg.url, dbName), { maxConnections: 60 });
  try {
    await migrateToLatest(db);
    const { customer } = await createCustomerWithApiKey(db, 'bench');

    // --- DID selection
    await sql`
      insert into dids (customer_id, number, area_code, health_score)
      select ${customer.id}, '+1' || (200 + (g % 700))::text || lpad(g::text, 7, '0'), (200 + (g % 700))::text,
             0.7 + (g % 30) / 100.0
      from generate_series(1, 1000) g`.execute(db);
    for (const channel of ['voice', 'sms'] as const) {
      const latencies: number[] = [];
      let none = 0;
      const started = performance.now();
      let clock = Date.now();
      await Promise.all(
        Array.from({ length: 50 }, async (_, worker) => {
          for (let i = 0; i < 40; i++) {
            const areaCode = String(200 + ((worker * 41 + i) % 700));
            // Each SMS round moves the clock past the gap so every DID stays selectable.
            const now = new Date((clock += 1000));
            const t0 = performance.now();
            const did =
              channel === 'voice'
                ? await selectDidForCall(db, {
                    customerId: customer.id,
                    areaCode,
                    callerIds: null,
                    minScore: 0.7,
                    now,
                  })
                : await selectDidForSms(db, {
                    customerId: customer.id,
                    areaCode,
                    callerIds: null,
                    minScore: 0.7,
                    now,
                    gapMs: 60_000,
                  });
            latencies.push(performance.now() - t0);
            if (!did) none++;
          }
        }),
      );
      const wall = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      console.log(
        `DID selection (${channel}, 1000 DIDs, 50 concurrent): p50 ${percentile(latencies, 50).toFixed(2)} ms, ` +
          `p99 ${percentile(latencies, 99).toFixed(2)} ms, ${(latencies.length / wall).toFixed(0)} selections/s` +
          (none ? `, ${none} found none` : ''),
      );
    }

    // --- Claim from a 1M-prospect campaign
    const campaign = await insertCampaign(db, { customer_id: customer.id, name: 'bench', channel: 'voice' });
    const loadStart = performance.now();
    await sql`
      insert into prospects (campaign_id, phone, area_code, next_attempt_at)
      select ${campaign.id}, '+1' || (200 + (g % 700))::text || lpad((g % 10000000)::text, 7, '0'), (200 + (g % 700))::text,
             now() - interval '1 hour' + (g % 3600) * interval '1 second'
      from generate_series(1, ${PROSPECTS}) g
      on conflict do nothing`.execute(db);
    await sql`
      insert into suppressions (customer_id, phone)
      select ${customer.id}, phone from prospects where campaign_id = ${campaign.id} and id % 50 = 0`.execute(
      db,
    );
    await sql`analyze prospects`.execute(db);
    await sql`analyze suppressions`.execute(db);
    console.log(`loaded ${PROSPECTS} prospects in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

    const claims: number[] = [];
    const now = new Date();
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const batch = await claimEligibleProspects(db, {
        campaignId: campaign.id,
        customerId: customer.id,
        limit: 100,
        now,
        claimAs: 'dialing',
      });
      claims.push(performance.now() - t0);
      if (batch.length !== 100) throw new Error(`claimed ${batch.length}, expected 100`);
    }
    claims.sort((a, b) => a - b);
    console.log(
      `claim next 100 eligible (DNC-filtered) of ${PROSPECTS}: p50 ${percentile(claims, 50).toFixed(2)} ms, p99 ${percentile(claims, 99).toFixed(2)} ms (300 claims)`,
    );
  } finally {
    await db.destroy();
    await pg.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
