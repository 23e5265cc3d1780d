import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStateView, CampaignWorkflowResult } from '@engine/contracts';
import { stateQuery } from '@engine/contracts';
import { addSuppressions } from '@engine/db';
import { resolveTemporalCli } from '@engine/local-services';
import type { CampaignStack } from '@engine/test-stack';
import { seedCampaign, seedCustomer, seedDids, seedProspects, zoneWithLocalHour } from '@engine/testing';
import { startCampaignStack } from '@engine/test-stack';
import { inject } from 'vitest';

const run = promisify(execFile);

/** `temporal workflow signal`, exactly as the README tells an operator to use it. */
async function cliSignal(workflowId: string, name: string, input?: unknown): Promise<void> {
  const { temporalAddress, temporalNamespace } = inject('services');
  const args = [
    'workflow',
    'signal',
    '--address',
    temporalAddress,
    '--namespace',
    temporalNamespace,
    '--workflow-id',
    workflowId,
    '--name',
    name,
  ];
  if (input !== undefined) args.push('--input', JSON.stringify(input));
  await run(resolveTemporalCli(), args);
}

const waitFor = async <T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('voice campaign end to end (dev server, PostgreSQL, Redis, carrier simulator, API webhooks)', () => {
  let stack: CampaignStack;
  const callableZone = zoneWithLocalHour(new Date(), 9, 19);

  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.0005 });
    await stack.startWorker();
  });
  afterAll(() => stack?.close());

  const db = () => stack.database.db;
  const simCalls = async () =>
    (await (await fetch(`${stack.sim.url}/sim/calls`)).json()) as {
      calls: Array<{ attemptId: string; to: string; from: string; duplicate: boolean }>;
    };

  async function newCampaign(mode: Record<string, unknown> = {}, dids = 5) {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, dids);
    const campaign = await seedCampaign(db(), customer.id, {
      mode: { calls_per_second: 20, retry_delay_seconds: 1, ...mode },
    });
    return { customer, campaign };
  }

  it('dials every prospect once, records outcomes and health, skips DNC numbers, and completes', async () => {
    const { customer, campaign } = await newCampaign();
    const prospects = await seedProspects(db(), campaign.id, 40, { timezone: callableZone });
    const suppressed = prospects.slice(0, 5).map((p) => p.phone);
    await addSuppressions(
      db(),
      customer.id,
      suppressed.map((phone) => ({ phone })),
    );

    const workflowId = await stack.startCampaign(campaign.id);
    const result = (await stack.temporal.client.workflow
      .getHandle(workflowId)
      .result()) as CampaignWorkflowResult;
    expect(result.status).toBe('completed');

    const rows = await db()
      .selectFrom('prospects')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .execute();
    const terminal = [
      'human_connected',
      'human_hangup',
      'voicemail',
      'no_answer',
      'busy',
      'failed',
      'cancelled',
    ];
    expect(rows.every((r) => terminal.includes(r.status))).toBe(true);
    expect(
      rows
        .filter((r) => r.status === 'cancelled')
        .map((r) => r.phone)
        .sort(),
    ).toEqual([...suppressed].sort());

    const calls = (await simCalls()).calls.filter((c) => prospects.some((p) => p.phone === c.to));
    expect(calls.some((c) => suppressed.includes(c.to))).toBe(false);
    expect(calls.filter((c) => c.duplicate)).toEqual([]);
    const attempts = await db()
      .selectFrom('call_attempts')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(new Set(calls.map((c) => c.attemptId))).toEqual(new Set(attempts.map((a) => a.id)));
    expect(attempts.every((a) => a.status === 'completed')).toBe(true);

    const health = await db()
      .selectFrom('did_health_events')
      .select('call_attempt_id')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(health).toHaveLength(attempts.length);

    const campaignRow = await db()
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', campaign.id)
      .executeTakeFirstOrThrow();
    expect(campaignRow.status).toBe('completed');
    const events = await db()
      .selectFrom('events')
      .select('type')
      .where('campaign_id', '=', campaign.id)
      .execute();
    const types = events.map((e) => e.type);
    expect(types).toContain('campaign.started');
    expect(types).toContain('campaign.completed');
    expect(types.filter((t) => t === 'campaign.prospect.dnc')).toHaveLength(5);
    expect(types.filter((t) => t === 'campaign.call.initiated')).toHaveLength(attempts.length);
    expect((await stack.deps.semaphore.usage('campaign')).inUse).toBe(0);

    // The API gathered the webhooks into `callOutcomes` signals: every outcome arrived exactly
    // once, in fewer signals than calls.
    const history = await stack.temporal.client.workflow.getHandle(workflowId).fetchHistory();
    const signalled = (history.events ?? []).flatMap((e) => {
      const a = e.workflowExecutionSignaledEventAttributes;
      return a ? [a] : [];
    });
    const outcomeSignals = signalled.filter((a) => a.signalName === 'callOutcomes');
    const reports = outcomeSignals.flatMap(
      (a) =>
        stack.temporal.client.options.loadedDataConverter.payloadConverter.fromPayload(
          a.input?.payloads?.[0] ?? {},
        ) as Array<{ attemptId: string }>,
    );
    expect(signalled.filter((a) => a.signalName === 'callOutcome')).toEqual([]);
    expect(reports.map((r) => r.attemptId).sort()).toEqual(attempts.map((a) => a.id).sort());
    expect(outcomeSignals.length).toBeLessThan(reports.length);
  });

  it('pause, resume and cancel through `temporal workflow signal` show in the database and stop dialing', async () => {
    const { campaign } = await newCampaign({ calls_per_second: 5 });
    await seedProspects(db(), campaign.id, 200, { timezone: callableZone, startAt: 4_000_000 });
    const workflowId = await stack.startCampaign(campaign.id);
    const handle = stack.temporal.client.workflow.getHandle(workflowId);
    await waitFor(
      async () => ((await handle.query(stateQuery)) as CampaignStateView).counters.dialed >= 5,
      30_000,
      'first dials',
    );

    await cliSignal(workflowId, 'pause', { reason: 'compliance review' });
    await waitFor(
      async () =>
        (
          await db()
            .selectFrom('campaigns')
            .select(['status', 'pause_reason'])
            .where('id', '=', campaign.id)
            .executeTakeFirst()
        )?.status === 'paused',
      10_000,
      'paused in the database',
    );
    const paused = await db()
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', campaign.id)
      .executeTakeFirstOrThrow();
    expect(paused.pause_reason).toBe('compliance review');
    const dialedAtPause = ((await handle.query(stateQuery)) as CampaignStateView).counters.dialed;
    await new Promise((r) => setTimeout(r, 2000));
    expect(((await handle.query(stateQuery)) as CampaignStateView).counters.dialed).toBe(dialedAtPause);

    await cliSignal(workflowId, 'resume');
    await waitFor(
      async () => ((await handle.query(stateQuery)) as CampaignStateView).counters.dialed > dialedAtPause + 3,
      15_000,
      'dials after resume',
    );
    expect(
      (
        await db()
          .selectFrom('campaigns')
          .select('status')
          .where('id', '=', campaign.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('dialing');

    await cliSignal(workflowId, 'cancel');
    const result = (await handle.result()) as CampaignWorkflowResult;
    expect(result.status).toBe('cancelled');
    const counts = await db()
      .selectFrom('prospects')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', '=', campaign.id)
      .groupBy('status')
      .execute();
    const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
    expect(byStatus['queued']).toBeUndefined();
    expect(byStatus['dialing']).toBeUndefined();
    expect(byStatus['cancelled']).toBeGreaterThan(100);
    expect(
      (
        await db()
          .selectFrom('campaigns')
          .select('status')
          .where('id', '=', campaign.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('cancelled');
  });

  it('auto-pauses with campaign.paused.no_dids when no DID is healthy', async () => {
    const { customer } = await seedCustomer(db());
    // Confidently bad: the upper bound of the score is under the campaign's 0.7 line.
    await seedDids(db(), customer.id, 2, { score: 0.3, upper: 0.42, lower: 0.18, sampleSize: 40 });
    const campaign = await seedCampaign(db(), customer.id, { mode: { calls_per_second: 5 } });
    await seedProspects(db(), campaign.id, 10, { timezone: callableZone, startAt: 5_000_000 });
    const workflowId = await stack.startCampaign(campaign.id);
    await waitFor(
      async () =>
        (await db().selectFrom('campaigns').select('status').where('id', '=', campaign.id).executeTakeFirst())
          ?.status === 'paused',
      15_000,
      'auto-pause',
    );
    const row = await db()
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', campaign.id)
      .executeTakeFirstOrThrow();
    expect(row.pause_reason).toBe('no_dids');
    const events = await db()
      .selectFrom('events')
      .select('type')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(events.map((e) => e.type)).toContain('campaign.paused.no_dids');
    const queued = await db()
      .selectFrom('prospects')
      .select('status')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(queued.every((p) => p.status === 'queued')).toBe(true);
    await stack.temporal.client.workflow.getHandle(workflowId).signal('cancel');
  });

  it('retries no_answer until max_attempts, each attempt a new attempt id', async () => {
    const { campaign } = await newCampaign({ max_attempts: 3, retry_delay_seconds: 1 });
    // Nobody ever answers in area code 646.
    stack.sim.configure({ byAreaCode: { '646': { weights: { no_answer: 1 }, spamFlagRate: 0 } } });
    const prospects = await seedProspects(db(), campaign.id, 5, {
      areaCode: '646',
      timezone: callableZone,
      startAt: 6_000_000,
    });
    const workflowId = await stack.startCampaign(campaign.id);
    await stack.temporal.client.workflow.getHandle(workflowId).result();
    const rows = await db()
      .selectFrom('prospects')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(rows.every((r) => r.status === 'no_answer' && r.attempt_count === 3)).toBe(true);
    const calls = (await simCalls()).calls.filter((c) => prospects.some((p) => p.phone === c.to));
    expect(calls).toHaveLength(15);
    expect(new Set(calls.map((c) => c.attemptId)).size).toBe(15);
  });

  it('a lost callback ends in a defined outcome after the timeout and frees the channel', async () => {
    const { campaign } = await newCampaign({ callback_timeout_seconds: 2 });
    await seedProspects(db(), campaign.id, 4, { timezone: callableZone, startAt: 7_000_000 });
    stack.sim.configure({ faults: { dropCallbackRate: 1 } });
    try {
      const workflowId = await stack.startCampaign(campaign.id);
      const result = (await stack.temporal.client.workflow
        .getHandle(workflowId)
        .result()) as CampaignWorkflowResult;
      expect(result.status).toBe('completed');
    } finally {
      stack.sim.configure({ faults: { dropCallbackRate: 0 } });
    }
    const attempts = await db()
      .selectFrom('call_attempts')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .execute();
    // Four prospects; a no_answer learnt from the carrier is retried like any other.
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts.every((a) => a.status === 'completed' && a.outcome !== null)).toBe(true);
    // No webhook came: every outcome was resolved by asking the carrier after the timeout.
    expect(attempts.every((a) => a.error === 'carrier_lookup' || a.error === 'callback_timeout')).toBe(true);
    const prospects = await db()
      .selectFrom('prospects')
      .select('status')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(prospects.every((p) => !['queued', 'dialing'].includes(p.status))).toBe(true);
    expect((await stack.deps.semaphore.usage('campaign')).inUse).toBe(0);
  });

  it('waits for a free channel when the pool is full: claims per dial stay near 1, the pool is never exceeded', async () => {
    // Calls of 0.4 to 2.4 s (simulated 20 to 120 s at timeScale 0.02) on two channels.
    const small = await startCampaignStack({ timeScale: 0.02, poolLimits: { campaign: 2 } });
    try {
      await small.startWorker();
      const { customer } = await seedCustomer(small.database.db);
      await seedDids(small.database.db, customer.id, 3);
      const campaign = await seedCampaign(small.database.db, customer.id, {
        mode: { calls_per_second: 20, max_attempts: 1 },
      });
      const prospects = 16;
      await seedProspects(small.database.db, campaign.id, prospects, { timezone: callableZone });
      let peak = 0;
      const sampler = setInterval(() => {
        void small.deps.semaphore.usage('campaign').then((u) => (peak = Math.max(peak, u.inUse)));
      }, 20);
      const workflowId = await small.startCampaign(campaign.id);
      const result = (await small.temporal.client.workflow
        .getHandle(workflowId)
        .result()) as CampaignWorkflowResult;
      clearInterval(sampler);
      expect(result.status).toBe('completed');
      expect(peak).toBeLessThanOrEqual(2);
      // 20 calls a second against 2 channels: the pool is full nearly all the time, and the
      // workflow waits for a channel instead of claiming prospects only to put them back.
      expect(result.counters.poolWaits).toBeGreaterThan(0);
      expect(result.counters.dialed).toBe(prospects);
      expect(result.counters.claimed / result.counters.dialed).toBeLessThanOrEqual(1.1);
      const rows = await small.database.db
        .selectFrom('prospects')
        .select('status')
        .where('campaign_id', '=', campaign.id)
        .execute();
      expect(rows.every((r) => r.status !== 'queued' && r.status !== 'dialing')).toBe(true);
    } finally {
      await small.close();
    }
  });
});
