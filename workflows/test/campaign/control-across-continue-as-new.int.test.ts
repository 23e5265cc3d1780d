import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignStateView } from '@engine/contracts';
import {
  callOutcomeSignal,
  cancelSignal,
  didsChangedSignal,
  pauseSignal,
  resumeSignal,
  stateQuery,
} from '@engine/contracts';
import { createDevServerEnv, uniqueSuffix } from '@engine/testing';
import { campaignWorkflow } from '@engine/workflows';
import type { StandInActivities } from './support/stand-in-activities';
import { standInActivities, voiceSettings, waitFor } from './support/stand-in-activities';

/** The server suggests continue-as-new past this many history events. */
const SUGGEST_CAN_AT = 60;
/** Signals sent while an activity is held: enough to push any run's history past the suggestion. */
const FILLER_SIGNALS = SUGGEST_CAN_AT;

/**
 * A control intent (pause, resume, cancel, with its reason) that arrives while the loop records
 * outcomes right before it continues as new must not be lost at the hand-over: the next run
 * applies it. The stand-in `recordCallOutcomes` is held while the intent arrives, and harmless
 * signals push the history past the server's suggestion, so the run hands over as soon as the
 * recording returns.
 */
describe('campaign workflow: control intents survive continue-as-new', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createDevServerEnv({ 'limit.historyCount.suggestContinueAsNew': SUGGEST_CAN_AT });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function withCampaign(
    test: (handle: WorkflowHandle<typeof campaignWorkflow>, standIn: StandInActivities) => Promise<void>,
  ): Promise<void> {
    const settings = voiceSettings(`can-control-${uniqueSuffix()}`);
    const standIn = standInActivities(settings);
    const taskQueue = `can-control-${settings.campaignId}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      workflowsPath: require.resolve('@engine/workflows'),
      activities: standIn.activities,
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(campaignWorkflow, {
        workflowId: `campaign-${settings.campaignId}`,
        taskQueue,
        args: [{ campaignId: settings.campaignId, settings }],
      });
      try {
        await waitFor(() => standIn.log.filter((e) => e.what === 'dial').length >= 2, 'two batches dialed');
        await test(handle, standIn);
      } finally {
        await handle.terminate('test over');
      }
    });
  }

  /**
   * Holds the recording of one outcome, sends `intent` while it is held, pushes the history past
   * the suggestion, releases it; returns the run the intent was sent to.
   */
  async function sendDuringLastRecording(
    handle: WorkflowHandle<typeof campaignWorkflow>,
    standIn: StandInActivities,
    intent: () => Promise<void>,
  ): Promise<string> {
    const held = standIn.holdRecord();
    await handle.signal(callOutcomeSignal, {
      attemptId: standIn.dialed[0]!,
      outcome: 'human_connected',
      durationSeconds: 30,
      spamFlagged: false,
      occurredAt: new Date().toISOString(),
    });
    await held.entered;
    const runBefore = (await handle.describe()).runId;
    await intent();
    for (let i = 0; i < FILLER_SIGNALS; i++) await handle.signal(didsChangedSignal);
    held.release();
    return runBefore;
  }

  async function expectLaterRun(handle: WorkflowHandle<typeof campaignWorkflow>, runBefore: string) {
    const described = await handle.describe();
    expect(described.runId).not.toBe(runBefore);
    const state = (await handle.query(stateQuery)) as CampaignStateView;
    expect(state.run).toBeGreaterThanOrEqual(2);
    return state;
  }

  it('applies a pause (with its reason) in the next run, and dials nothing after it', async () => {
    await withCampaign(async (handle, standIn) => {
      let pausedAt = 0;
      const runBefore = await sendDuringLastRecording(handle, standIn, async () => {
        pausedAt = Date.now();
        await handle.signal(pauseSignal, { reason: 'across the hand-over' });
      });
      await waitFor(() => standIn.log.some((e) => e.status === 'paused'), 'the paused status', 15_000);
      expect(standIn.log.find((e) => e.status === 'paused')?.reason).toBe('across the hand-over');
      const state = await expectLaterRun(handle, runBefore);
      expect(state).toMatchObject({ status: 'paused', pauseReason: 'across the hand-over' });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(standIn.log.filter((e) => e.what === 'dial' && e.at > pausedAt)).toEqual([]);
    });
  });

  it('applies a cancel with its reason in the next run', async () => {
    await withCampaign(async (handle, standIn) => {
      const runBefore = await sendDuringLastRecording(handle, standIn, () =>
        handle.signal(cancelSignal, { reason: 'operator stop' }),
      );
      await waitFor(() => standIn.log.some((e) => e.status === 'cancelled'), 'the cancelled status', 15_000);
      expect(standIn.log.find((e) => e.status === 'cancelled')?.reason).toBe('operator stop');
      await expectLaterRun(handle, runBefore);
    });
  });

  it('applies a resume in the next run, and dialing continues', async () => {
    await withCampaign(async (handle, standIn) => {
      await handle.signal(pauseSignal, { reason: 'lunch' });
      await waitFor(() => standIn.log.some((e) => e.status === 'paused'), 'the paused status');
      const runBefore = await sendDuringLastRecording(handle, standIn, () => handle.signal(resumeSignal));
      const resumedAt = Date.now();
      await waitFor(
        () => standIn.log.filter((e) => e.what === 'status').at(-1)?.status === 'dialing',
        'the dialing status again',
        15_000,
      );
      const state = await expectLaterRun(handle, runBefore);
      expect(state.status).toBe('dialing');
      await waitFor(
        () => standIn.log.some((e) => e.what === 'dial' && e.at > resumedAt),
        'a dial after the resume',
      );
    });
  });
});
