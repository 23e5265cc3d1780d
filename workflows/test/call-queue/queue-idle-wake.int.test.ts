import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialBatchResult, FinalizeResult } from '@engine/contracts';
import { prospectsAddedSignal } from '@engine/contracts';
import type { TestTemporal } from '@engine/testing';
import { connectTestTemporal, uniqueSuffix } from '@engine/testing';
import { campaignWorkflow } from '@engine/workflows';
import { standInActivities, voiceSettings, waitFor } from '../campaign/support/stand-in-activities';

const empty: DialBatchResult = {
  dialed: [],
  settled: 0,
  counts: { claimed: 0, dnc: 0, outsideWindow: 0, poolFull: 0, noDid: 0, originateFailed: 0 },
  noDids: false,
  hasQueued: false,
  nextDueAt: null,
};

/**
 * A call queue that ran dry (or a campaign about to complete) asks the database one last time
 * (`finalizeCampaign`) before it waits for the next call (or completes). A call queued (a prospect
 * added) during that question must not be missed: its `prospectsAdded` arrives while the activity
 * runs, and the loop must dial rather than wait for another signal or complete.
 */
describe('prospects added while the loop checks nothing is left', () => {
  let temporal: TestTemporal;
  beforeAll(async () => {
    temporal = await connectTestTemporal('queue-idle');
  });
  afterAll(() => temporal?.close());

  it.each([
    ['a call queue', { kind: 'call_queue' as const, channelPool: 'api' as const }],
    ['a campaign (it does not complete over them)', {}],
  ])(
    'is dialed without another signal: %s',
    async (_label, overrides) => {
      const settings = voiceSettings(`queue-idle-${uniqueSuffix()}`, overrides);
      const standIn = standInActivities(settings);
      let dials = 0;
      let finalizes = 0;
      let entered: () => void = () => {};
      let release: () => void = () => {};
      const finalizeEntered = new Promise<void>((r) => (entered = r));
      const finalizeReleased = new Promise<void>((r) => (release = r));
      standIn.activities.dialNextBatch = async () => {
        dials += 1;
        return empty;
      };
      standIn.activities.finalizeCampaign = async (): Promise<FinalizeResult> => {
        finalizes += 1;
        if (finalizes === 1) {
          entered();
          await finalizeReleased;
        }
        return { complete: true, counts: {}, orphanAttempts: [], requeued: 0 };
      };
      const worker = await Worker.create({
        connection: temporal.nativeConnection,
        namespace: temporal.namespace,
        taskQueue: temporal.taskQueue,
        workflowsPath: require.resolve('@engine/workflows'),
        activities: standIn.activities,
      });
      await worker.runUntil(async () => {
        const handle = await temporal.client.workflow.start(campaignWorkflow, {
          workflowId: `campaign-${settings.campaignId}`,
          taskQueue: temporal.taskQueue,
          args: [{ campaignId: settings.campaignId, settings }],
        });
        try {
          await finalizeEntered;
          const dialsBefore = dials;
          await handle.signal(prospectsAddedSignal);
          release();
          await waitFor(() => dials > dialsBefore, 'a dial after the signal', 10_000);
          expect(dials).toBeGreaterThan(dialsBefore);
          expect((await handle.describe()).status.name).toBe('RUNNING');
        } finally {
          await handle.terminate('test over');
        }
      });
    },
    30_000,
  );
});
