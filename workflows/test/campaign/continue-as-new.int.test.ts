import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStateView, CampaignWorkflowResult } from '@engine/contracts';
import { stateQuery } from '@engine/contracts';
import { addSuppressions, TerminalProspectStatuses } from '@engine/db';
import type { CampaignStack } from '@engine/test-stack';
import {
  createDevServerEnv,
  seedCampaign,
  seedCustomer,
  seedDids,
  seedProspects,
  zoneWithLocalHour,
} from '@engine/testing';
import { startCampaignStack } from '@engine/test-stack';

const PROSPECTS = 3_000;
const SUPPRESSED = 30;
/** The server suggests continue-as-new at this many history events (the default is 4,096). */
const SUGGEST_CAN_AT = 200;

interface SimSummary {
  total: number;
  uniqueAttempts: number;
  duplicates: number;
}

/**
 * A dev server of this file's own suggests continue-as-new after a few hundred events, so a
 * campaign of a few thousand prospects runs through many generations: nothing may be lost, dialed
 * twice or stalled at a hand-over, and the counters must carry from run to run.
 */
describe('continue-as-new: a campaign handed over across many runs', () => {
  let env: TestWorkflowEnvironment;
  let stack: CampaignStack;
  const callableZone = zoneWithLocalHour(new Date(), 9, 19);

  beforeAll(async () => {
    env = await createDevServerEnv({ 'limit.historyCount.suggestContinueAsNew': SUGGEST_CAN_AT });
    stack = await startCampaignStack({ temporalEnv: env, timeScale: 0.001 });
    await stack.startWorker();
  });
  afterAll(async () => {
    await stack?.close();
    await env?.teardown();
  });

  const db = () => stack.database.db;

  it('completes across many runs with every prospect terminal once and the counters carried', async () => {
    const { customer } = await seedCustomer(db());
    // Enough DIDs that the default daily cap (100 calls a DID) never pauses the campaign.
    await seedDids(db(), customer.id, 80);
    const campaign = await seedCampaign(db(), customer.id, {
      mode: { calls_per_second: 100, max_attempts: 2, retry_delay_seconds: 1 },
    });
    const prospects = await seedProspects(db(), campaign.id, PROSPECTS, { timezone: callableZone });
    const suppressed = prospects.slice(0, SUPPRESSED).map((p) => p.phone);
    await addSuppressions(
      db(),
      customer.id,
      suppressed.map((phone) => ({ phone })),
    );

    const workflowId = await stack.startCampaign(campaign.id);
    const handle = stack.temporal.client.workflow.getHandle(workflowId);
    const result = (await handle.result()) as CampaignWorkflowResult;
    expect(result.status).toBe('completed');

    // Several generations: the final run knows its number, and the server lists every run.
    const state = (await handle.query(stateQuery)) as CampaignStateView;
    expect(state.status).toBe('completed');
    expect(state.run).toBeGreaterThanOrEqual(5);
    const runs: Array<{ status: string; historyLength: number }> = [];
    for await (const run of stack.temporal.client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) {
      runs.push({ status: run.status.name, historyLength: run.historyLength });
    }
    expect(runs).toHaveLength(state.run);
    expect(runs.filter((r) => r.status === 'CONTINUED_AS_NEW')).toHaveLength(state.run - 1);
    expect(runs.filter((r) => r.status === 'COMPLETED')).toHaveLength(1);
    // Each run hands over soon after the suggestion instead of growing its history.
    expect(Math.max(...runs.map((r) => r.historyLength))).toBeLessThan(SUGGEST_CAN_AT * 5);

    // Every prospect ends in exactly one terminal status.
    const rows = await db()
      .selectFrom('prospects')
      .select(['id', 'phone', 'status', 'attempt_count'])
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(rows).toHaveLength(PROSPECTS);
    const terminal: readonly string[] = TerminalProspectStatuses;
    expect(rows.filter((r) => !terminal.includes(r.status))).toEqual([]);
    expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(SUPPRESSED);

    // No attempt originated twice, no number called more often than it had attempts.
    const summary = (await (await fetch(`${stack.sim.url}/sim/calls/summary`)).json()) as SimSummary;
    expect(summary.duplicates).toBe(0);
    const calls = (
      (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as {
        calls: Array<{ attemptId: string; to: string; duplicate: boolean }>;
      }
    ).calls;
    expect(new Set(calls.map((c) => c.attemptId)).size).toBe(calls.length);
    const callsTo = new Map<string, number>();
    for (const c of calls) callsTo.set(c.to, (callsTo.get(c.to) ?? 0) + 1);
    expect(rows.filter((r) => (callsTo.get(r.phone) ?? 0) > r.attempt_count)).toEqual([]);
    const attempts = await db()
      .selectFrom('call_attempts')
      .select(['id', 'status'])
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(new Set(calls.map((c) => c.attemptId))).toEqual(new Set(attempts.map((a) => a.id)));
    expect(attempts.filter((a) => a.status !== 'completed')).toEqual([]);

    // The counters survived every hand-over: each attempt counted once as dialed and once by outcome.
    expect(result.counters.dialed).toBe(attempts.length);
    expect(Object.values(result.counters.outcomes).reduce((a, b) => a + b, 0)).toBe(attempts.length);
    expect(result.counters.dnc).toBe(SUPPRESSED);
    expect(state.counters).toEqual(result.counters);
    expect((await stack.deps.semaphore.usage('campaign')).inUse).toBe(0);

    console.info(
      `continue-as-new: ${state.run} runs, longest history ${Math.max(...runs.map((r) => r.historyLength))} ` +
        `events, ${attempts.length} attempts`,
    );
  }, 175_000);
});
