/**
 * Durable timer precision of the Temporal dev server the benchmarks and tests run on: a workflow
 * sleeps `n` times for each duration; lateness = TIMER_FIRED time - (TIMER_STARTED time + duration),
 * both server timestamps. The campaign pacer waits `tickAt - now` between ticks, i.e. usually a
 * sub-second timer, so this explains the tick gaps voice-pacing.bench.ts prints.
 *
 *   node -r @swc-node/register bench/timer-precision.bench.ts
 *
 * Env: BENCH_TIMER_MS (default "200,500,800,950,1000,1200,1500"), BENCH_TIMER_N (8). About 1 min.
 */
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  devServerExtraArgs,
  findFreePort,
  readTemporalDevConfig,
  resolveTemporalCli,
} from '@engine/local-services';
import { installQuietRuntime } from './support/quiet-runtime';
import { median } from './support/services';

const EventType = temporal.api.enums.v1.EventType;
const DURATIONS = (process.env['BENCH_TIMER_MS'] ?? '200,500,800,950,1000,1200,1500').split(',').map(Number);
const N = Number(process.env['BENCH_TIMER_N'] ?? 8);

const at = (e: temporal.api.history.v1.IHistoryEvent) =>
  Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);

async function main(): Promise<void> {
  installQuietRuntime();
  const port = await findFreePort();
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: resolveTemporalCli() },
      ip: '127.0.0.1',
      port,
      namespace: 'default',
      log: { format: 'pretty', level: 'error' },
      extraArgs: devServerExtraArgs(readTemporalDevConfig({})),
    },
  });
  try {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'timer-precision',
      workflowsPath: require.resolve('./support/sleeper.workflow'),
    });
    console.log(
      '\nDurable timer precision (dev server), lateness = fired - (started + duration), server times',
    );
    console.log('  duration ms | lateness median ms | min | max | fired after (median) ms');
    await worker.runUntil(async () => {
      for (const ms of DURATIONS) {
        const handle = await env.client.workflow.start('sleeperWorkflow', {
          taskQueue: 'timer-precision',
          workflowId: `sleeper-${ms}-${Date.now()}`,
          args: [ms, N],
        });
        await handle.result();
        const started = new Map<string, number>();
        const late: number[] = [];
        for (const e of (await handle.fetchHistory()).events ?? []) {
          if (e.eventType === EventType.EVENT_TYPE_TIMER_STARTED)
            started.set(e.timerStartedEventAttributes?.timerId ?? '', at(e));
          if (e.eventType === EventType.EVENT_TYPE_TIMER_FIRED)
            late.push(at(e) - started.get(e.timerFiredEventAttributes?.timerId ?? '')! - ms);
        }
        const m = median(late);
        console.log(
          `  ${String(ms).padStart(11)} | ${String(m).padStart(18)} | ${Math.min(...late)} | ${Math.max(...late)} | ${ms + m}`,
        );
      }
    });
  } finally {
    await env.teardown();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
