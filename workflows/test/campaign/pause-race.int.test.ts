import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type {
  CampaignActivities,
  CampaignSettings,
  DialBatchResult,
  RecordOutcomesResult,
} from '@engine/contracts';
import { CampaignDefaults, callOutcomeSignal, pauseSignal } from '@engine/contracts';
import { uniqueSuffix } from '@engine/testing';
import { campaignWorkflow } from '@engine/workflows';

/**
 * A pause that arrives while the workflow is busy with something other than dialing (here:
 * recording a batch of outcomes) must still take effect before the next batch is dialed. The
 * activities are stand-ins that log what the workflow asked for, so the test can see exactly
 * which batch started when; the real activities are covered by the end-to-end tests.
 */
describe('campaign workflow: a pause that arrives mid-loop', () => {
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let client: Client;
  const { temporalAddress, temporalNamespace } = inject('services');

  beforeAll(async () => {
    connection = await Connection.connect({ address: temporalAddress });
    nativeConnection = await NativeConnection.connect({ address: temporalAddress });
    client = new Client({ connection, namespace: temporalNamespace });
  });
  afterAll(async () => {
    await nativeConnection?.close();
    await connection?.close();
  });

  it('applies a pause received during recordCallOutcomes before dialing another batch', async () => {
    const suffix = uniqueSuffix();
    const settings: CampaignSettings = {
      ...CampaignDefaults,
      campaignId: `pause-race-${suffix}`,
      customerId: 'customer-pause-race',
      channel: 'voice',
      callsPerSecond: 5,
      voicemailDropUrl: null,
      callerIds: null,
      message: null,
      templateFallbacks: {},
    };
    const log: Array<{ what: string; at: number; status?: string }> = [];
    let attemptSeq = 0;
    let holdNextRecord = false;
    let recordEntered: () => void = () => {};
    const recordBlocked = new Promise<void>((resolve) => (recordEntered = resolve));
    let releaseRecord: () => void = () => {};
    const recordReleased = new Promise<void>((resolve) => (releaseRecord = resolve));

    const activities: CampaignActivities = {
      loadCampaignSettings: async () => settings,
      applyCampaignStatus: async (input) => {
        log.push({ what: 'status', at: Date.now(), status: input.status });
      },
      dialNextBatch: async (input): Promise<DialBatchResult> => {
        log.push({ what: 'dial', at: Date.now() });
        const dialed = Array.from({ length: input.limit }, () => {
          attemptSeq += 1;
          return { attemptId: `${settings.campaignId}-a${attemptSeq}`, prospectId: attemptSeq, didId: null };
        });
        const counts = {
          claimed: dialed.length,
          dnc: 0,
          outsideWindow: 0,
          poolFull: 0,
          noDid: 0,
          originateFailed: 0,
        };
        return { dialed, settled: 0, counts, noDids: false, hasQueued: true, nextDueAt: null };
      },
      recordCallOutcomes: async (input): Promise<RecordOutcomesResult> => {
        if (holdNextRecord) {
          holdNextRecord = false;
          log.push({ what: 'record-held', at: Date.now() });
          recordEntered();
          await recordReleased;
        }
        return {
          settledAttemptIds: input.outcomes.map((o) => o.attemptId),
          earliestRequeueAt: null,
          unknownAttemptIds: [],
        };
      },
      resolveStaleAttempts: async () => ({ resolved: [], stillRunning: [] }),
      cancelQueuedProspects: async () => 0,
      countUsableDids: async () => 1,
      finalizeCampaign: async () => ({ complete: false, counts: {}, orphanAttempts: [], requeued: 0 }),
      publishCampaignStats: async () => {},
      sendNextSms: async () => {
        throw new Error('a voice campaign sends no SMS');
      },
      expireSmsReceipts: async () => ({ expired: 0, awaiting: 0 }),
    };

    const taskQueue = `pause-race-${suffix}`;
    const worker = await Worker.create({
      connection: nativeConnection,
      namespace: temporalNamespace,
      taskQueue,
      workflowsPath: require.resolve('@engine/workflows'),
      activities,
    });
    await worker.runUntil(async () => {
      const handle = await client.workflow.start(campaignWorkflow, {
        workflowId: `campaign-${settings.campaignId}`,
        taskQueue,
        args: [{ campaignId: settings.campaignId, settings }],
      });
      try {
        await waitFor(() => log.filter((e) => e.what === 'dial').length >= 2, 'two batches dialed');

        // An outcome wakes the loop at its next tick; its recording is held while the pause arrives.
        holdNextRecord = true;
        await handle.signal(callOutcomeSignal, {
          attemptId: `${settings.campaignId}-a1`,
          outcome: 'human_connected',
          durationSeconds: 12,
          spamFlagged: false,
          occurredAt: new Date().toISOString(),
        });
        await recordBlocked;
        const pausedAt = Date.now();
        await handle.signal(pauseSignal, { reason: 'mid-loop' });
        // Hold the activity past the next tick, so that without the fix a batch would be due at once.
        await new Promise((r) => setTimeout(r, 1_500));
        releaseRecord();

        await waitFor(() => log.some((e) => e.status === 'paused'), 'the paused status');
        await new Promise((r) => setTimeout(r, 1_500));
        const dialsAfterPause = log.filter((e) => e.what === 'dial' && e.at > pausedAt);
        expect(dialsAfterPause).toEqual([]);
        expect((await handle.query('state')) as { status: string }).toMatchObject({ status: 'paused' });
      } finally {
        await handle.terminate('test over');
      }
    });
  });
});

async function waitFor(probe: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
