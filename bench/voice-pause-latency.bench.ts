/**
 * Pause latency of a voice campaign dialing at 50 calls/s: from sending the `pause` signal
 * (client `handle.signal('pause', { reason })`, as the API and the CLI do) to the last new
 * originate the carrier simulator receives for that campaign (0 when none arrives after the
 * signal). Repeated 20 times on one campaign (pause, wait, resume, let it dial again).
 *
 *   node -r @swc-node/register bench/voice-pause-latency.bench.ts
 *
 * Also printed: calls originated after the signal per pause, the time until the campaign row
 * says `paused` (the workflow owns the status and writes it), and per pause, from the workflow
 * history, which activity was running when the signal arrived and which ran before the status
 * change was scheduled (where the latency goes). Goal: p99 < 1 s.
 *
 * Env: BENCH_PAUSES (20), BENCH_PAUSE_CPS (50). In-process worker, channel pool 2000, calls
 * answered in milliseconds (timeScale 0.001). About 2 minutes.
 */
import type { CampaignStateView } from '@engine/contracts';
import { stateQuery } from '@engine/contracts';
import { temporal } from '@temporalio/proto';
import { originateTimes, sleep, startBenchStack, waitFor } from './support/campaign-bench-stack';
import type { RunHistory } from './support/history';
import { fetchRunChain } from './support/history';
import { formatCpu, startCpuWindow } from './support/proc-stats';
import { percentile } from './support/services';

const PAUSES = Number(process.env['BENCH_PAUSES'] ?? 20);
const CPS = Number(process.env['BENCH_PAUSE_CPS'] ?? 50);
/** After the pause took effect in the database, how long to keep watching for late originates. */
const SETTLE_MS = 3_000;
const HARD_LIMIT_MS = 10 * 60_000;

