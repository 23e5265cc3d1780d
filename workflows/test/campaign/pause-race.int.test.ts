import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callOutcomeSignal, pauseSignal } from '@engine/contracts';
import { uniqueSuffix } from '@engine/testing';
import { campaignWorkflow } from '@engine/workflows';
import { standInActivities, voiceSettings, waitFor } from './support/stand-in-activities';

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
    const settings = voiceSettings(`pause-race-${uniqueSuffix()}`);
    const { activities, log, dialed, holdRecord } = standInActivities(settings);
    const taskQueue = `pause-race-${settings.campaignId}`;
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
        const held = holdRecord();
        await handle.signal(callOutcomeSignal, {
          attemptId: dialed[0]!,
          outcome: 'human_connected',
          durationSeconds: 12,
          spamFlagged: false,
          occurredAt: new Date().toISOString(),
        });
        await held.entered;
        const pausedAt = Date.now();
        await handle.signal(pauseSignal, { reason: 'mid-loop' });
        // Hold the activity past the next tick, so that without the fix a batch would be due at once.
        await new Promise((r) => setTimeout(r, 1_500));
        held.release();

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
