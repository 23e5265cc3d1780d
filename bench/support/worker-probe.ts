/**
 * Preloaded into a child worker process by the benchmarks (`node --expose-gc -r @swc-node/register
 * -r ./bench/support/worker-probe.ts apps/worker/src/main.ts`): every BENCH_PROBE_INTERVAL_MS it
 * forces a GC (when --expose-gc is given), then appends one JSON line to BENCH_PROBE_FILE with the
 * process's memory and main-thread event-loop delay. It changes nothing in the worker itself.
 *
 * Note: workflow code runs in worker threads; their heaps are in `rss`, not in `heapUsed`
 * (which is the main thread's: activities, the SDK's JS side).
 */
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env['BENCH_PROBE_FILE'];
const intervalMs = Number(process.env['BENCH_PROBE_INTERVAL_MS'] ?? 2_000);

if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let lastCpu = process.cpuUsage();
  let lastAt = performance.now();
  const timer = setInterval(() => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    const now = performance.now();
    const cpuPercent =
      ((cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000 / (now - lastAt)) * 100;
    lastCpu = cpu;
    lastAt = now;
    const line = {
      at: Date.now(),
      gc: Boolean(gc),
      rssMiB: mem.rss / 1048576,
      heapUsedMiB: mem.heapUsed / 1048576,
      heapTotalMiB: mem.heapTotal / 1048576,
      externalMiB: mem.external / 1048576,
      arrayBuffersMiB: mem.arrayBuffers / 1048576,
      cpuPercent,
      eventLoopDelayP50Ms: delay.percentile(50) / 1e6,
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      eventLoopDelayMaxMs: delay.max / 1e6,
    };
    delay.reset();
    try {
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // the benchmark went away; nothing to report to
    }
  }, intervalMs);
  timer.unref();
}