async function main(): Promise<void> {
  const hardStop = setTimeout(() => {
    console.error(`hard limit of ${HARD_LIMIT_MS / 60_000} min reached`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  hardStop.unref();

  const stack = await startBenchStack({ timeScale: 0.001, channelPool: 2000 });
  try {
    const campaign = await stack.newCampaign({
      prospects: Math.ceil(CPS * PAUSES * 4 + CPS * 10),
      callsPerSecond: CPS,
    });
    const handle = await stack.startCampaign(campaign);
    const campaignStatus = async () =>
      (
        await stack.db
          .selectFrom('campaigns')
          .select('status')
          .where('id', '=', campaign.campaignId)
          .executeTakeFirstOrThrow()
      ).status;
    if (!(await waitFor(async () => originateTimes(stack.sim, campaign.campaignId).length > 0, 30_000, 50))) {
      throw new Error('the campaign did not start dialing');
    }
    await sleep(3_000);

    const cpu = startCpuWindow({
      bench: { pid: stack.pids.self },
      temporal: { pid: stack.pids.temporal },
      postgres: { pid: stack.pids.postgres, tree: true },
      redis: { pid: stack.pids.redis },
    });
    const latencies: number[] = [];
    const dbLatencies: number[] = [];
    const slipped: number[] = [];
    let leaks = 0;
    for (let i = 1; i <= PAUSES; i++) {
      // Land the pause at a random point of the pacing cycle.
      await sleep(1_500 + Math.random() * 1_000);
      const sentAt = Date.now();
      await handle.signal('pause', { reason: `bench pause ${i}` });
      const pausedAt = await waitFor(
        async () => (await campaignStatus()) === 'paused' && Date.now(),
        15_000,
        10,
      );
      if (!pausedAt) throw new Error(`pause ${i} did not take effect within 15 s`);
      await sleep(SETTLE_MS);
      const after = originateTimes(stack.sim, campaign.campaignId).filter((t) => t >= sentAt);
      const last = after.length > 0 ? Math.max(...after) : sentAt;
      latencies.push(last - sentAt);
      dbLatencies.push(pausedAt - sentAt);
      slipped.push(after.length);
      // Nothing may be dialed once the pause is in the database.
      leaks += after.filter((t) => t > pausedAt).length;
      console.log(
        `pause ${String(i).padStart(2)}: last originate ${String(last - sentAt).padStart(4)} ms after the signal ` +
          `(${after.length} calls after it), status 'paused' after ${pausedAt - sentAt} ms`,
      );

      const resumedAt = Date.now();
      await handle.signal('resume');
      const dialing = await waitFor(
        async () => originateTimes(stack.sim, campaign.campaignId).some((t) => t >= resumedAt),
        10_000,
        20,
      );
      if (!dialing) throw new Error(`resume ${i} did not dial again within 10 s`);
    }
    const cpuWindow = cpu.stop();
    const state = (await handle.query(stateQuery)) as CampaignStateView;
    await handle.signal('cancel', { reason: 'benchmark done' });
    await Promise.race([handle.result().catch(() => undefined), sleep(20_000)]);

    // Where the time went, from the workflow history: what was running when each pause arrived.
    const runs = await fetchRunChain(stack.client, campaign.workflowId, handle.firstExecutionRunId);
    const timeline = pauseTimeline(runs);
    console.log('\nPer pause, from the history (server times):');
    for (const [i, t] of timeline.entries()) console.log(`  pause ${String(i + 1).padStart(2)}: ${t}`);

    const sorted = [...latencies].sort((a, b) => a - b);
    const db = [...dbLatencies].sort((a, b) => a - b);
    const slip = [...slipped].sort((a, b) => a - b);
    console.log(`\nPause latency at ${CPS} calls/s, ${PAUSES} pauses (goal: p99 < 1000 ms)`);
    console.log(
      `  signal -> last new originate: p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted[sorted.length - 1]} ms`,
    );
    console.log(
      `  signal -> campaign row 'paused': p50 ${percentile(db, 50)} ms, p99 ${percentile(db, 99)} ms, max ${db[db.length - 1]} ms`,
    );
    console.log(
      `  calls originated after the signal: p50 ${percentile(slip, 50)}, max ${slip[slip.length - 1]}; ` +
        `after the row said 'paused': ${leaks}`,
    );
    console.log(
      `  campaign counters: dialed ${state.counters.dialed}, poolFull ${state.counters.poolFull}, run ${state.run}`,
    );
    console.log(`  CPU during the pauses (bench = worker + sim + API): ${formatCpu(cpuWindow)}`);
  } finally {
    await stack.close();
  }
}

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const at = (e: HistoryEvent) =>
  Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);

/**
 * For each `pause` signal: the activity in flight when it arrived (how long it had been running
 * and how much longer it ran), and how long until the status change (applyCampaignStatus) was
 * scheduled. Continue-as-new runs are read in order.
 */
function pauseTimeline(runs: RunHistory[]): string[] {
  const out: string[] = [];
  for (const run of runs) {
    const scheduled = new Map<number, { type: string; at: number; done?: number }>();
    for (const e of run.events) {
      if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        scheduled.set(Number(e.eventId), {
          type: e.activityTaskScheduledEventAttributes?.activityType?.name ?? '?',
          at: at(e),
        });
      }
      const done =
        e.activityTaskCompletedEventAttributes?.scheduledEventId ??
        e.activityTaskFailedEventAttributes?.scheduledEventId;
      if (done !== undefined && done !== null) {
        const s = scheduled.get(Number(done));
        if (s) s.done = at(e);
      }
    }
    for (const [index, e] of run.events.entries()) {
      if (e.eventType !== EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) continue;
      if (e.workflowExecutionSignaledEventAttributes?.signalName !== 'pause') continue;
      const t = at(e);
      const busy = [...scheduled.values()].filter((a) => a.at <= t && (a.done === undefined || a.done >= t));
      const status = run.events
        .slice(index)
        .find(
          (x) =>
            x.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED &&
            x.activityTaskScheduledEventAttributes?.activityType?.name === 'applyCampaignStatus',
        );
      const inFlight =
        busy.length > 0
          ? busy
              .map(
                (a) =>
                  `${a.type} (running ${t - a.at} ms, ${a.done !== undefined ? a.done - t : '?'} ms to go)`,
              )
              .join(', ')
          : 'no activity (between ticks)';
      const statusAt = status ? at(status) : Number.POSITIVE_INFINITY;
      const between = [...scheduled.values()]
        .filter((a) => a.at > t && a.at < statusAt)
        .map((a) => `${a.type} +${a.at - t} ms for ${a.done !== undefined ? a.done - a.at : '?'} ms`);
      out.push(
        `at the signal: ${inFlight}; then: ${between.length > 0 ? between.join(', ') : 'nothing'}; ` +
          `status change scheduled ${status ? statusAt - t : '?'} ms after the signal`,
      );
    }
  }
  return out;
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
