import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';

const history = () => JSON.parse(readFileSync(join(__dirname, 'histories', 'system-check.json'), 'utf8'));
/** A real voice campaign, recorded by workflows/test/campaign/campaign-history.int.test.ts. */
const campaignHistory = (file = 'voice-campaign.json') =>
  JSON.parse(readFileSync(join(__dirname, 'histories', file), 'utf8'));

interface JsonEvent {
  eventType: string;
  workflowExecutionSignaledEventAttributes?: { signalName?: string };
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string } };
  workflowExecutionCompletedEventAttributes?: { result?: { payloads?: Array<{ data?: string }> } };
}

describe('recorded histories replay', () => {
  it('replays the recorded system-check history against the current workflow code', async () => {
    await expect(
      Worker.runReplayHistory({ workflowsPath: require.resolve('@engine/workflows') }, history()),
    ).resolves.toBeUndefined();
  }, 60_000);

  it('detects a non-deterministic change (proves the replay check can fail)', async () => {
    await expect(
      Worker.runReplayHistory(
        { workflowsPath: join(__dirname, 'fixtures', 'changed-system-check.workflow.ts') },
        history(),
      ),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  }, 60_000);

  it('replays a recorded voice campaign (DNC, no_answer retry, pause/resume, completion)', async () => {
    const recorded = campaignHistory();
    // What the recording covers, so that a re-recording cannot silently lose a path.
    const events = recorded.events as JsonEvent[];
    const signals = new Set(events.map((e) => e.workflowExecutionSignaledEventAttributes?.signalName));
    expect([...signals]).toEqual(expect.arrayContaining(['pause', 'resume', 'callOutcomes']));
    const activities = new Set(events.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name));
    expect([...activities]).toEqual(
      expect.arrayContaining([
        'loadCampaignSettings',
        'applyCampaignStatus',
        'dialNextBatch',
        'recordCallOutcomes',
        'finalizeCampaign',
      ]),
    );
    const completed = events[events.length - 1]!;
    expect(completed.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');
    const data = completed.workflowExecutionCompletedEventAttributes?.result?.payloads?.[0]?.data ?? '';
    const result = JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as {
      status: string;
      counters: { dnc: number; outcomes: Record<string, number> };
    };
    expect(result.status).toBe('completed');
    expect(result.counters.dnc).toBeGreaterThan(0);
    // More no_answer outcomes than no_answer prospects: a retry happened.
    expect(result.counters.outcomes['no_answer']).toBeGreaterThanOrEqual(2);

    await expect(
      Worker.runReplayHistory({ workflowsPath: require.resolve('@engine/workflows') }, recorded),
    ).resolves.toBeUndefined();
  }, 60_000);

  it('still replays a campaign recorded before outcomes were batched (one callOutcome signal per call)', async () => {
    // A campaign that was running when the engine was upgraded must go on under the new code.
    const recorded = campaignHistory('voice-campaign-v1-single-outcome-signals.json');
    const events = recorded.events as JsonEvent[];
    const signals = new Set(events.map((e) => e.workflowExecutionSignaledEventAttributes?.signalName));
    expect(signals.has('callOutcome')).toBe(true);
    expect(signals.has('callOutcomes')).toBe(false);
    await expect(
      Worker.runReplayHistory({ workflowsPath: require.resolve('@engine/workflows') }, recorded),
    ).resolves.toBeUndefined();
  }, 60_000);

  it('detects a non-deterministic change to the campaign workflow', async () => {
    await expect(
      Worker.runReplayHistory(
        { workflowsPath: join(__dirname, 'fixtures', 'changed-campaign.workflow.ts') },
        campaignHistory(),
      ),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  }, 60_000);
});
