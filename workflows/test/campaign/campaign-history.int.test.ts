import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStateView, CampaignWorkflowResult } from '@engine/contracts';
import { pauseSignal, resumeSignal, stateQuery } from '@engine/contracts';
import { addSuppressions } from '@engine/db';
import type { CampaignStack } from '@engine/test-stack';
import { seedCampaign, seedCustomer, seedDids, seedProspects, zoneWithLocalHour } from '@engine/testing';
import { startCampaignStack } from '@engine/test-stack';

/** Replayed by the unit project (workflows/test/replay.test.ts) against every later version of the workflow. */
const VOICE_CAMPAIGN_HISTORY = join(__dirname, '..', 'histories', 'voice-campaign.json');

const waitFor = async <T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/**
 * Runs a small voice campaign through every path a recorded history should cover (DNC,
 * `no_answer` retried, pause and resume, completion) and replays its history against the current
 * workflow code. With `RECORD_CAMPAIGN_HISTORY=1` it also (re)writes the recorded history that
 * the unit project replays, e.g. after a deliberate, versioned change to the workflow:
 *
 *   RECORD_CAMPAIGN_HISTORY=1 npx vitest run workflows/test/campaign/campaign-history.int.test.ts
 */
describe('a real voice campaign history', () => {
  let stack: CampaignStack;
  const callableZone = zoneWithLocalHour(new Date(), 9, 19);

  beforeAll(async () => {
    stack = await startCampaignStack({ timeScale: 0.001 });
    await stack.startWorker();
  });
  afterAll(() => stack?.close());

  const db = () => stack.database.db;

  it('covers DNC, a no_answer retry, pause/resume and completion, and replays deterministically', async () => {
    const { customer } = await seedCustomer(db());
    await seedDids(db(), customer.id, 3);
    const campaign = await seedCampaign(db(), customer.id, {
      mode: { calls_per_second: 2, max_attempts: 2, retry_delay_seconds: 1 },
    });
    // Nobody answers in area code 646: those prospects are retried once, then end no_answer.
    stack.sim.configure({ byAreaCode: { '646': { weights: { no_answer: 1 }, spamFlagRate: 0 } } });
    const answering = await seedProspects(db(), campaign.id, 8, {
      timezone: callableZone,
      startAt: 3_300_000,
    });
    const silent = await seedProspects(db(), campaign.id, 2, {
      areaCode: '646',
      timezone: callableZone,
      startAt: 3_400_000,
    });
    const suppressed = answering.slice(0, 2).map((p) => p.phone);
    await addSuppressions(
      db(),
      customer.id,
      suppressed.map((phone) => ({ phone })),
    );

    const workflowId = await stack.startCampaign(campaign.id);
    const handle = stack.temporal.client.workflow.getHandle(workflowId);
    const state = async () => (await handle.query(stateQuery)) as CampaignStateView;

    await waitFor(async () => (await state()).counters.dialed >= 2, 30_000, 'the first dials');
    await handle.signal(pauseSignal, { reason: 'history recording' });
    await waitFor(async () => (await state()).status === 'paused', 10_000, 'the pause');
    await new Promise((r) => setTimeout(r, 1_500));
    await handle.signal(resumeSignal);

    const result = (await handle.result()) as CampaignWorkflowResult;
    expect(result.status).toBe('completed');
    expect(result.counters.dnc).toBe(2);
    expect(result.counters.outcomes['no_answer']).toBeGreaterThanOrEqual(silent.length * 2);
    const silentRows = await db()
      .selectFrom('prospects')
      .select(['status', 'attempt_count'])
      .where(
        'id',
        'in',
        silent.map((p) => p.id),
      )
      .execute();
    expect(silentRows.every((r) => r.status === 'no_answer' && r.attempt_count === 2)).toBe(true);

    const history = await handle.fetchHistory();
    const signals = (history.events ?? []).map((e) => e.workflowExecutionSignaledEventAttributes?.signalName);
    expect(signals).toContain('pause');
    expect(signals).toContain('resume');
    expect(signals).toContain('callOutcomes');

    await Worker.runReplayHistory(
      { workflowsPath: require.resolve('@engine/workflows') },
      history,
      workflowId,
    );

    if (process.env['RECORD_CAMPAIGN_HISTORY']) {
      writeFileSync(VOICE_CAMPAIGN_HISTORY, `${historyToJSON(history)}\n`);
      console.info(`recorded ${history.events?.length ?? 0} events to ${VOICE_CAMPAIGN_HISTORY}`);
    }
  }, 120_000);
});
